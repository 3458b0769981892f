import { requireAdmin } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import { contractPdfForAdmin } from "@/lib/server/admin";
import { blobStore } from "@/lib/server/storage";

/** The stored contract PDF for an admin (second factor passed); each download is audited. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const c = await contractPdfForAdmin({ admin, ip: (await requestMeta()).ip }, (await params).id);
  const bytes = c ? await blobStore().get(c.pdfSha256!) : null;
  if (!c || !bytes) return new Response("页面不存在", { status: 404 });
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${c.number}.pdf"`, "cache-control": "private, no-store" },
  });
}

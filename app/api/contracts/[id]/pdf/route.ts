import { currentUser } from "@/lib/server/auth";
import { contractForViewer } from "@/lib/server/contracts";
import { blobStore } from "@/lib/server/storage";

/** The signed contract PDF, for its parties only; anyone else gets 404 (admins download through /admin, audited). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const view = user ? await contractForViewer(user, id) : null;
  const sha = view?.contract.pdfSha256;
  // streamed from the store: a large signed PDF is never held whole in memory
  const body = sha ? await blobStore().stream(sha) : null;
  if (!view || !body) return new Response("页面不存在", { status: 404 });
  const name = encodeURIComponent(`${view.contract.title}-${view.contract.number}.pdf`);
  return new Response(body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="contract.pdf"; filename*=UTF-8''${name}`,
      "cache-control": "private, no-store",
      "x-content-sha256": sha!,
    },
  });
}

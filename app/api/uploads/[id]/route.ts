import { currentUser } from "@/lib/server/auth";
import { uploadStatus } from "@/lib/server/files";

/** An upload's state while LibreOffice converts it (polled by the upload step); the uploader only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const upload = user ? await uploadStatus(user.id, id) : null;
  if (!upload) return new Response("页面不存在", { status: 404 });
  return Response.json(upload, { headers: { "cache-control": "no-store" } });
}

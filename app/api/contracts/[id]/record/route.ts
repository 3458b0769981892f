import { currentUser } from "@/lib/server/auth";
import { contractForViewer } from "@/lib/server/contracts";
import { blobStore } from "@/lib/server/storage";
import { pdfResponse } from "@/lib/server/files";

/** The 结清确认书 / 解除确认书 (sealed, its own document), for the contract's parties only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const view = user ? await contractForViewer(user, id) : null;
  const sha = view?.contract.endRecordSha256;
  const bytes = sha ? await blobStore().get(sha) : null;
  return bytes ? pdfResponse(bytes, `${view!.contract.title}-${view!.contract.number}-确认书.pdf`) : new Response("页面不存在", { status: 404 });
}

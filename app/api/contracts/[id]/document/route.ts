import { currentUser } from "@/lib/server/auth";
import { contractForViewer, ownFacts } from "@/lib/server/contracts";
import { blobStore } from "@/lib/server/storage";
import { pdfResponse } from "@/lib/server/files";

/** An own-document contract's uploaded PDF (before stamping), for its parties only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const view = user ? await contractForViewer(user, id) : null;
  const facts = view && ownFacts(view.contract);
  const bytes = facts ? await blobStore().get(facts.documentSha256) : null;
  return bytes ? pdfResponse(bytes) : new Response("页面不存在", { status: 404 });
}

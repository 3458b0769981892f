import { currentUser } from "@/lib/server/auth";
import { maySeeSignature } from "@/lib/server/contracts";
import { blobStore } from "@/lib/server/storage";

export async function GET(_req: Request, { params }: { params: Promise<{ sha: string }> }) {
  const user = await currentUser();
  const { sha } = await params;
  if (!user || !/^[0-9a-f]{64}$/.test(sha) || !(await maySeeSignature(user.id, sha))) return new Response("页面不存在", { status: 404 });
  const bytes = await blobStore().get(sha);
  if (!bytes) return new Response("页面不存在", { status: 404 });
  return new Response(Buffer.from(bytes), { headers: { "content-type": "image/png", "cache-control": "private, max-age=31536000, immutable" } });
}

import { currentUser } from "@/lib/server/auth";
import { receiveUpload } from "@/lib/server/files";
import { UPLOAD_MAX_BYTES } from "@/lib/domain/file-sniff";
import { readFormCapped } from "@/lib/server/http";

export const runtime = "nodejs";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** 文件发起 / 图片发起: multipart "file" parts (one document, or one or more images). */
export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return json({ ok: false, error: "请先登录" }, 401);
  // the ceiling holds while streaming (multipart framing adds a little to the files)
  const body = await readFormCapped(req, UPLOAD_MAX_BYTES + 1024 * 1024);
  if (!body.ok) return body.reason === "too-big" ? json({ ok: false, error: "文件超过50MB，请压缩后再上传" }, 413) : json({ ok: false, error: "上传失败，请重新选择文件" }, 400);
  const form = body.form;
  const files = await Promise.all(
    form
      .getAll("file")
      .filter((f): f is File => typeof f !== "string")
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const res = await receiveUpload(user, files);
  return json(res, res.ok ? 200 : 422);
}

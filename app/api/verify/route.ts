import { db } from "@/lib/server/db";
import { requestMeta } from "@/lib/server/request";
import { takeRate } from "@/lib/server/ratelimit";
import { verifyPdf } from "@/lib/server/evidence";
import { readFormCapped } from "@/lib/server/http";
import { UPLOAD_MAX_BYTES } from "@/lib/domain/file-sniff";

export const runtime = "nodejs";

const VERIFY_PER_HOUR = 60;
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
const TOO_BIG = "文件超过50MB，无法验证";

/** 验证 (public, no sign-in): one PDF checked in memory, within bounds; the bytes are never stored. */
export async function POST(req: Request) {
  const { ip, limitable } = await requestMeta();
  if (limitable && !(await db().$transaction((tx) => takeRate(tx, `verify:${ip}`, VERIFY_PER_HOUR, 3600_000)))) return json({ ok: false, error: "验证次数过多，请稍后再试" }, 429);
  // multipart framing adds a little to the file itself
  const body = await readFormCapped(req, UPLOAD_MAX_BYTES + 1024 * 1024);
  if (!body.ok) return body.reason === "too-big" ? json({ ok: false, error: TOO_BIG }, 413) : json({ ok: false, error: "上传失败，请重新选择文件" }, 400);
  const file = body.form.get("file");
  if (!file || typeof file === "string") return json({ ok: false, error: "请选择要验证的PDF文件" }, 400);
  if (file.size === 0) return json({ ok: false, error: "文件为空，请重新选择" }, 422);
  if (file.size > UPLOAD_MAX_BYTES) return json({ ok: false, error: TOO_BIG }, 413);
  const result = await verifyPdf(new Uint8Array(await file.arrayBuffer()));
  if (result.kind === "not-pdf") return json({ ok: false, error: "这不是PDF文件，无法验证" }, 422);
  if (result.kind === "too-complex") return json({ ok: false, error: result.message }, 422);
  return json({ ok: true, data: result });
}

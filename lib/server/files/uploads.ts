import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Upload, User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { takeRate } from "@/lib/server/ratelimit";
import { blobStore, storeFile } from "@/lib/server/storage";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { isImageType, sniffUpload, UPLOAD_MAX_BYTES, type UploadType } from "@/lib/domain/file-sniff";
import { checkPdf } from "./pdf-check";
import { ImageTooLarge, imagesToPdf } from "./images";
import { ConvertError, officeToPdf } from "./convert";
import { log } from "@/lib/server/log";

export const CONVERT_JOB = "upload.convert";
export const MAX_IMAGES = 20;
const UPLOADS_PER_HOUR = 60;

export type UploadView = Pick<Upload, "id" | "fileName" | "sourceType" | "status" | "pageCount" | "error">;
const view = (u: Upload): UploadView => ({ id: u.id, fileName: u.fileName, sourceType: u.sourceType, status: u.status, pageCount: u.pageCount, error: u.error });

/** A display name only: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100) || "未命名文件";
}

const tmpDir = () => path.join(config.dataDir, "tmp", "uploads");

/**
 * 文件发起 / 图片发起: checks the bytes (not the names), then a PDF or images become the document at
 * once, and an office file waits for LibreOffice in a job. A refused file leaves nothing behind.
 */
export async function receiveUpload(user: User, files: { name: string; bytes: Uint8Array }[]): Promise<ActionResult<UploadView>> {
  if (files.length === 0) return fail("请选择文件");
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > UPLOAD_MAX_BYTES) return fail("文件超过50MB，请压缩后再上传");
  const types: UploadType[] = [];
  for (const f of files) {
    const sniffed = sniffUpload(f.bytes);
    if (!sniffed.ok) return fail(files.length > 1 ? `${cleanFileName(f.name)}：${sniffed.message}` : sniffed.message);
    types.push(sniffed.type);
  }
  const images = types.every(isImageType);
  if (files.length > 1 && !images) return fail("一次只能上传一个文件；多张图片可以一起上传");
  if (files.length > MAX_IMAGES) return fail(`一次最多上传${MAX_IMAGES}张图片`);
  const allowed = await db().$transaction((tx) => takeRate(tx, `upload:${user.id}`, UPLOADS_PER_HOUR, 3600_000));
  if (!allowed) return fail("上传过于频繁，请稍后再试");

  const fileName = cleanFileName(files[0]!.name);
  const sourceType = images && files.length > 1 ? "images" : types[0]!;
  if (types[0] === "pdf" || images) {
    let pdf: Uint8Array;
    try {
      pdf = images ? await imagesToPdf(files.map((f) => f.bytes)) : files[0]!.bytes;
    } catch (e) {
      if (e instanceof ImageTooLarge) return fail(`图片尺寸为${e.width}×${e.height}像素，超过了上限（1亿像素，约10000×10000），请缩小后重新上传`);
      return fail("图片已损坏，无法打开");
    }
    const checked = await checkPdf(pdf);
    if (!checked.ok) return fail(checked.message);
    const upload = await db().$transaction(async (tx) => {
      const pdfSha256 = await storeFile(tx, pdf, "application/pdf");
      return tx.upload.create({ data: { userId: user.id, fileName, sourceType, status: "READY", pdfSha256, pageCount: checked.pageCount, createdAt: now(), finishedAt: now() } });
    });
    return ok(view(upload));
  }
  // DOC / DOCX / XLSX: the original waits in a private temp file until LibreOffice has run
  const upload = await db().upload.create({ data: { userId: user.id, fileName, sourceType, status: "CONVERTING", createdAt: now() } });
  await fs.mkdir(tmpDir(), { recursive: true });
  await fs.writeFile(path.join(tmpDir(), `${upload.id}.${sourceType}`), files[0]!.bytes, { mode: 0o600 });
  await db().$transaction((tx) => enqueue(tx, CONVERT_JOB, { uploadId: upload.id }, { maxAttempts: 1 }));
  return ok(view(upload));
}

/** Converts one office upload; whatever happens, the original is deleted and the upload says how it ended. */
export async function convertUpload(uploadId: string): Promise<void> {
  const upload = await db().upload.findUnique({ where: { id: uploadId } });
  if (!upload || upload.status !== "CONVERTING") return;
  const src = path.join(tmpDir(), `${upload.id}.${upload.sourceType}`);
  const work = path.join(tmpDir(), `${upload.id}-out`);
  let result: { pdf: Uint8Array; pageCount: number } | { error: string };
  try {
    await fs.mkdir(work, { recursive: true });
    const pdf = await officeToPdf(src, work);
    const checked = await checkPdf(pdf);
    result = checked.ok ? { pdf, pageCount: checked.pageCount } : { error: checked.message };
  } catch (e) {
    if (!(e instanceof ConvertError)) log().error({ err: e, uploadId }, "conversion failed");
    result = { error: e instanceof ConvertError ? e.message : "文件转换失败，请稍后重试或另存为PDF后上传" };
  } finally {
    await fs.rm(src, { force: true });
    await fs.rm(work, { recursive: true, force: true });
  }
  await db().$transaction(async (tx) => {
    if ("error" in result) {
      await tx.upload.update({ where: { id: upload.id }, data: { status: "FAILED", error: result.error, finishedAt: now() } });
      return;
    }
    const pdfSha256 = await storeFile(tx, result.pdf, "application/pdf");
    await tx.upload.update({ where: { id: upload.id }, data: { status: "READY", pdfSha256, pageCount: result.pageCount, finishedAt: now() } });
  });
}

registerJob(CONVERT_JOB, async (payload) => {
  await convertUpload((payload as { uploadId: string }).uploadId);
}, { queue: "documents" });

/**
 * At start-up (after orphan jobs were put back): an upload still CONVERTING whose conversion job
 * is neither queued nor running can never finish, so it is marked failed with a message saying
 * so, and its original is deleted. Returns how many.
 */
export async function failOrphanConversions(): Promise<number> {
  const stuck = await db().$queryRaw<{ id: string; sourceType: string }[]>`
    SELECT u.id, u."sourceType" FROM "Upload" u
    WHERE u.status = 'CONVERTING' AND NOT EXISTS (
      SELECT 1 FROM "Job" j WHERE j.name = ${CONVERT_JOB} AND j.payload->>'uploadId' = u.id AND j.status IN ('QUEUED', 'RUNNING')
    )`;
  for (const u of stuck) {
    await db().upload.updateMany({ where: { id: u.id, status: "CONVERTING" }, data: { status: "FAILED", error: "文件转换被中断，请重新上传", finishedAt: now() } });
    await fs.rm(path.join(tmpDir(), `${u.id}.${u.sourceType}`), { force: true });
  }
  return stuck.length;
}

/** The uploader's own upload; anyone else's id reads as missing. */
export async function uploadFor(userId: string, id: string): Promise<Upload | null> {
  if (id.length > 40) return null;
  const u = await db().upload.findUnique({ where: { id } });
  return u && u.userId === userId ? u : null;
}

export async function uploadStatus(userId: string, id: string): Promise<UploadView | null> {
  const u = await uploadFor(userId, id);
  return u ? view(u) : null;
}

export async function uploadPdf(userId: string, id: string): Promise<Uint8Array | null> {
  const u = await uploadFor(userId, id);
  return u?.pdfSha256 ? blobStore().get(u.pdfSha256) : null;
}

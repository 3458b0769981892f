import "server-only";
import { PDFDocument } from "pdf-lib";
import { MAX_PAGES } from "@/lib/domain/own-file";

export type PdfCheck = { ok: true; pageCount: number } | { ok: false; message: string };

/** Opens the PDF as a viewer would: encrypted, unreadable, empty or over-long documents are refused. */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  // counted before the full parse: a file of a million tiny objects is refused, not parsed
  if (objectCount(bytes, MAX_OBJECTS) > MAX_OBJECTS) return { ok: false, message: "文件结构过于复杂，请另存为PDF或打印为PDF后再上传" };
  let doc: PDFDocument;
  try {
    // a lenient read first: an encrypted file's objects do not parse, and it needs its own message
    const lenient = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    if (lenient.isEncrypted) return { ok: false, message: "文件已加密，请先取消密码保护后再上传" };
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { ok: false, message: "文件已损坏，无法打开" };
  }
  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch {
    return { ok: false, message: "文件已损坏，无法打开" };
  }
  if (pageCount === 0) return { ok: false, message: "文件没有任何页面" };
  if (pageCount > MAX_PAGES) return { ok: false, message: `文件共${pageCount}页，最多支持${MAX_PAGES}页` };
  return { ok: true, pageCount };
}

/** Far above any real document of 200 pages (a 100-page contract has a few thousand). */
export const MAX_OBJECTS = 200_000;

/** Indirect objects ("12 0 obj") in the raw bytes, counting no further than `stopAfter`. */
function objectCount(bytes: Uint8Array, stopAfter: number): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const re = /\d+\s+\d+\s+obj\b/g;
  let n = 0;
  while (re.exec(text) && ++n <= stopAfter);
  return n;
}

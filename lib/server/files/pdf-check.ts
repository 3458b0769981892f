import "server-only";
import { PDFDocument } from "pdf-lib";
import { MAX_PAGES } from "@/lib/domain/own-file";

export type PdfCheck = { ok: true; pageCount: number } | { ok: false; message: string };

/** Opens the PDF as a viewer would: encrypted, unreadable, empty or over-long documents are refused. */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
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

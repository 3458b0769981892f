import { unzipSync } from "fflate";

// Upload type detection for 自有文件发起. Decided from the bytes only: browsers and users
// mislabel files, and the file name / MIME type are attacker-controlled anyway.

export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

export type UploadType = "pdf" | "doc" | "docx" | "xlsx" | "png" | "jpeg";
export type SniffRefusal = "EMPTY" | "TOO_LARGE" | "UNSUPPORTED" | "ZIP_BOMB" | "CORRUPT";
export type SniffResult = { ok: true; type: UploadType } | { ok: false; code: SniffRefusal; message: string };

/** Whether the type becomes one A4 page per image (图片发起) rather than a document (文件发起). */
export const isImageType = (t: UploadType) => t === "png" || t === "jpeg";

const MESSAGES: Record<SniffRefusal, string> = {
  EMPTY: "文件为空，请重新选择",
  TOO_LARGE: "文件超过50MB，请压缩后再上传",
  UNSUPPORTED: "不支持的文件类型，请上传 PDF、Word（doc/docx）、Excel（xlsx）或 PNG/JPG 图片",
  ZIP_BOMB: "文件异常（解压后体积过大），已拒绝",
  CORRUPT: "文件已损坏，无法打开",
};

// Zip limits are checked against the sizes the archive declares, before anything is inflated,
// so a small upload cannot make the converter (LibreOffice) expand gigabytes.
const MB = 1024 * 1024;
const ZIP_MAX_TOTAL = 300 * MB;
const ZIP_MAX_RATIO = 200;
const ZIP_RATIO_MIN_SIZE = 20 * MB;
const ZIP_MAX_ENTRIES = 5000;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = ascii("%PDF-");
const EOF = ascii("%%EOF");

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (at + sig.length > bytes.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function indexOf(bytes: Uint8Array, sig: number[], from: number, to: number): number {
  for (let i = Math.max(0, from); i + sig.length <= Math.min(to, bytes.length); i++) {
    if (startsWith(bytes, sig, i)) return i;
  }
  return -1;
}

const ok = (type: UploadType): SniffResult => ({ ok: true, type });
const refuse = (code: SniffRefusal): SniffResult => ({ ok: false, code, message: MESSAGES[code] });

class ZipBomb extends Error {}

function sniffZip(bytes: Uint8Array): SniffResult {
  const names = new Set<string>();
  let entries = 0;
  let total = 0;
  try {
    // The filter sees every central-directory entry; returning false means nothing is inflated.
    // Throwing stops early, which also bounds the loop for a forged (zip64) entry count.
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        const ratioBomb = f.originalSize > ZIP_RATIO_MIN_SIZE && f.originalSize > ZIP_MAX_RATIO * f.size;
        if (entries > ZIP_MAX_ENTRIES || total > ZIP_MAX_TOTAL || ratioBomb) throw new ZipBomb();
        names.add(f.name);
        return false;
      },
    });
  } catch (e) {
    return refuse(e instanceof ZipBomb ? "ZIP_BOMB" : "CORRUPT");
  }
  if (!names.has("[Content_Types].xml")) return refuse("UNSUPPORTED");
  if (names.has("word/document.xml")) return ok("docx");
  if (names.has("xl/workbook.xml")) return ok("xlsx");
  return refuse("UNSUPPORTED");
}

export function sniffUpload(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return refuse("EMPTY");
  if (bytes.length > UPLOAD_MAX_BYTES) return refuse("TOO_LARGE");
  // Fixed-offset signatures first, so a zip/image that merely contains "%PDF-" early stays what it is.
  if (startsWith(bytes, PNG)) return ok("png");
  if (startsWith(bytes, JPEG)) return ok("jpeg");
  if (startsWith(bytes, OLE)) return ok("doc");
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  // Readers accept a header anywhere in the first 1 KB (some generators prepend junk).
  if (indexOf(bytes, PDF, 0, 1024) >= 0) {
    // A cut-off upload loses its trailer; refuse it here instead of failing later in pdf-lib.
    return indexOf(bytes, EOF, bytes.length - 2048, bytes.length) >= 0 ? ok("pdf") : refuse("CORRUPT");
  }
  return refuse("UNSUPPORTED");
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isImageType, sniffUpload, UPLOAD_MAX_BYTES, type SniffRefusal, type UploadType } from "./file-sniff";

const FIXTURES = path.resolve(__dirname, "../../e2e/fixtures/files");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

const MESSAGES: Record<SniffRefusal, string> = {
  EMPTY: "文件为空，请重新选择",
  TOO_LARGE: "文件超过50MB，请压缩后再上传",
  UNSUPPORTED: "不支持的文件类型，请上传 PDF、Word（doc/docx）、Excel（xlsx）或 PNG/JPG 图片",
  ZIP_BOMB: "文件异常（解压后体积过大），已拒绝",
  CORRUPT: "文件已损坏，无法打开",
};

function expectVerdict(bytes: Uint8Array, want: UploadType | SniffRefusal) {
  const got = sniffUpload(bytes);
  if (want in MESSAGES) {
    expect(got).toEqual({ ok: false, code: want, message: MESSAGES[want as SniffRefusal] });
  } else {
    expect(got).toEqual({ ok: true, type: want });
  }
}

// Rewrites the declared uncompressed size in every central-directory entry, so size limits
// can be tested without building (or inflating) a real multi-hundred-MB archive.
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

const ascii = (s: string) => strToU8(s);
const MB = 1024 * 1024;
const OOXML_TYPES = { "[Content_Types].xml": ascii("<Types/>") };

describe("sniffUpload: fixtures", () => {
  it.each([
    ["contract.pdf", "pdf"],
    ["rotated.pdf", "pdf"],
    ["encrypted.pdf", "pdf"], // encryption is the server's pdf-lib check, not the sniffer's
    ["pages-201.pdf", "pdf"], // likewise the page limit
    ["truncated.pdf", "CORRUPT"],
    ["program.pdf", "UNSUPPORTED"],
    ["empty.pdf", "EMPTY"],
    ["bomb.docx", "ZIP_BOMB"],
    ["ten-pages.docx", "docx"],
    ["short.docx", "docx"],
    ["sheet.xlsx", "xlsx"],
    ["camera.jpg", "jpeg"],
    ["photo.png", "png"],
  ] as const)("%s → %s", (name, want) => {
    expectVerdict(fixture(name), want);
  });
});

describe("sniffUpload: in-memory", () => {
  const tooLarge = () => {
    const b = new Uint8Array(UPLOAD_MAX_BYTES + 1);
    b.set(ascii("%PDF-1.7\n"));
    return b;
  };
  const pdf = (prefix: string) => ascii(`${prefix}%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);

  it.each([
    ["over 50 MB (even a PDF)", tooLarge, "TOO_LARGE"],
    ["plain text", () => ascii("借条\n今借到张三人民币壹万元整。"), "UNSUPPORTED"],
    ["MZ executable", () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), "UNSUPPORTED"],
    ["ELF header", () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "UNSUPPORTED"],
    ["minimal PDF", () => pdf(""), "pdf"],
    ["PDF header after junk within 1 KB", () => pdf("x".repeat(900)), "pdf"],
    ["PDF header after 1 KB", () => pdf("x".repeat(1100)), "UNSUPPORTED"],
    ["OLE compound file", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "doc"],
    ["PNG signature", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "png"],
    ["JPEG SOI", () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "jpeg"],
    ["zip of other files", () => zipSync({ "readme.txt": ascii("hello"), "a/b.bin": new Uint8Array(10) }), "UNSUPPORTED"],
    ["zip with document.xml but no [Content_Types].xml", () => zipSync({ "word/document.xml": ascii("<w/>") }), "UNSUPPORTED"],
    ["minimal docx parts", () => zipSync({ ...OOXML_TYPES, "word/document.xml": ascii("<w/>") }), "docx"],
    ["minimal xlsx parts", () => zipSync({ ...OOXML_TYPES, "xl/workbook.xml": ascii("<x/>") }), "xlsx"],
    ["zip header followed by junk", () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]), "CORRUPT"],
    [
      "zip with more than 5000 entries",
      () => zipSync(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i}`, new Uint8Array(0)]))),
      "ZIP_BOMB",
    ],
    [
      "one entry declaring 30 MB at a huge ratio",
      () => withDeclaredSize(zipSync({ ...OOXML_TYPES, "word/document.xml": new Uint8Array(1000) }), 30 * MB),
      "ZIP_BOMB",
    ],
    [
      "entries of 20 MB each (no ratio trip) summing over 300 MB",
      () => withDeclaredSize(zipSync(Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`f${i}`, new Uint8Array(0)]))), 20 * MB),
      "ZIP_BOMB",
    ],
    [
      "entries summing under 300 MB at a modest size",
      () => withDeclaredSize(zipSync({ ...OOXML_TYPES, "word/document.xml": new Uint8Array(0) }), 20 * MB),
      "docx",
    ],
  ] as const)("%s → %s", (_label, make, want) => {
    expectVerdict(make(), want);
  });
});

describe("isImageType", () => {
  it.each([
    ["png", true],
    ["jpeg", true],
    ["pdf", false],
    ["doc", false],
    ["docx", false],
    ["xlsx", false],
  ] as const)("%s → %s", (t, want) => {
    expect(isImageType(t)).toBe(want);
  });
});

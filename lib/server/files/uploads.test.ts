import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { execFileSync } from "node:child_process";
import sharp from "sharp";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/server/db";
import { person } from "@/lib/server/contracts/test-kit";
import { convertUpload, receiveUpload, uploadPdf } from "./uploads";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join("e2e", "fixtures", "files", name)));
const files = async () => ({ uploads: await db().upload.count(), stored: await db().storedFile.count() });

afterEach(() => {
  delete process.env.SOFFICE_BIN;
  delete process.env.SANDBOX_BIN;
  delete process.env.CONVERT_TIMEOUT_MS;
});

describe("uploads are judged by their bytes", () => {
  it.each([
    ["program.pdf", "不支持的文件类型"],
    ["empty.pdf", "文件为空"],
    ["encrypted.pdf", "文件已加密"],
    ["truncated.pdf", "文件已损坏"],
    ["pages-201.pdf", "最多支持200页"],
    ["bomb.docx", "解压后体积过大"],
  ])("%s is refused (%s) and leaves nothing behind", async (name, message) => {
    const u = await person("拒文件");
    const before = await files();
    const res = await receiveUpload(u, [{ name, bytes: fixture(name) }]);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toContain(message);
    expect(await files()).toEqual(before);
  });

  it("a PDF is ready at once, readable only by its uploader; a document with images is refused", async () => {
    const u = await person("传文件");
    const other = await person("他人");
    const res = await receiveUpload(u, [{ name: "../../etc/合同.pdf", bytes: fixture("contract.pdf") }]);
    expect(res).toMatchObject({ ok: true, data: { status: "READY", pageCount: 2, fileName: "合同.pdf" } });
    const id = res.ok ? res.data.id : "";
    expect(await uploadPdf(u.id, id)).not.toBeNull();
    expect(await uploadPdf(other.id, id)).toBeNull();
    const mixed = await receiveUpload(u, [{ name: "a.pdf", bytes: fixture("contract.pdf") }, { name: "b.png", bytes: fixture("photo.png") }]);
    expect(mixed).toMatchObject({ ok: false, error: expect.stringContaining("多张图片可以一起上传") });
  });

  it("several photos become one A4 page each", async () => {
    const u = await person("传图片");
    const res = await receiveUpload(u, [
      { name: "1.jpg", bytes: fixture("camera.jpg") },
      { name: "2.png", bytes: fixture("photo.png") },
    ]);
    expect(res).toMatchObject({ ok: true, data: { status: "READY", pageCount: 2, sourceType: "images" } });
  });
});

describe("office files convert in a job", () => {
  it("a 10-page DOCX becomes a 10-page PDF and its temporary copy is gone", async () => {
    const u = await person("转文档");
    const res = await receiveUpload(u, [{ name: "ten-pages.docx", bytes: fixture("ten-pages.docx") }]);
    expect(res).toMatchObject({ ok: true, data: { status: "CONVERTING" } });
    const id = res.ok ? res.data.id : "";
    await convertUpload(id);
    expect(await db().upload.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "READY", pageCount: 10 });
    expect(fs.readdirSync(path.join(process.env.DATA_DIR!, "tmp", "uploads")).filter((f) => f.startsWith(id))).toEqual([]);
  }, 60_000);

  it("a conversion that hangs is killed at its time limit and reported", async () => {
    const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fake-sandbox-")), "bwrap");
    fs.writeFileSync(fake, "#!/bin/sh\nsleep 30\n", { mode: 0o755 });
    process.env.SANDBOX_BIN = fake;
    process.env.CONVERT_TIMEOUT_MS = "500";
    const u = await person("卡住了");
    const res = await receiveUpload(u, [{ name: "short.docx", bytes: fixture("short.docx") }]);
    const id = res.ok ? res.data.id : "";
    const started = Date.now();
    await convertUpload(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db().upload.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("转换超时"), pdfSha256: null });
  });

  it("a photo over the pixel limit is refused with its size, not called damaged, and nothing is stored", async () => {
    const u = await person("超大图片");
    // 12000×10000: valid, 120 million pixels (a solid colour, so it is small on disk)
    const big = await sharp({ create: { width: 12000, height: 10000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    const before = await db().upload.count();
    const res = await receiveUpload(u, [{ name: "big.png", bytes: new Uint8Array(big) }]);
    expect(res).toMatchObject({ ok: false, error: "图片尺寸为12000×10000像素，超过了上限（1亿像素，约10000×10000），请缩小后重新上传" });
    expect(await db().upload.count()).toBe(before);
    // a damaged one still says so
    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ff0000" } }).png().toBuffer();
    const broken = new Uint8Array(small.subarray(0, small.length - 20));
    expect(await receiveUpload(u, [{ name: "broken.png", bytes: broken }])).toMatchObject({ ok: false, error: "图片已损坏，无法打开" });
  }, 60_000);

  it("a DOCX that links an image on a loopback server and a file:// image reaches neither", async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    // a local image the server could read: a 16×16 red PNG in the data folder
    const secret = path.join(process.env.DATA_DIR!, "secret-local.png");
    fs.writeFileSync(secret, await sharp({ create: { width: 16, height: 16, channels: 3, background: "#ff0000" } }).png().toBuffer());
    try {
      const u = await person("外链文档");
      const docx = docxLinkingImages([`http://127.0.0.1:${port}/leak.png`, `file://${secret}`]);
      const res = await receiveUpload(u, [{ name: "links.docx", bytes: docx }]);
      const id = res.ok ? res.data.id : "";
      await convertUpload(id);
      const upload = await db().upload.findUniqueOrThrow({ where: { id } });
      expect(upload.status).toBe("READY");
      await new Promise((r) => setTimeout(r, 500));
      expect(hits).toEqual([]);
      const pdf = path.join(process.env.DATA_DIR!, "links-out.pdf");
      fs.writeFileSync(pdf, (await uploadPdf(u.id, id))!);
      expect(execFileSync("pdftotext", [pdf, "-"]).toString()).toContain("外链图片测试");
      // pdfimages -list prints a two-line header and one line per image: no image made it in
      expect(execFileSync("pdfimages", ["-list", pdf]).toString().trim().split("\n").length).toBe(2);
    } finally {
      server.close();
    }
  }, 60_000);
});

/** A minimal DOCX with one paragraph and one picture per external link (r:link, TargetMode External). */
function docxLinkingImages(targets: string[]): Uint8Array {
  const rels = targets.map((t, i) => `<Relationship Id="rImg${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${t}" TargetMode="External"/>`).join("");
  const pictures = targets
    .map(
      (_, i) =>
        `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="${i + 1}" name="p${i}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="p${i}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rImg${i}"/></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
    )
    .join("");
  const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  return zipSync({
    "[Content_Types].xml": strToU8(`${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    "_rels/.rels": strToU8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    "word/_rels/document.xml.rels": strToU8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    "word/document.xml": strToU8(`${xml}<w:document ${ns}><w:body><w:p><w:r><w:t>外链图片测试</w:t></w:r></w:p>${pictures}</w:body></w:document>`),
  });
}

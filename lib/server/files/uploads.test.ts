import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/server/db";
import { person } from "@/lib/server/contracts/test-kit";
import { convertUpload, receiveUpload, uploadPdf } from "./uploads";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join("e2e", "fixtures", "files", name)));
const files = async () => ({ uploads: await db().upload.count(), stored: await db().storedFile.count() });

afterEach(() => {
  delete process.env.SOFFICE_BIN;
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
    const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fake-soffice-")), "soffice");
    fs.writeFileSync(fake, "#!/bin/sh\nsleep 30\n", { mode: 0o755 });
    process.env.SOFFICE_BIN = fake;
    process.env.CONVERT_TIMEOUT_MS = "500";
    const u = await person("卡住了");
    const res = await receiveUpload(u, [{ name: "short.docx", bytes: fixture("short.docx") }]);
    const id = res.ok ? res.data.id : "";
    const started = Date.now();
    await convertUpload(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db().upload.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("转换超时"), pdfSha256: null });
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import { effectiveIou } from "@/lib/server/contracts/test-kit";
import { checkPdf } from "@/lib/server/files";
import { readFormCapped } from "@/lib/server/http";
import { verifyPdf } from "./verify";

const signedPdf = async () => {
  const { contractId } = await effectiveIou(["界限甲", "界限乙"]);
  const c = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
  return Buffer.from((await blobStore().get(c.pdfSha256!))!);
};

describe("expensive files are bounded", () => {
  it("3,000 repeated signature references are refused with a message, and other work is answered meanwhile", async () => {
    const pdf = await signedPdf();
    const text = pdf.toString("latin1");
    const at = text.indexOf("/ByteRange");
    const dict = text.slice(text.lastIndexOf("<<", at), text.indexOf(">>", text.indexOf("/Contents", at)) + 2);
    const hostile = Buffer.concat([pdf, Buffer.from(Array.from({ length: 3000 }, (_, i) => `\n${900 + i} 0 obj\n${dict}\nendobj`).join(""), "latin1")]);
    let answered = false;
    const verdict = verifyPdf(hostile);
    const other = db().$queryRaw`SELECT 1`.then(() => (answered = true));
    const r = await verdict;
    await other;
    expect(r).toEqual({ kind: "too-complex", message: "文件含有3004处签名，超过可验证的30处，无法验证" });
    expect(answered).toBe(true);
  });

  it("a PDF of a million objects is refused before it is parsed", async () => {
    const body = Buffer.from("1 0 obj\nnull\nendobj\n".repeat(1_000_000), "latin1");
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), body, Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n")]);
    expect(await checkPdf(pdf)).toEqual({ ok: false, message: "文件结构过于复杂，请另存为PDF或打印为PDF后再上传" });
    const v = await verifyPdf(pdf);
    expect(v).toMatchObject({ kind: "pdf", signatures: [] });
  });

  it("a body with no Content-Length is cut off at the ceiling while streaming", async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024));
        if (sent > 64 * 1024 * 1024) c.close();
      },
    });
    const req = new Request("http://localhost/api/verify", { method: "POST", body: endless, headers: { "content-type": "multipart/form-data; boundary=x" }, duplex: "half" } as RequestInit);
    expect(await readFormCapped(req, 1024 * 1024)).toEqual({ ok: false, reason: "too-big" });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });
});

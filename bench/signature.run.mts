// npm run bench:signature — adding one PAdES signature (incremental update, with a TSA token) to a
// 1-page, a 100-page and a 20 MB PDF, and the long-term-validation step (DSS with certificates and
// revocation lists, then a document time-stamp), next to SHA-256 over the same bytes in the same
// run: the floor, since both must cover the whole file. Prints; asserts nothing.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { test } from "vitest";
import { row, timeRuns } from "./stats.mts";

async function pdfWith(pages: number, padBytes = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 40; line++) page.drawText(`Page ${i}, clause ${line + 1}: the parties agree as follows.`, { x: 50, y: 790 - line * 18, size: 11, font });
  }
  // bulk such as a scanned attachment: one large stream the signature must cover but need not parse
  if (padBytes) doc.catalog.set(PDFName.of("BenchPayload"), doc.context.register(doc.context.stream(randomBytes(padBytes))));
  return doc.save({ useObjectStreams: false });
}

test("bench:signature", async () => {
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "bench-sig-"));
  const { addSignature } = await import("@/lib/server/pdf");
  const { addLongTermValidation } = await import("@/lib/server/pdf");
  const { issueSignerCert, platformPki, timeStampAuthority } = await import("@/lib/server/pki");
  const { ca } = await platformPki();
  const signer = await issueSignerCert({ name: "张三", idMasked: "1101**********1234", contractNumber: "HT2026120400000001" });
  const sign = (pdf: Uint8Array) => addSignature(pdf, { signer, chain: [ca.cert], tsa: timeStampAuthority(), fieldName: "bench", name: "张三", reason: "bench", signingTime: new Date() });

  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const cases: [string, Uint8Array][] = [
    ["1 page", await pdfWith(1)],
    ["100 pages", await pdfWith(100)],
    ["20 MB (100 pages + 19 MB stream)", await pdfWith(100, 19 * 1024 * 1024)],
  ];
  await sign(cases[0]![1]); // key import and first TSA token: not counted
  for (const [label, pdf] of cases) {
    const floor = await timeRuns(runs, async () => createHash("sha256").update(pdf).digest());
    const add = await timeRuns(runs, () => sign(pdf));
    const signed = await sign(pdf);
    const ltv = await timeRuns(runs, () => addLongTermValidation(signed, "bench-ltv"));
    console.log(`\n${label}: ${(pdf.length / 1024 / 1024).toFixed(2)} MB, ${runs} runs`);
    console.log(row("SHA-256 of the file (floor)", floor));
    console.log(row("add one signature", add));
    console.log(row("add DSS + document time-stamp", ltv));
  }
});

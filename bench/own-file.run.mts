// npm run bench:own-file — own documents: converting a 10-page DOCX with headless LibreOffice (next to
// a 1-page DOCX, so the fixed start-up cost shows), and stamping 20 fields onto a 100-page PDF (next
// to a pdf-lib load + save of the same file, the floor of any rewrite). Prints; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { test } from "vitest";
import { row, timeRuns } from "./stats.mts";

const fixture = (name: string) => path.resolve(import.meta.dirname, "../e2e/fixtures/files", name);

async function hundredPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 100; i++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 40; line++) page.drawText(`Page ${i}, clause ${line + 1}: the parties agree as follows.`, { x: 50, y: 790 - line * 18, size: 11, font });
  }
  return doc.save({ useObjectStreams: false });
}

const signaturePng = () =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><path d="M20 180 C 120 20, 220 220, 320 90 S 520 60, 580 170" stroke="#111" stroke-width="10" fill="none"/></svg>`))
    .png()
    .toBuffer();

test("bench:own-file", async () => {
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "bench-own-"));
  const { officeToPdf } = await import("@/lib/server/files");
  const { stampFields } = await import("@/lib/server/pdf");

  const convertRuns = Number(process.env.BENCH_CONVERT_RUNS ?? 5);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-convert-"));
  const convert = (name: string) => () => officeToPdf(fixture(name), work);
  await convert("short.docx")(); // the first start creates the LibreOffice profile; not counted
  const oneDocx = await timeRuns(convertRuns, convert("short.docx"));
  const tenDocx = await timeRuns(convertRuns, convert("ten-pages.docx"));

  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const pdf = await hundredPages();
  const png = new Uint8Array(await signaturePng());
  const signers = new Map([
    [0, { name: "张三", signedAt: "2026-11-26 10:00", signedOn: "2026年11月26日", png }],
    [1, { name: "李四", signedAt: "2026-11-26 10:05", signedOn: "2026年11月26日", png }],
  ]);
  const kinds = ["SIGNATURE", "NAME", "DATE", "TEXT"] as const;
  const fields = Array.from({ length: 20 }, (_, i) => ({
    kind: kinds[i % kinds.length]!,
    page: (i * 5) % 100,
    partySeq: i % 2,
    value: "备注文字",
    x: 0.1 + (i % 3) * 0.25,
    y: 0.7,
    w: 0.22,
    h: 0.08,
  }));
  await stampFields(pdf, fields, signers); // font subsetting warm-up
  const floor = await timeRuns(runs, async () => (await PDFDocument.load(pdf, { updateMetadata: false })).save({ useObjectStreams: false }));
  const stamp = await timeRuns(runs, () => stampFields(pdf, fields, signers));

  console.log(`LibreOffice conversion, ${convertRuns} runs each`);
  console.log(row("1-page DOCX → PDF (baseline: start-up)", oneDocx));
  console.log(row("10-page DOCX → PDF", tenDocx));
  console.log(`\n100-page PDF (${pdf.length} bytes), 20 fields, ${runs} runs`);
  console.log(row("pdf-lib load + save (floor)", floor));
  console.log(row("stamp 20 fields (load, draw, save)", stamp));
  fs.rmSync(work, { recursive: true, force: true });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { stampFields, type StampField } from "./stamp";

// Rendered by poppler at 72 dpi (one pixel per point), grey.
async function render(pdf: Uint8Array) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
  fs.writeFileSync(path.join(dir, "doc.pdf"), pdf);
  execFileSync("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", "-png", "-singlefile", path.join(dir, "doc.pdf"), path.join(dir, "page")]);
  const { data, info } = await sharp(path.join(dir, "page.png")).greyscale().raw().toBuffer({ resolveWithObject: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const inkIn = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = Math.floor(y0); y < Math.ceil(y1); y++) for (let x = Math.floor(x0); x < Math.ceil(x1); x++) if (data[y * info.width + x]! < 128) n++;
    return n;
  };
  return { width: info.width, height: info.height, inkIn };
}

describe("stampFields", () => {
  it("draws every Chinese character of a text field (the embedded font subset keeps each glyph)", async () => {
    const base = await PDFDocument.create();
    base.addPage([595, 842]);
    const text = "甲乙丙丁戊己庚辛壬癸子丑";
    const field: StampField = { kind: "TEXT", page: 0, partySeq: 0, value: text, x: 0.1, y: 0.1, w: 0.8, h: 0.05 };
    const out = await stampFields(await base.save(), [field], new Map([[0, { name: "张三", signedAt: "", signedOn: "", png: null }]]));
    const page = await render(out);
    // 14 pt glyphs centred in the box: one 14-pixel cell per character, each must carry ink
    const size = 14;
    const left = 595 / 2 - (text.length * size) / 2;
    const top = 0.1 * 842;
    const cells = [...text].map((_, i) => page.inkIn(left + i * size + 1, left + (i + 1) * size - 1, top, top + 0.05 * 842));
    expect(cells.every((n) => n > 8), `ink per character: ${cells.join(",")}`).toBe(true);
    expect(page.inkIn(0, 595, top + 0.05 * 842 + 4, 842)).toBe(0); // nothing drawn outside the field
  });
});

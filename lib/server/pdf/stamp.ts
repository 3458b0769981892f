import "server-only";
import fs from "node:fs";
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import { placeField, type FracRect, type Placement } from "@/lib/domain/field-geometry";
import type { FieldKind } from "@/lib/domain/own-file";
import { registerFontkit } from "./fontkit";
import { pdfFontFiles } from "./render";

// 自有文件: the signers' fields drawn onto the uploaded document where they were placed. The
// result is saved once with a classic xref table, so the signatures after it are incremental.

export type StampField = FracRect & { kind: FieldKind; page: number; partySeq: number; value: string | null };
export type StampSigner = { name: string; signedAt: string; signedOn: string; png: Uint8Array | null };

const INK = rgb(0.08, 0.08, 0.12);
const CAPTION = rgb(0.35, 0.35, 0.4);

let fontBytes: Buffer | null = null;
const chineseFont = () => (fontBytes ??= fs.readFileSync(pdfFontFiles().regular));

/** (dx, dy) inside a placement's own upright frame → page user space. */
function at(p: Placement, dx: number, dy: number): { x: number; y: number } {
  const r = (p.rotate * Math.PI) / 180;
  return { x: p.x + dx * Math.cos(r) - dy * Math.sin(r), y: p.y + dx * Math.sin(r) + dy * Math.cos(r) };
}

function drawLine(page: PDFPage, p: Placement, text: string, font: PDFFont, box: { dy: number; h: number }, color = INK) {
  if (!text) return;
  let size = Math.min(box.h * 0.72, 14);
  const width = font.widthOfTextAtSize(text, size);
  if (width > p.width * 0.96) size *= (p.width * 0.96) / width;
  const textWidth = font.widthOfTextAtSize(text, size);
  const o = at(p, (p.width - textWidth) / 2, box.dy + (box.h - size) / 2 + size * 0.14);
  page.drawText(text, { x: o.x, y: o.y, size, font, color, rotate: degrees(p.rotate) });
}

function drawSignature(page: PDFPage, p: Placement, img: PDFImage, caption: string, font: PDFFont) {
  // the signature image fits the box above a one-line caption (name and signing time)
  const captionH = Math.min(p.height * 0.22, 10);
  const room = { w: p.width, h: p.height - captionH };
  const scale = Math.min(room.w / img.width, room.h / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  const o = at(p, (p.width - w) / 2, captionH + (room.h - h) / 2);
  page.drawImage(img, { x: o.x, y: o.y, width: w, height: h, rotate: degrees(p.rotate) });
  drawLine(page, p, caption, font, { dy: 0, h: captionH }, CAPTION);
}

export async function stampFields(base: Uint8Array, fields: StampField[], signers: Map<number, StampSigner>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base, { updateMetadata: false });
  registerFontkit(doc);
  const font = await doc.embedFont(chineseFont(), { subset: true });
  const images = new Map<Uint8Array, PDFImage>();
  const pages = doc.getPages();
  for (const f of fields) {
    const signer = signers.get(f.partySeq);
    const page = pages[f.page];
    if (!signer || !page) continue;
    const box = page.getCropBox();
    const p = placeField({ x0: box.x, y0: box.y, width: box.width, height: box.height, rotate: page.getRotation().angle }, f);
    const whole = { dy: 0, h: p.height };
    switch (f.kind) {
      case "SIGNATURE": {
        if (!signer.png) throw new Error(`signer ${f.partySeq} has a signature field but no signature image`);
        let img = images.get(signer.png);
        if (!img) images.set(signer.png, (img = await doc.embedPng(signer.png)));
        drawSignature(page, p, img, `${signer.name} ${signer.signedAt}`, font);
        break;
      }
      case "NAME":
        drawLine(page, p, signer.name, font, whole);
        break;
      case "DATE":
        drawLine(page, p, signer.signedOn, font, whole);
        break;
      case "TEXT":
        drawLine(page, p, f.value ?? "", font, whole);
        break;
    }
  }
  return doc.save({ useObjectStreams: false });
}

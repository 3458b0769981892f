import "server-only";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";

// 图片发起: each photo becomes one A4 page. sharp applies the EXIF orientation (a phone photo
// is stored sideways with a tag saying so) and scales big camera images down to 200 dpi on A4.
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 24; // pt
const MAX_PX = { long: 2339, short: 1654 };
/** The largest photo read at all (pixels): a bigger one is refused with its size, not decoded. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** A photo over MAX_INPUT_PIXELS: valid, but too large to turn into a page. */
export class ImageTooLarge extends Error {
  constructor(readonly width: number, readonly height: number) {
    super(`image ${width}×${height} over ${MAX_INPUT_PIXELS} pixels`);
  }
}

export async function imagesToPdf(images: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer("个人电子签");
  doc.setCreator("个人电子签");
  for (const bytes of images) {
    // the header alone says how big it is: say so rather than call a valid photo damaged
    const { width = 0, height = 0 } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (width * height > MAX_INPUT_PIXELS) throw new ImageTooLarge(width, height);
    const { data, info } = await sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS })
      .rotate() // EXIF orientation → upright pixels
      .resize({ width: MAX_PX.long, height: MAX_PX.long, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const landscape = info.width > info.height;
    const page = doc.addPage(landscape ? [A4.h, A4.w] : [A4.w, A4.h]);
    const img = await doc.embedJpg(data);
    const box = { w: page.getWidth() - 2 * MARGIN, h: page.getHeight() - 2 * MARGIN };
    const scale = Math.min(box.w / info.width, box.h / info.height);
    const w = info.width * scale;
    const h = info.height * scale;
    page.drawImage(img, { x: (page.getWidth() - w) / 2, y: (page.getHeight() - h) / 2, width: w, height: h });
  }
  return doc.save();
}

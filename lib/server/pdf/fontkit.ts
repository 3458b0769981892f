import "server-only";
import { EventEmitter } from "node:events";
import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

// pdf-lib's own fork (@pdf-lib/fontkit 1.1) writes broken TrueType subsets: a short `loca` table
// without padding shifts glyph offsets, so most CJK glyphs come out blank in poppler and pdf.js
// while the text layer still extracts (pdf-lib issue #1232). Upstream fontkit 2 (already here for
// @react-pdf) subsets correctly; its subset only lost the stream API pdf-lib calls, which we
// supply from encode().

type Subset = { encode(): Uint8Array; encodeStream?: () => EventEmitter };
type FontkitFont = { createSubset(): Subset };

function withEncodeStream(subset: Subset): Subset {
  subset.encodeStream = () => {
    const stream = new EventEmitter();
    queueMicrotask(() => {
      try {
        stream.emit("data", subset.encode());
        stream.emit("end");
      } catch (e) {
        stream.emit("error", e);
      }
    });
    return stream;
  };
  return subset;
}

const adapter = {
  create(data: Uint8Array) {
    const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as FontkitFont;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => withEncodeStream(createSubset());
    return font;
  },
};

export const registerFontkit = (doc: PDFDocument) => doc.registerFontkit(adapter as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);

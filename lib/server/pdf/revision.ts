import "server-only";
import { PDFDocument, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

// Incremental updates (PDF 32000-1 §7.5.6): a new revision is appended after the existing bytes,
// which stay exactly as they were, so signatures over earlier revisions remain valid.

export function lastStartXref(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString("latin1");
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error("PDF has no trailing startxref");
  const offset = Number(m[1]);
  if (Buffer.from(pdf.subarray(offset, offset + 4)).toString("latin1") !== "xref") {
    throw new Error("PDF uses a cross-reference stream; save it with a classic xref table first");
  }
  return offset;
}

export function objectBytes(obj: PDFObject): Buffer {
  const buf = Buffer.alloc(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** The existing file, then the given objects, an xref section and a trailer pointing back. */
export function appendObjects(pdf: Uint8Array, ctx: PDFContext, objects: [PDFRef, Buffer][]): Buffer {
  const prevXref = lastStartXref(pdf);
  const chunks: Buffer[] = [Buffer.from(pdf)];
  let pos = pdf.length;
  const push = (b: Buffer) => {
    chunks.push(b);
    pos += b.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push(Buffer.from("\n"));
  const offsets = new Map<number, number>();
  for (const [ref, body] of objects) {
    offsets.set(ref.objectNumber, pos);
    push(Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, "latin1"));
    push(body);
    push(Buffer.from("\nendobj\n", "latin1"));
  }
  const xrefAt = pos;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = "xref\n";
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, "0")} 00000 n \n`;
    i = j + 1;
  }
  const trailer = ctx.obj({ Size: ctx.largestObjectNumber + 1, Root: ctx.trailerInfo.Root as PDFObject, Prev: prevXref });
  if (ctx.trailerInfo.Info) trailer.set(PDFName.of("Info"), ctx.trailerInfo.Info as PDFObject);
  if (ctx.trailerInfo.ID) trailer.set(PDFName.of("ID"), ctx.trailerInfo.ID as PDFObject);
  push(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"));
  return Buffer.concat(chunks);
}

/**
 * Runs `edit` on the parsed document and returns what it changed: every new object, and every
 * earlier dictionary or array whose printed form changed (streams are only ever added, never
 * edited, by our edits).
 */
export async function editedObjects(doc: PDFDocument, edit: (doc: PDFDocument) => Promise<void>): Promise<[PDFRef, Buffer][]> {
  const ctx = doc.context;
  const firstNew = ctx.largestObjectNumber + 1;
  const before = new Map<number, string>();
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) if (!(obj instanceof PDFStream)) before.set(ref.objectNumber, obj.toString());
  await edit(doc);
  await doc.flush(); // embedded pages and fonts become objects here
  const objects: [PDFRef, Buffer][] = [];
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const isNew = ref.objectNumber >= firstNew;
    if (isNew || (!(obj instanceof PDFStream) && before.get(ref.objectNumber) !== obj.toString())) objects.push([ref, objectBytes(obj)]);
  }
  return objects;
}

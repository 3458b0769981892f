import "server-only";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from "pdf-lib";
import { signDetached, type TimeStampAuthority } from "@/lib/server/pki/cms";
import type { KeyedCert, x509 } from "@/lib/server/pki/x509";

// A PAdES signature (ETSI.CAdES.detached) added as an incremental update: the existing bytes are
// kept as they are and a new revision is appended (signature dictionary, its field, the page and
// form entries that point to it, an xref section with /Prev). Earlier signatures therefore stay
// valid, and the cost is the new objects plus one pass of SHA-256 over the file.
// pdf-lib only parses here and prints the few objects that change; it never rewrites the file.

/** Room for the CMS: an ECDSA signature, three certificates and the TSA token fit in well under 8 KB. */
const CONTENTS_BYTES = 12_288;
const BYTE_RANGE_PLACEHOLDER = "[0 9999999999 9999999999 9999999999]";

export type SignatureRequest = {
  signer: KeyedCert;
  chain: x509.X509Certificate[];
  tsa: TimeStampAuthority | null;
  fieldName: string; // ASCII, unique in the document
  name: string; // shown by validators as the signer's name
  reason: string;
  signingTime: Date;
};

const latin1 = (s: string) => Buffer.from(s, "latin1");

function lastStartXref(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString("latin1");
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error("PDF has no trailing startxref");
  const offset = Number(m[1]);
  if (Buffer.from(pdf.subarray(offset, offset + 4)).toString("latin1") !== "xref") {
    throw new Error("PDF uses a cross-reference stream; save it with a classic xref table before signing");
  }
  return offset;
}

function objectText(ref: PDFRef, body: string): string {
  return `${ref.objectNumber} ${ref.generationNumber} obj\n${body}\nendobj\n`;
}

/** Appends one signature revision; returns the new file. */
export async function addSignature(pdf: Uint8Array, req: SignatureRequest): Promise<Uint8Array> {
  const prevXref = lastStartXref(pdf);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const changed = new Map<PDFRef, PDFObject>();

  const sigRef = ctx.nextRef();
  const widgetRef = ctx.nextRef();
  const page = doc.getPages().at(-1)!;
  const pageRef = page.ref;

  // the field: an invisible widget on the last page (the visible signature is in the page content)
  const widget = ctx.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    Rect: [0, 0, 0, 0],
    F: 132, // print + locked
    T: PDFString.of(req.fieldName),
    V: sigRef,
    P: pageRef,
  });
  changed.set(widgetRef, widget);

  const annots = page.node.get(PDFName.of("Annots"));
  if (annots instanceof PDFRef) {
    const arr = ctx.lookup(annots, PDFArray);
    arr.push(widgetRef);
    changed.set(annots, arr);
  } else {
    const arr = annots instanceof PDFArray ? annots : ctx.obj([]);
    arr.push(widgetRef);
    page.node.set(PDFName.of("Annots"), arr);
    changed.set(pageRef, page.node);
  }

  const catalogRef = ctx.trailerInfo.Root as PDFRef;
  const catalog = ctx.lookup(catalogRef, PDFDict);
  const formEntry = catalog.get(PDFName.of("AcroForm"));
  const form = formEntry instanceof PDFRef ? ctx.lookup(formEntry, PDFDict) : formEntry instanceof PDFDict ? formEntry : ctx.obj({ Fields: [] });
  const fields = form.get(PDFName.of("Fields"));
  if (fields instanceof PDFRef) {
    ctx.lookup(fields, PDFArray).push(widgetRef);
    changed.set(fields, ctx.lookup(fields, PDFArray));
  } else {
    const arr = fields instanceof PDFArray ? fields : ctx.obj([]);
    arr.push(widgetRef);
    form.set(PDFName.of("Fields"), arr);
  }
  form.set(PDFName.of("SigFlags"), PDFNumber.of(3)); // signatures exist; append only
  if (formEntry instanceof PDFRef) changed.set(formEntry, form);
  else {
    catalog.set(PDFName.of("AcroForm"), form);
    changed.set(catalogRef, catalog);
  }

  // the signature dictionary, written by hand so the placeholders' offsets are known
  const sigDict = [
    "<<",
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    "/SubFilter /ETSI.CAdES.detached",
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${"0".repeat(CONTENTS_BYTES * 2)}>`,
    `/M ${PDFString.fromDate(req.signingTime).toString()}`,
    `/Name ${PDFHexString.fromText(req.name).toString()}`,
    `/Reason ${PDFHexString.fromText(req.reason).toString()}`,
    ">>",
  ].join("\n");

  const needsNewline = pdf[pdf.length - 1] !== 0x0a;
  let body = needsNewline ? "\n" : "";
  const offsets = new Map<number, number>();
  const start = pdf.length;
  const entries: [PDFRef, string][] = [[sigRef, sigDict], ...[...changed].map(([ref, obj]) => [ref, obj.toString()] as [PDFRef, string])];
  for (const [ref, text] of entries) {
    offsets.set(ref.objectNumber, start + Buffer.byteLength(body, "latin1"));
    body += objectText(ref, text);
  }
  const xrefOffset = start + Buffer.byteLength(body, "latin1");
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = "xref\n";
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, "0")} 00000 n \n`;
    i = j + 1;
  }
  const trailer = ctx.obj({ Size: ctx.largestObjectNumber + 1, Root: catalogRef, Prev: prevXref });
  if (ctx.trailerInfo.Info) trailer.set(PDFName.of("Info"), ctx.trailerInfo.Info as PDFObject);
  if (ctx.trailerInfo.ID) trailer.set(PDFName.of("ID"), ctx.trailerInfo.ID as PDFObject);
  body += `${xref}trailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const out = Buffer.concat([Buffer.from(pdf), latin1(body)]);
  // fill in the byte range around the /Contents hex string, then sign exactly those bytes
  const contentsAt = out.indexOf("/Contents <", start, "latin1") + "/Contents ".length;
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const range = `[0 ${contentsAt} ${contentsEnd} ${out.length - contentsEnd}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, " ");
  const rangeAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, start, "latin1");
  out.write(range, rangeAt, "latin1");

  const signed = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = await signDetached(signed, req.signer, req.chain, req.tsa);
  if (cms.length > CONTENTS_BYTES) throw new Error(`signature of ${cms.length} bytes does not fit the placeholder`);
  out.write(Buffer.from(cms).toString("hex"), contentsAt + 1, "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

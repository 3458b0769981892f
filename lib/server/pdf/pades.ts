import "server-only";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { sha256, signDetached, type TimeStampAuthority, KeyedCert, x509 } from "@/lib/server/pki";
import { appendObjects, editedObjects } from "./revision";
import { metrics } from "@/lib/server/metrics";

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
  /** A visible signature: a one-page PDF drawn as the field's appearance on the first page, at `rect(pageWidth, pageHeight)`. */
  appearance?: { pdf: Uint8Array; rect: (width: number, height: number) => [number, number, number, number] };
};

/**
 * Adds to a page's /Annots without pdf-lib's addAnnot, which "normalises" the page first (its
 * /Contents becomes an array, /Resources gains entries): a change to signed page content in a
 * strict validator's eyes.
 */
function addAnnotation(page: PDFDict, ref: PDFRef): void {
  const annots = page.get(PDFName.of("Annots"));
  if (annots instanceof PDFRef) page.context.lookup(annots, PDFArray).push(ref);
  else if (annots instanceof PDFArray) annots.push(ref);
  else page.set(PDFName.of("Annots"), page.context.obj([ref]));
}

/** Appends one signature revision; returns the new file. */
export async function addSignature(pdf: Uint8Array, req: SignatureRequest): Promise<Uint8Array> {
  const out = await appendSignature(pdf, {
    fieldName: req.fieldName,
    appearance: req.appearance,
    dict: [
      "/Type /Sig",
      "/Filter /Adobe.PPKLite",
      "/SubFilter /ETSI.CAdES.detached",
      `/M ${PDFString.fromDate(req.signingTime).toString()}`,
      `/Name ${PDFHexString.fromText(req.name).toString()}`,
      `/Reason ${PDFHexString.fromText(req.reason).toString()}`,
    ],
    sign: (signed) => signDetached(signed, req.signer, req.chain, req.tsa),
  });
  metrics().signatures.inc({ kind: req.tsa ? "signature+timestamp" : "signature" });
  return out;
}

/**
 * A document time-stamp (PAdES-LTA, ETSI.RFC3161): a TSA's token over the whole file as it is
 * then; `alsoEdit` adds to the same revision first (the DSS it then covers).
 */
export async function addDocumentTimestamp(pdf: Uint8Array, tsa: TimeStampAuthority, fieldName: string, alsoEdit?: (doc: PDFDocument) => Promise<void>): Promise<Uint8Array> {
  const out = await appendSignature(pdf, {
    fieldName,
    dict: ["/Type /DocTimeStamp", "/Filter /Adobe.PPKLite", "/SubFilter /ETSI.RFC3161"],
    sign: async (signed) => tsa.timestamp(await sha256(signed)),
    alsoEdit,
  });
  metrics().signatures.inc({ kind: "document-timestamp" });
  return out;
}

type SignedRevision = {
  fieldName: string;
  appearance?: SignatureRequest["appearance"];
  /** The signature dictionary's entries other than /ByteRange and /Contents. */
  dict: string[];
  /** The CMS (or time-stamp token) for exactly the bytes the byte range covers. */
  sign: (signed: Buffer) => Promise<Uint8Array>;
  alsoEdit?: (doc: PDFDocument) => Promise<void>;
};

async function appendSignature(pdf: Uint8Array, req: SignedRevision): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const sigRef = ctx.nextRef(); // written by hand below, so the placeholders' offsets are known
  const objects = await editedObjects(doc, async () => {
    // the field is its own widget (poppler reads no signature from a field with /Kids): invisible
    // on the last page, or — with an appearance — visible on the first (a validator accepts the
    // widget of a new signature field; any other new annotation it does not)
    const pages = doc.getPages();
    const page = req.appearance ? pages[0]! : pages.at(-1)!;
    const look = req.appearance ? (await doc.embedPdf(await PDFDocument.load(req.appearance.pdf), [0]))[0]! : null;
    const { width, height } = page.getSize();
    const fieldRef = ctx.register(
      ctx.obj({
        Type: "Annot",
        Subtype: "Widget",
        FT: "Sig",
        Rect: look && req.appearance ? req.appearance.rect(width, height) : [0, 0, 0, 0],
        F: 132, // print + locked
        T: PDFString.of(req.fieldName),
        V: sigRef,
        P: page.ref,
        ...(look ? { AP: { N: look.ref } } : {}),
      }),
    );
    addAnnotation(page.node, fieldRef);

    const catalog = doc.catalog;
    const formEntry = catalog.get(PDFName.of("AcroForm"));
    const form = formEntry instanceof PDFRef ? ctx.lookup(formEntry, PDFDict) : formEntry instanceof PDFDict ? formEntry : ctx.obj({ Fields: [] });
    const fields = form.get(PDFName.of("Fields"));
    const list = fields instanceof PDFRef ? ctx.lookup(fields, PDFArray) : fields instanceof PDFArray ? fields : ctx.obj([]);
    list.push(fieldRef);
    if (!(fields instanceof PDFRef)) form.set(PDFName.of("Fields"), list);
    form.set(PDFName.of("SigFlags"), PDFNumber.of(3)); // signatures exist; append only
    if (!(formEntry instanceof PDFRef)) catalog.set(PDFName.of("AcroForm"), form);
    await req.alsoEdit?.(doc);
  });

  // the signature dictionary, written by hand so the placeholders' offsets are known
  const sigDict = ["<<", ...req.dict.slice(0, 3), `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`, `/Contents <${"0".repeat(CONTENTS_BYTES * 2)}>`, ...req.dict.slice(3), ">>"].join("\n");

  const start = pdf.length;
  const out = appendObjects(pdf, ctx, [[sigRef, Buffer.from(sigDict, "latin1")], ...objects]);
  // fill in the byte range around the /Contents hex string, then sign exactly those bytes
  const contentsAt = out.indexOf("/Contents <", start, "latin1") + "/Contents ".length;
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const range = `[0 ${contentsAt} ${contentsEnd} ${out.length - contentsEnd}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, " ");
  const rangeAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, start, "latin1");
  out.write(range, rangeAt, "latin1");

  const signed = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = await req.sign(signed);
  if (cms.length > CONTENTS_BYTES) throw new Error(`signature of ${cms.length} bytes does not fit the placeholder`);
  out.write(Buffer.from(cms).toString("hex"), contentsAt + 1, "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { PDFArray, PDFDict, PDFName, type PDFDocument } from "pdf-lib";
import { platformPki, timeStampAuthority, ab, OID, crlSignerCrl, endCertificatesCrl, rootCrl, x509 } from "@/lib/server/pki";
import { BYTE_RANGE } from "@/lib/domain/byte-range";
import { addDocumentTimestamp } from "./pades";

// PAdES B-LTA: after the last signature, one revision with a Document Security Store (every
// certificate the signatures and their tokens rely on, and the revocation lists that cover them:
// see pki/revocation.ts) and a document time-stamp over all of it. A validator years
// from now, after the certificates have expired, can then still see that each signature was
// valid when it was time-stamped. Renewal (a fresh time-stamp before the TSA's expires) appends
// another such revision.

/** Every certificate carried by the file's signatures and their time-stamp tokens. */
function certificatesIn(pdf: Uint8Array): x509.X509Certificate[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const found = new Map<string, x509.X509Certificate>();
  const take = (sd: pkijs.SignedData) => {
    for (const c of sd.certificates ?? []) {
      if (!(c instanceof pkijs.Certificate)) continue;
      const der = new Uint8Array(c.toSchema().toBER());
      found.set(Buffer.from(der).toString("hex"), new x509.X509Certificate(der));
    }
  };
  const signedData = (der: ArrayBuffer) => new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result }).content });
  for (const m of text.matchAll(BYTE_RANGE)) {
    const contents = text.slice(Number(m[2]) + 1, Number(m[3]) - 1);
    try {
      const sd = signedData(ab(Buffer.from(contents, "hex")));
      take(sd);
      const token = sd.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken)?.values[0];
      if (token) take(signedData((token as asn1js.BaseBlock).toBER()));
    } catch {
      // a signature we cannot read adds nothing
    }
  }
  return [...found.values()];
}

/** Appends the DSS and a document time-stamp over the whole file. */
export async function addLongTermValidation(pdf: Uint8Array, fieldName: string): Promise<Uint8Array> {
  const pki = await platformPki();
  const certs = new Map<string, x509.X509Certificate>();
  // the root and the TSA of the document time-stamp must be among them: validators look for a
  // list's issuer in the file, and the time-stamp's chain is checked from what the DSS holds
  for (const c of [pki.root, pki.ca.cert, pki.crlSigner.cert, pki.tsa.cert, ...certificatesIn(pdf)]) certs.set(Buffer.from(c.rawData).toString("hex"), c);
  const crls = [await rootCrl(pki), await crlSignerCrl(pki), await endCertificatesCrl(pki)];
  const ders = [...certs.values()].map((c) => new Uint8Array(c.rawData));
  return addDocumentTimestamp(pdf, timeStampAuthority(), fieldName, async (doc) => writeDss(doc, { Certs: ders, CRLs: crls }));
}

/** Adds to the catalog's /DSS (kept entries stay: a validator permits additions only). */
function writeDss(doc: PDFDocument, add: Partial<Record<"Certs" | "OCSPs" | "CRLs", Uint8Array[]>>): void {
  const ctx = doc.context;
  const existing = doc.catalog.lookupMaybe(PDFName.of("DSS"), PDFDict);
  const dss = existing ?? ctx.obj({ Type: "DSS" });
  for (const [key, items] of Object.entries(add)) {
    if (!items?.length) continue;
    const list = dss.lookupMaybe(PDFName.of(key), PDFArray) ?? ctx.obj([]);
    for (const der of items) list.push(ctx.register(ctx.flateStream(der)));
    dss.set(PDFName.of(key), list);
  }
  if (!existing) doc.catalog.set(PDFName.of("DSS"), ctx.register(dss));
}

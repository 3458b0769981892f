import "server-only";
import { BYTE_RANGE } from "@/lib/domain/byte-range";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { ab, OID, pkijsCert, x509 } from "@/lib/server/pki";
import { readableName } from "@/lib/domain/evidence";

// Reads every PAdES/CMS signature in a PDF and judges it: does the digest of the signed byte
// range still match, is the CMS signature valid, does the certificate chain end at the given
// root, does a time-stamp token cover the signature, and was anything appended after it. The
// signatures are found by their /ByteRange entries in the raw bytes, so a damaged file still
// yields what can be read, and nothing is ever parsed into a full PDF object graph.

export type CertificateFacts = {
  subject: string; // as X.500 prints it (CN=…, O=…)
  /** The same in people's words: 名称：…；证件号码：…；机构：… */
  subjectReadable: string;
  commonName: string;
  serial: string; // hex
  issuer: string;
  issuerCommonName: string;
  notBefore: Date;
  notAfter: Date;
  sha256Fingerprint: string; // hex
};

export type SignatureFacts = {
  index: number;
  /** A person's or the platform's signature, or a document time-stamp (文档时间戳, PAdES-LTA). */
  kind: "signature" | "document-timestamp";
  /** The signed bytes still hash to the digest inside the signature. */
  digestMatches: boolean;
  /** The CMS signature over its attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  /** The certificate chain ends at the trusted root (our platform's). */
  trusted: boolean;
  /** The signature covers the file to its end: nothing was appended after it. */
  coversWholeFile: boolean;
  /** How many bytes the file has after the revision this signature covers. */
  bytesAfter: number;
  /** Not trusted, yet its certificate names our platform as issuer or copies our seal's name: a look-alike. */
  claimsPlatform: boolean;
  /** Made with the platform's own seal certificate (平台签章). */
  platformSeal: boolean;
  certificate: CertificateFacts | null;
  signingTime: Date | null; // the signature dictionary's /M
  reason: string | null;
  timestamp: Timestamp | null;
  problem: string | null; // why it could not be read, if it could not
};

/** `time` is null when the token is there but cannot be read. */
export type Timestamp = { time: Date | null; valid: boolean };
const DAMAGED: Timestamp = { time: null, valid: false };

export type PdfInspection =
  | { kind: "not-pdf" }
  /** Refused before (or while) doing work no genuine contract needs: too many signatures, too slow. */
  | { kind: "too-complex"; message: string }
  | { kind: "pdf"; sha256: string; size: number; signatures: SignatureFacts[] };

/**
 * Bounds on the work one anonymous file may cause (/verify is public): a genuine contract has a
 * handful of signatures, each CMS a few KB; the deadline is checked between signatures, and the
 * event loop gets a turn after each, so other requests keep being answered meanwhile.
 */
export const INSPECT_LIMITS = { maxSignatures: 30, maxSignatureBytes: 512 * 1024, deadlineMs: 8_000 };
const turn = () => new Promise<void>((r) => setImmediate(r));

const hex = (u: ArrayBuffer | Uint8Array) => Buffer.from(u instanceof Uint8Array ? u : new Uint8Array(u)).toString("hex");

/** `trust`: the root to chain to, the platform seal certificate to recognise (if known), and the roots of external TSAs. */
export async function inspectPdf(pdf: Uint8Array, trust: { root: x509.X509Certificate; seal?: x509.X509Certificate; tsaRoots?: x509.X509Certificate[] }, limits = INSPECT_LIMITS): Promise<PdfInspection> {
  const started = Date.now();
  const head = Buffer.from(pdf.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) return { kind: "not-pdf" };
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const found = [...text.matchAll(BYTE_RANGE)];
  if (found.length > limits.maxSignatures) return { kind: "too-complex", message: `文件含有${found.length}处签名，超过可验证的${limits.maxSignatures}处，无法验证` };
  const trustedRoot = pkijsCert(trust.root);
  const tsaRoots = [trustedRoot, ...(trust.tsaRoots ?? []).map(pkijsCert)];
  const sealSerial = trust.seal?.serialNumber.toLowerCase();
  const platformNames = new Set([trust.root.subject, ...(trust.seal ? [trust.seal.issuer] : [])]);
  const signatures: SignatureFacts[] = [];
  for (const m of found) {
    if (Date.now() - started > limits.deadlineMs) return { kind: "too-complex", message: "文件过于复杂，无法在限定时间内完成验证" };
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    const one = c - b > 2 * limits.maxSignatureBytes + 2 ? unreadable(signatures.length, "签名数据过大，无法验证") : await inspectSignature(pdf, text, m.index, [a, b, c, d], signatures.length, trustedRoot, tsaRoots);
    const cert = one.certificate;
    const claimsPlatform = !one.trusted && !!cert && (platformNames.has(cert.issuer) || cert.subject === trust.seal?.subject);
    signatures.push({ ...one, platformSeal: one.trusted && !!sealSerial && cert?.serial === sealSerial, claimsPlatform });
    await turn();
  }
  return { kind: "pdf", sha256: createHash("sha256").update(pdf).digest("hex"), size: pdf.length, signatures };
}

type Inspected = Omit<SignatureFacts, "platformSeal" | "claimsPlatform">;

function unreadable(index: number, problem: string, coversWholeFile = false, bytesAfter = 0): Inspected {
  return { index, kind: "signature", digestMatches: false, signatureValid: false, trusted: false, coversWholeFile, bytesAfter, certificate: null, signingTime: null, reason: null, timestamp: null, problem };
}

async function inspectSignature(pdf: Uint8Array, text: string, at: number, [a, b, c, d]: [number, number, number, number], index: number, root: pkijs.Certificate, tsaRoots: pkijs.Certificate[]): Promise<Inspected> {
  if (a !== 0 || b <= 0 || c <= b || d < 0) return unreadable(index, "签名范围格式错误");
  if (c + d > pdf.length) return unreadable(index, "签名范围超出文件长度（文件不完整）");
  const rest = text.slice(c + d);
  const coversWholeFile = /^\s*$/.test(rest);
  const bytesAfter = rest.length;
  const contents = text.slice(b, c);
  if (!/^<[0-9a-fA-F\s]*>$/.test(contents)) return unreadable(index, "签名数据缺失", coversWholeFile, bytesAfter);
  const der = Buffer.from(contents.slice(1, -1).replace(/\s+/g, ""), "hex");

  let sd: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(ab(der));
    if (parsed.offset === -1) throw new Error("not BER");
    const ci = new pkijs.ContentInfo({ schema: parsed.result });
    if (ci.contentType !== OID.signedData) throw new Error("not SignedData");
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch {
    return unreadable(index, "签名数据无法解析", coversWholeFile, bytesAfter);
  }
  const signerInfo = sd.signerInfos[0];
  if (!signerInfo) return unreadable(index, "签名数据无法解析", coversWholeFile, bytesAfter);

  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const dict = signatureDictionary(text, at, c);
  if (dict.documentTimestamp) {
    // 文档时间戳 (PAdES-LTA): the token itself, over the SHA-256 of the bytes it covers
    const t = await verifyToken(der, signed, tsaRoots);
    return {
      index,
      kind: "document-timestamp",
      digestMatches: t.imprintMatches,
      signatureValid: t.signatureVerified,
      trusted: t.chained,
      coversWholeFile,
      bytesAfter,
      certificate: t.tsaCert ? await certificateFacts(t.tsaCert) : null,
      signingTime: t.time,
      reason: null,
      timestamp: { time: t.time, valid: t.valid },
      problem: null,
    };
  }
  const digest = createHash("sha256").update(signed).digest("hex");
  const claimed = signerInfo.signedAttrs?.attributes.find((x) => x.type === OID.messageDigest)?.values[0];
  const digestMatches = claimed instanceof asn1js.OctetString && hex(claimed.valueBlock.valueHexView) === digest;

  let signatureValid = false;
  let signerCert: pkijs.Certificate | null = null;
  try {
    const r = await sd.verify({ signer: 0, data: ab(signed), checkChain: false, extendedMode: true });
    signatureValid = r.signatureVerified === true;
    signerCert = r.signerCertificate ?? null;
  } catch (e) {
    const r = e as { signerCertificate?: pkijs.Certificate };
    signerCert = r.signerCertificate ?? null;
  }

  const timestamp = await timestampOf(signerInfo, tsaRoots);
  // the signer's certificate must have been valid when the token says the signature existed
  const checkDate = (timestamp?.valid && timestamp.time) || dict.signingTime || new Date();
  const trusted = signerCert ? await chainsTo(signerCert, sd.certificates ?? [], root, checkDate, "document") : false;
  return {
    index,
    kind: "signature",
    digestMatches,
    signatureValid,
    trusted,
    coversWholeFile,
    bytesAfter,
    certificate: signerCert ? await certificateFacts(signerCert) : null,
    signingTime: dict.signingTime,
    reason: dict.reason,
    timestamp,
    problem: null,
  };
}

type Purpose = "document" | "timestamp";

/**
 * The certificate chains to the root through certificates whose signatures verify, each valid at
 * `checkDate`, every issuer a CA allowed to sign certificates, and the end certificate made for
 * `purpose` (document signatures: digitalSignature or nonRepudiation; time-stamps: the
 * timeStamping extended key usage, RFC 3161 §2.3). pkijs builds and checks the path from the
 * *last* certificate it is given, so the end certificate goes last.
 */
async function chainsTo(cert: pkijs.Certificate, pool: pkijs.SignedData["certificates"], root: pkijs.Certificate, checkDate: Date, purpose: Purpose): Promise<boolean> {
  const others = (pool ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate && !sameCert(x, cert));
  try {
    const r = await new pkijs.CertificateChainValidationEngine({ trustedCerts: [root], certs: [...others, cert], checkDate }).verify();
    const path = r.certificatePath ?? [];
    if (r.result !== true || path.length < 2 || !sameCert(path[0]!, cert) || !sameCert(path.at(-1)!, root)) return false;
    return path.every((c, i) => (i === 0 ? endUsageFits(c, purpose) : issuerUsageFits(c)));
  } catch {
    return false;
  }
}

const sameCert = (a: pkijs.Certificate, b: pkijs.Certificate) => Buffer.from(a.tbsView).equals(Buffer.from(b.tbsView));
const peculiar = (c: pkijs.Certificate) => new x509.X509Certificate(c.toSchema().toBER());
const F = x509.KeyUsageFlags;

function issuerUsageFits(c: pkijs.Certificate): boolean {
  const p = peculiar(c);
  const bc = p.getExtension(x509.BasicConstraintsExtension);
  const ku = p.getExtension(x509.KeyUsagesExtension);
  return !!bc?.ca && !!ku && (ku.usages & F.keyCertSign) !== 0;
}

function endUsageFits(c: pkijs.Certificate, purpose: Purpose): boolean {
  const p = peculiar(c);
  const ku = p.getExtension(x509.KeyUsagesExtension);
  if (ku && (ku.usages & (F.digitalSignature | F.nonRepudiation)) === 0) return false;
  if (p.getExtension(x509.BasicConstraintsExtension)?.ca) return false;
  const eku = p.getExtension(x509.ExtendedKeyUsageExtension)?.usages.map(String) ?? [];
  return purpose === "timestamp" ? eku.length === 1 && eku[0] === x509.ExtendedKeyUsage.timeStamping : !eku.includes(x509.ExtendedKeyUsage.timeStamping);
}

async function certificateFacts(cert: pkijs.Certificate): Promise<CertificateFacts> {
  const c = new x509.X509Certificate(cert.toSchema().toBER());
  return {
    subject: c.subject,
    subjectReadable: readableSubject(c),
    commonName: c.subjectName.getField("CN")[0] ?? "",
    serial: c.serialNumber.toLowerCase(),
    issuer: c.issuer,
    issuerCommonName: c.issuerName.getField("CN")[0] ?? c.issuer,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    sha256Fingerprint: hex(await c.getThumbprint("SHA-256")),
  };
}

/** A certificate's subject in people's words (名称：…；机构：…). */
export function readableSubject(c: x509.X509Certificate): string {
  return readableName(c.subjectName.toJSON().flatMap((rdn) => Object.entries(rdn).flatMap(([type, values]) => values.map((value) => ({ type, value: String(value) })))));
}

/**
 * The RFC 3161 token in the unsigned attributes: its time, and whether it is a valid token over
 * this signature value from a TSA under the root. A token that is there but cannot be read is
 * invalid (time unknown), never the same as no token.
 */
async function timestampOf(si: pkijs.SignerInfo, roots: pkijs.Certificate[]): Promise<Timestamp | null> {
  const attr = si.unsignedAttrs?.attributes.find((x) => x.type === OID.timeStampToken);
  if (!attr?.values[0]) return null;
  // re-read from its own DER: as parsed inside the outer CMS, the token's eContent octets are not exposed
  const t = await verifyToken((attr.values[0] as asn1js.BaseBlock).toBER(), new Uint8Array(si.signature.valueBlock.valueHexView), roots);
  return t.time ? { time: t.time, valid: t.valid } : DAMAGED;
}

type TokenCheck = { time: Date | null; imprintMatches: boolean; signatureVerified: boolean; chained: boolean; valid: boolean; tsaCert: pkijs.Certificate | null };

/** An RFC 3161 token over `data`: its time, whether its imprint is SHA-256(data), its signature verifies and its TSA chains to one of the roots. */
async function verifyToken(tokenDer: ArrayBuffer | Uint8Array, data: Uint8Array, roots: pkijs.Certificate[]): Promise<TokenCheck> {
  const none: TokenCheck = { time: null, imprintMatches: false, signatureVerified: false, chained: false, valid: false, tsaCert: null };
  try {
    const token = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(tokenDer instanceof Uint8Array ? ab(tokenDer) : tokenDer).result }).content });
    const content = token.encapContentInfo.eContent;
    if (!content) return none;
    // pkijs reads the TSTInfo from a primitive OCTET STRING only; BER tokens may carry a constructed one
    token.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: content.getValue() });
    const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(ab(new Uint8Array(content.getValue()))).result });
    const imprintMatches = hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView) === createHash("sha256").update(data).digest("hex");
    // for a TSTInfo, pkijs also checks the imprint against `data`
    const r = await token.verify({ signer: 0, data: ab(data), checkChain: false, extendedMode: true }).catch((e: { signatureVerified?: boolean; signerCertificate?: pkijs.Certificate }) => e);
    const tsaCert = r.signerCertificate ?? null;
    const signatureVerified = r.signatureVerified === true;
    let chained = false;
    for (const root of roots) if (!chained && tsaCert) chained = await chainsTo(tsaCert, token.certificates ?? [], root, tst.genTime, "timestamp");
    return { time: tst.genTime, imprintMatches, signatureVerified, chained, valid: imprintMatches && signatureVerified && chained, tsaCert };
  } catch {
    return none;
  }
}

/** /M and /Reason from the signature dictionary around one /ByteRange (ours and most writers put them near it). */
function signatureDictionary(text: string, byteRangeAt: number, contentsEnd: number): { signingTime: Date | null; reason: string | null; documentTimestamp: boolean } {
  const start = text.lastIndexOf("<<", byteRangeAt);
  const end = text.indexOf(">>", Math.max(contentsEnd, byteRangeAt));
  const dict = text.slice(Math.max(0, start), end === -1 ? byteRangeAt + 4096 : end).replace(/\/Contents\s*<[0-9a-fA-F\s]*>/, "");
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(dict);
  let signingTime: Date | null = null;
  if (m) {
    const tz = !m[7] || m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, "").slice(3, 5) || "00"}`;
    const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${tz}`);
    signingTime = Number.isNaN(t.getTime()) ? null : t;
  }
  const r = /\/Reason\s*<([0-9a-fA-F]+)>/.exec(dict);
  return { signingTime, reason: r ? utf16Hex(r[1]!) : null, documentTimestamp: /\/SubFilter\s*\/ETSI\.RFC3161\b/.test(dict) };
}

/** A PDF text string in hex: UTF-16BE with a byte-order mark, or PDFDocEncoding (taken as Latin-1). */
function utf16Hex(h: string): string {
  const bytes = Buffer.from(h, "hex");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
  return bytes.toString("latin1");
}

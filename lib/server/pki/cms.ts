import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { KeyedCert, x509 } from "./x509";

// CMS SignedData (RFC 5652) with PKI.js: detached signatures for PDFs (PAdES: content type,
// message digest and the ESS signing-certificate-v2 attribute, no signing-time attribute) and the
// time-stamp tokens of our TSA (RFC 3161), which are themselves SignedData over a TSTInfo.

pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: globalThis.crypto }));

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  timeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

export async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes as BufferSource));
}

/** A copy as an ArrayBuffer: a small Buffer's .buffer is Node's shared pool, and Buffer#slice does not copy. */
export const ab = (u: Uint8Array): ArrayBuffer => new Uint8Array(u).buffer as ArrayBuffer;
export const pkijsCert = (c: x509.X509Certificate) => pkijs.Certificate.fromBER(c.rawData);

/** ESS signing-certificate-v2: binds the signer's certificate (hash, issuer and serial) into the signature. */
async function signingCertificateV2(cert: x509.X509Certificate): Promise<pkijs.Attribute> {
  const pc = pkijsCert(cert);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [pc.issuer.toSchema()] })] }),
      pc.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(await sha256(cert.rawData)) }), issuerSerial] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] });
}

/** A signed SignedData for one signer; `digest` is the SHA-256 of the content (detached or not). */
async function signedData(opts: {
  eContentType: string;
  eContent?: Uint8Array;
  digest: Uint8Array;
  signer: KeyedCert;
  chain: x509.X509Certificate[];
}): Promise<pkijs.SignedData> {
  const pc = pkijsCert(opts.signer.cert);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: pc.issuer, serialNumber: pc.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: opts.eContentType })] }),
        new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(opts.digest) })] }),
        await signingCertificateV2(opts.signer.cert),
      ],
    }),
  });
  const sd = new pkijs.SignedData({
    version: opts.eContentType === OID.data ? 1 : 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: opts.eContentType,
      ...(opts.eContent ? { eContent: new asn1js.OctetString({ valueHex: ab(opts.eContent) }) } : {}),
    }),
    signerInfos: [signerInfo],
    certificates: [pc, ...opts.chain.map(pkijsCert)],
  });
  // pkijs splits eContent into a constructed OCTET STRING; DER (RFC 3161 tokens) wants it primitive
  if (opts.eContent) sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: ab(opts.eContent) });
  await sd.sign(opts.signer.key, 0, "SHA-256");
  return sd;
}

function contentInfoDer(sd: pkijs.SignedData): Uint8Array {
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER());
}

/** Anything that turns a SHA-256 imprint into an RFC 3161 TimeStampToken (DER ContentInfo). */
export interface TimeStampAuthority {
  readonly name: string;
  timestamp(imprint: Uint8Array): Promise<Uint8Array>;
}

/** Our own TSA policy: an OID under 2.25 (UUID arc, ITU-T X.667), no registration needed. */
export const TSA_POLICY = "2.25.95099429065039166632939904571451705930";

/** Builds a TimeStampToken with the given TSA certificate, at `at`. */
export async function issueTimeStampToken(imprint: Uint8Array, tsa: KeyedCert, chain: x509.X509Certificate[], at: Date, nonce?: Uint8Array): Promise<Uint8Array> {
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
  serial[0]! = (serial[0]! & 0x7f) | 0x10;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }),
    }),
    serialNumber: new asn1js.Integer({ valueHex: ab(serial) }),
    genTime: at,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ordering: false,
    ...(nonce ? { nonce: new asn1js.Integer({ valueHex: ab(nonce) }) } : {}),
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER());
  const sd = await signedData({ eContentType: OID.tstInfo, eContent: tstDer, digest: await sha256(tstDer), signer: tsa, chain });
  return contentInfoDer(sd);
}

/**
 * A detached CMS signature over `content` (for a PDF: the bytes its ByteRange covers), with the
 * TSA's token over the signature value as the unsigned signature-time-stamp attribute.
 */
export async function signDetached(content: Uint8Array, signer: KeyedCert, chain: x509.X509Certificate[], tsa: TimeStampAuthority | null): Promise<Uint8Array> {
  const sd = await signedData({ eContentType: OID.data, digest: await sha256(content), signer, chain });
  if (tsa) {
    const si = sd.signerInfos[0]!;
    const token = await tsa.timestamp(await sha256(new Uint8Array(si.signature.valueBlock.valueHexView)));
    si.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [asn1js.fromBER(ab(token)).result] })],
    });
  }
  return contentInfoDer(sd);
}

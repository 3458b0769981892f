import "server-only";
import "reflect-metadata"; // @peculiar/x509 resolves its services through tsyringe, which needs it
import * as x509 from "@peculiar/x509";

// Certificates with @peculiar/x509 on Node's WebCrypto. Every key is ECDSA P-256 with SHA-256:
// accepted by NSS (pdfsig), OpenSSL and Adobe, and a fresh signer key costs about a millisecond.

const webcrypto = globalThis.crypto; // Node's WebCrypto, typed as the DOM's
x509.cryptoProvider.set(webcrypto);

export const EC_ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

export type KeyedCert = { cert: x509.X509Certificate; key: CryptoKey };

export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f; // positive
  bytes[0]! |= 0x10; // no leading zero byte
  return Buffer.from(bytes).toString("hex");
}

export async function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_ALG, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

type Profile = "root" | "ca" | "crl" | "tsa" | "seal" | "signer";

/** Where a validator finds a certificate's revocation status: the CRL its issuer publishes, or its OCSP responder. */
export type RevocationInfo = { crlUrl?: string; ocspUrl?: string };

/** The extensions each kind of certificate carries. */
async function extensionsFor(profile: Profile, publicKey: CryptoKey, issuer: x509.X509Certificate | null, revocation: RevocationInfo): Promise<x509.Extension[]> {
  const F = x509.KeyUsageFlags;
  const ext: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(publicKey)];
  if (issuer) ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuer));
  switch (profile) {
    case "root":
      ext.push(new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(F.keyCertSign | F.cRLSign, true));
      break;
    case "ca":
      ext.push(new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(F.keyCertSign | F.cRLSign, true));
      break;
    case "crl":
      // signs the CRL that covers the CA's end certificates, and nothing else
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(F.cRLSign, true));
      break;
    case "tsa":
      // RFC 3161 §2.3: the one extended key usage, critical
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(F.digitalSignature | F.nonRepudiation, true));
      ext.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true));
      break;
    case "seal":
    case "signer":
      // no extended key usage: NSS then accepts the certificate for document signatures
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(F.digitalSignature | F.nonRepudiation, true));
      break;
  }
  if (revocation.crlUrl) ext.push(new x509.CRLDistributionPointsExtension([revocation.crlUrl] as unknown as ConstructorParameters<typeof x509.CRLDistributionPointsExtension>[0]));
  if (revocation.ocspUrl) ext.push(new x509.AuthorityInfoAccessExtension({ ocsp: revocation.ocspUrl }));
  return ext;
}

export async function issueCert(opts: {
  profile: Profile;
  subject: x509.JsonName;
  years: number;
  issuer: KeyedCert | null; // null: self-signed root
  keys?: CryptoKeyPair;
  notBefore?: Date;
  revocation?: RevocationInfo;
}): Promise<KeyedCert> {
  const keys = opts.keys ?? (await newKeys());
  const notBefore = new Date((opts.notBefore ?? new Date()).getTime() - 5 * 60_000); // clock skew
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + opts.years);
  const extensions = await extensionsFor(opts.profile, keys.publicKey, opts.issuer?.cert ?? null, opts.revocation ?? {});
  const subject = new x509.Name(opts.subject).toString();
  const cert = opts.issuer
    ? await x509.X509CertificateGenerator.create({
        serialNumber: randomSerial(),
        subject,
        issuer: opts.issuer.cert.subject,
        notBefore,
        notAfter,
        signingAlgorithm: EC_ALG,
        publicKey: keys.publicKey,
        signingKey: opts.issuer.key,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: randomSerial(), name: subject, notBefore, notAfter, signingAlgorithm: EC_ALG, keys, extensions });
  return { cert, key: keys.privateKey };
}

export async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n").trimEnd()}\n-----END PRIVATE KEY-----\n`;
}

export async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
  return webcrypto.subtle.importKey("pkcs8", der, EC_ALG, false, ["sign"]);
}

export { x509 };

import "server-only";
import fs from "node:fs";
import path from "node:path";
import { now } from "@/lib/server/clock";
import { EC_ALG, x509 } from "./x509";
import type { PlatformPki } from "./ca";

// Revocation lists for long-term validation. Nothing is revoked today, so every list is empty;
// what matters is that each carries its dates, so a validator years from now sees that status was
// published when the signatures were made:
// - the root's CRL covers the issuing CA (the root key may live offline: the list is then made
//   there, kept in PKI_DIR/root.crl and renewed by `npm run pki:init` before it runs out);
// - the CRL signer's list covers the CA's end certificates (signers, seal, TSA), and the CA's own
//   list covers the CRL signer. pyHanko matches a list to an end certificate only when it was not
//   signed by that certificate's issuer itself, hence the separate signer (the validators' guide
//   in the issue note has the details). Served at /api/pki/root.crl and /api/pki/ca.crl, and
//   embedded in every final PDF's DSS.

const DAY = 86_400_000;
const ROOT_CRL_DAYS = 365;
const ROOT_CRL_RENEW_DAYS = 30; // made afresh this long before it runs out, where the root key is at hand
// pyHanko wants the lists covering the last document time-stamp's TSA still current on the day it
// validates; a year gives the renewal (a fresh DSS + time-stamp, appended) a year to come round
const CA_CRL_DAYS = 365;

const emptyCrl = async (issuer: x509.X509Certificate, key: CryptoKey, days: number, at = now()) =>
  new Uint8Array((await x509.X509CrlGenerator.create({ issuer: issuer.subject, thisUpdate: at, nextUpdate: new Date(at.getTime() + days * DAY), entries: [], signingAlgorithm: EC_ALG, signingKey: key })).rawData);

/** The root's CRL (DER): PKI_DIR/root.crl, renewed when close to its nextUpdate if the root key is here. */
export async function rootCrl(pki: PlatformPki): Promise<Uint8Array> {
  const file = path.join(pki.dir, "root.crl");
  const kept = fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
  const fresh = kept && (new x509.X509Crl(kept).nextUpdate?.getTime() ?? 0) > now().getTime() + ROOT_CRL_RENEW_DAYS * DAY;
  if (kept && (fresh || !pki.rootKey)) return kept;
  if (!pki.rootKey) throw new Error(`根证书吊销列表缺失：请用根证书密钥生成 ${file}（npm run pki:init）`);
  const der = await emptyCrl(pki.root, pki.rootKey, ROOT_CRL_DAYS);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, der);
  fs.renameSync(tmp, file);
  return der;
}

/** The list covering the CA's end certificates, signed by the CRL signer. */
export const endCertificatesCrl = (pki: PlatformPki) => emptyCrl(pki.crlSigner.cert, pki.crlSigner.key, CA_CRL_DAYS);

/** The CA's own list, covering the CRL signer. */
export const crlSignerCrl = (pki: PlatformPki) => emptyCrl(pki.ca.cert, pki.ca.key, CA_CRL_DAYS);


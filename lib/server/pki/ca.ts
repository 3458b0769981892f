import "server-only";
import fs from "node:fs";
import path from "node:path";
import { config, devProvidersActive } from "@/lib/server/config";
import { exportKeyPem, importKeyPem, issueCert, x509, type KeyedCert } from "./x509";

// The platform PKI: a root, an issuing CA under it, and two end certificates the platform signs
// with itself: the time-stamp authority (TSA) and the platform seal (平台签章). Files live in
// config.pkiDir. With the development providers they are generated there on first use; with real
// providers (a deployment) they must be provisioned once (`npm run pki:init`, then the same files
// on every instance) and nothing is ever generated per instance: start-up refuses without them.
// The root key should then be kept offline: only the issuing CA, TSA and seal keys are needed.

/** `tsaRoots`: roots of the external time-stamp services (TSA_URLS), from PKI_DIR/tsa-roots.pem when present. */
export type PlatformPki = {
  root: x509.X509Certificate;
  /** Only where the root key is kept with the rest (development): it signs the root's CRL. */
  rootKey: CryptoKey | null;
  ca: KeyedCert;
  /** Signs the CA's CRL (a key kept apart from the CA's own, as validators expect: see revocation.ts). */
  crlSigner: KeyedCert;
  tsa: KeyedCert;
  seal: KeyedCert;
  tsaRoots: x509.X509Certificate[];
  dir: string;
};

/**
 * Where validators fetch revocation lists: the root's (covering the issuing CA) and the CA's
 * (covering end certificates). No OCSP address: NSS (pdfsig) then fails any certificate whose
 * responder it cannot reach, while the lists are only fetched by validators that want them.
 */
const base = () => config.appUrl.replace(/\/$/, "");
export const revocationUrls = () => ({ rootCrl: `${base()}/api/pki/root.crl`, caCrl: `${base()}/api/pki/ca.crl` });

const O = "个人电子签";
const platformName = (cn: string): x509.JsonName => [{ CN: [cn] }, { O: [O] }, { C: ["CN"] }];
const NAMES = {
  root: platformName(`${O} 根证书`),
  ca: platformName(`${O} 签署证书颁发机构`),
  tsa: platformName(`${O} 时间戳服务`),
  seal: platformName(`${O} 平台签章`),
  crl: platformName(`${O} 证书吊销列表签发`),
};

let loading: Promise<PlatformPki> | null = null;

export function platformPki(): Promise<PlatformPki> {
  loading ??= loadPki(config.pkiDir, { mayCreate: devProvidersActive() }).catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

export const PKI_MISSING = "平台证书未配置：请先运行 npm run pki:init 生成（或放入已签发的证书与密钥），并让所有实例使用同一 PKI_DIR";
// root.crl too: signing a contract ends with the revocation lists, so a deployment without the
// root's list (made with the root key, by pki:init) must fail at start, not at someone's signature
const PKI_FILES = ["root.cert.pem", "ca.cert.pem", "ca.key.pem", "crl.cert.pem", "crl.key.pem", "tsa.cert.pem", "tsa.key.pem", "seal.cert.pem", "seal.key.pem", "root.crl"];

/** Whether the files the app signs with are all in `dir`. */
export function pkiProvisioned(dir = config.pkiDir): boolean {
  return PKI_FILES.every((n) => fs.existsSync(path.join(dir, n)));
}

/** `npm run pki:init`: creates the hierarchy in `dir` unless it is there already; returns the root. */
export async function pkiProvision(dir = config.pkiDir): Promise<x509.X509Certificate> {
  const pki = await loadPki(dir, { mayCreate: true });
  await (await import("./revocation")).rootCrl(pki); // written (or renewed) while the root key is here
  return pki.root;
}

export async function loadPki(dir: string, opts: { mayCreate: boolean }): Promise<PlatformPki> {
  const file = (n: string) => path.join(dir, n);
  if (!fs.existsSync(file("ca.key.pem"))) {
    if (!opts.mayCreate) throw new Error(PKI_MISSING);
    await create(dir);
  }
  const read = (n: string) => fs.readFileSync(file(n), "utf8");
  const keyed = async (n: string): Promise<KeyedCert> => ({ cert: new x509.X509Certificate(read(`${n}.cert.pem`)), key: await importKeyPem(read(`${n}.key.pem`)) });
  // PKIs provisioned before long-term validation lack the CRL signer: pki:init (or development) adds it
  if (!fs.existsSync(file("crl.key.pem"))) {
    if (!opts.mayCreate) throw new Error(PKI_MISSING);
    const ca = await keyed("ca");
    await writeKeyed(dir, "crl", await issueCert({ profile: "crl", subject: NAMES.crl, years: 19, issuer: ca }));
  }
  const tsaRoots = fs.existsSync(file("tsa-roots.pem")) ? pemCertificates(read("tsa-roots.pem")) : [];
  const rootKey = fs.existsSync(file("root.key.pem")) ? await importKeyPem(read("root.key.pem")) : null;
  return { root: new x509.X509Certificate(read("root.cert.pem")), rootKey, ca: await keyed("ca"), crlSigner: await keyed("crl"), tsa: await keyed("tsa"), seal: await keyed("seal"), tsaRoots, dir };
}

/** Every certificate in a PEM file, in order. */
export const pemCertificates = (pem: string) => (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => new x509.X509Certificate(c));

async function writeKeyed(dir: string, name: string, kc: KeyedCert): Promise<void> {
  fs.writeFileSync(path.join(dir, `${name}.cert.pem`), kc.cert.toString("pem") + "\n");
  fs.writeFileSync(path.join(dir, `${name}.key.pem`), await exportKeyPem(kc.key), { mode: 0o600 });
}

/** Generates the whole hierarchy into a temporary folder, then moves it into place at once. */
async function create(dir: string): Promise<void> {
  const { rootCrl, caCrl } = revocationUrls();
  // the issuing CA lives (almost) as long as the root: a validator checking a signature years from
  // now needs every certificate above the time-stamps to be still valid then
  const root = await issueCert({ profile: "root", subject: NAMES.root, years: 20, issuer: null });
  const ca = await issueCert({ profile: "ca", subject: NAMES.ca, years: 19, issuer: root, revocation: { crlUrl: rootCrl } });
  const crl = await issueCert({ profile: "crl", subject: NAMES.crl, years: 19, issuer: ca });
  const tsa = await issueCert({ profile: "tsa", subject: NAMES.tsa, years: 5, issuer: ca, revocation: { crlUrl: caCrl } });
  const seal = await issueCert({ profile: "seal", subject: NAMES.seal, years: 5, issuer: ca, revocation: { crlUrl: caCrl } });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  for (const [name, kc] of Object.entries({ root, ca, crl, tsa, seal })) await writeKeyed(tmp, name, kc);
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // another process created it first: use theirs
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, "ca.key.pem"))) throw e;
  }
}

/** The certificate a signer signs with, for this one signing (签署证书). */
export async function issueSignerCert(signer: { name: string; idMasked: string; contractNumber: string }): Promise<KeyedCert> {
  const { ca } = await platformPki();
  return issueCert({
    profile: "signer",
    subject: [{ CN: [signer.name] }, { "2.5.4.5": [signer.idMasked] }, { OU: [`合同 ${signer.contractNumber}`] }, { O: [O] }, { C: ["CN"] }],
    years: 10,
    issuer: ca,
    revocation: { crlUrl: revocationUrls().caCrl },
  });
}

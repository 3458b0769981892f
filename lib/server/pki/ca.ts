import "server-only";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/server/config";
import { exportKeyPem, importKeyPem, issueCert, x509, type KeyedCert } from "./x509";

// The platform PKI: a root, an issuing CA under it, and two end certificates the platform signs
// with itself: the time-stamp authority (TSA) and the platform seal (平台签章). Files live in
// config.pkiDir; in development they are generated there on first use. In production PKI_DIR
// points at provisioned files (the root key should then be kept offline: only the issuing CA,
// TSA and seal keys are needed at run time).

export type PlatformPki = { root: x509.X509Certificate; ca: KeyedCert; tsa: KeyedCert; seal: KeyedCert };

const O = "个人电子签";
const platformName = (cn: string): x509.JsonName => [{ CN: [cn] }, { O: [O] }, { C: ["CN"] }];
const NAMES = {
  root: platformName(`${O} 根证书`),
  ca: platformName(`${O} 签署证书颁发机构`),
  tsa: platformName(`${O} 时间戳服务`),
  seal: platformName(`${O} 平台签章`),
};

let loading: Promise<PlatformPki> | null = null;

export function platformPki(): Promise<PlatformPki> {
  loading ??= loadOrCreate(config.pkiDir).catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

async function loadOrCreate(dir: string): Promise<PlatformPki> {
  const file = (n: string) => path.join(dir, n);
  if (!fs.existsSync(file("ca.key.pem"))) await create(dir);
  const read = (n: string) => fs.readFileSync(file(n), "utf8");
  const keyed = async (n: string): Promise<KeyedCert> => ({ cert: new x509.X509Certificate(read(`${n}.cert.pem`)), key: await importKeyPem(read(`${n}.key.pem`)) });
  return { root: new x509.X509Certificate(read("root.cert.pem")), ca: await keyed("ca"), tsa: await keyed("tsa"), seal: await keyed("seal") };
}

/** Generates the whole hierarchy into a temporary folder, then moves it into place at once. */
async function create(dir: string): Promise<void> {
  const root = await issueCert({ profile: "root", subject: NAMES.root, years: 20, issuer: null });
  const ca = await issueCert({ profile: "ca", subject: NAMES.ca, years: 10, issuer: root });
  const tsa = await issueCert({ profile: "tsa", subject: NAMES.tsa, years: 5, issuer: ca });
  const seal = await issueCert({ profile: "seal", subject: NAMES.seal, years: 5, issuer: ca });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  for (const [name, kc] of Object.entries({ root, ca, tsa, seal })) {
    fs.writeFileSync(path.join(tmp, `${name}.cert.pem`), kc.cert.toString("pem") + "\n");
    fs.writeFileSync(path.join(tmp, `${name}.key.pem`), await exportKeyPem(kc.key), { mode: 0o600 });
  }
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // another process created it first: use theirs
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, "ca.key.pem"))) throw e;
  }
}

/** The certificate a signer signs with, for this one signing (签署证书). */
export async function issueSignerCert(signer: { name: string; idMasked: string; contractId: string }): Promise<KeyedCert> {
  const { ca } = await platformPki();
  return issueCert({
    profile: "signer",
    subject: [{ CN: [signer.name] }, { "2.5.4.5": [signer.idMasked] }, { OU: [`合同 ${signer.contractId}`] }, { O: [O] }, { C: ["CN"] }],
    years: 10,
    issuer: ca,
  });
}

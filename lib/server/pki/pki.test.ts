import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { platformPki, issueSignerCert, signDetached, sha256, timeStampAuthority } from "./index";
import { OID, issueTimeStampToken } from "./cms";
import { issueCert } from "./x509";

// Checked with OpenSSL, not with our own code: the CA chain, the CMS structure, the TSA token.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pki-test-"));
const write = (name: string, data: string | Uint8Array) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
};
const openssl = (args: string[]) => spawnSync("openssl", args, { encoding: "utf8" });
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");

async function pems() {
  const pki = await platformPki();
  return { pki, root: write("root.pem", pki.root.toString("pem")), ca: write("ca.pem", pki.ca.cert.toString("pem")) };
}

describe("platform PKI", () => {
  it("creates a root, an issuing CA, a TSA and a seal certificate once, and keeps them", async () => {
    const { pki, root, ca } = await pems();
    expect(pki.root.subject).toContain("个人电子签 根证书");
    expect(await platformPki()).toBe(pki);
    const signer = await issueSignerCert({ name: "张三", idMasked: "1101**********1234", contractNumber: "JT20261204000001" });
    expect(signer.cert.subject).toContain("CN=张三");
    expect(signer.cert.subject).toContain("1101**********1234");
    const leaf = write("signer.pem", signer.cert.toString("pem"));
    const verified = openssl(["verify", "-CAfile", root, "-untrusted", ca, leaf]);
    expect(verified.stdout.trim()).toBe(`${leaf}: OK`);
    const tsaLeaf = write("tsa.pem", pki.tsa.cert.toString("pem"));
    expect(openssl(["verify", "-CAfile", root, "-untrusted", ca, "-purpose", "timestampsign", tsaLeaf]).stdout.trim()).toBe(`${tsaLeaf}: OK`);
  });

  it("a detached CMS signature verifies with openssl cms against our root, and fails on changed content", async () => {
    const { pki, root } = await pems();
    const signer = await issueSignerCert({ name: "李四", idMasked: "3101**********5678", contractNumber: "JT20261204000002" });
    const content = new TextEncoder().encode("%PDF-1.7 the bytes a ByteRange covers");
    const cms = await signDetached(content, signer, [pki.ca.cert], timeStampAuthority());
    const sig = write("sig.der", cms);
    const data = write("data.bin", content);
    const ok = openssl(["cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", data, "-CAfile", root, "-out", "/dev/null"]);
    expect(ok.stderr).toContain("Verification successful");
    const printed = openssl(["cms", "-cmsout", "-print", "-inform", "DER", "-in", sig]).stdout;
    expect(printed).toMatch(/signingCertificateV2/);
    expect(printed).toMatch(/id-smime-aa-timeStampToken/);
    expect(printed).not.toMatch(/signingTime/); // PAdES: the time is the time-stamp's

    const changed = write("changed.bin", new TextEncoder().encode("%PDF-1.7 the bytes a ByteRange covers!"));
    const bad = openssl(["cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", changed, "-CAfile", root, "-out", "/dev/null"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).not.toContain("Verification successful");
  });

  it("a signature from a foreign CA does not verify against our root", async () => {
    const { root } = await pems();
    const foreignRoot = await issueCert({ profile: "root", subject: [{ CN: ["Foreign Root"] }], years: 1, issuer: null });
    const foreignCa = await issueCert({ profile: "ca", subject: [{ CN: ["Foreign CA"] }], years: 1, issuer: foreignRoot });
    const mallory = await issueCert({ profile: "signer", subject: [{ CN: ["张三"] }], years: 1, issuer: foreignCa });
    const content = new TextEncoder().encode("forged");
    const sig = write("foreign.der", await signDetached(content, mallory, [foreignCa.cert], null));
    const res = openssl(["cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", write("f.bin", content), "-CAfile", root, "-out", "/dev/null"]);
    expect(res.status).not.toBe(0);
  });

  it("the TSA token verifies with openssl ts, and the embedded one covers the signature value", async () => {
    const { pki, root } = await pems();
    const imprint = await sha256(new TextEncoder().encode("signature value"));
    const token = await issueTimeStampToken(imprint, pki.tsa, [pki.ca.cert], new Date());
    const untrusted = write("chain.pem", pki.ca.cert.toString("pem") + "\n" + pki.tsa.cert.toString("pem"));
    const res = openssl(["ts", "-verify", "-digest", hex(imprint), "-in", write("token.der", token), "-token_in", "-CAfile", root, "-untrusted", untrusted]);
    expect(res.stdout.trim()).toBe("Verification: OK");
    const wrong = openssl(["ts", "-verify", "-digest", hex(await sha256(new Uint8Array([1]))), "-in", path.join(dir, "token.der"), "-token_in", "-CAfile", root, "-untrusted", untrusted]);
    expect(wrong.stdout).not.toContain("Verification: OK");

    // the token inside a PDF signature is over that signature's value
    const signer = await issueSignerCert({ name: "王五", idMasked: "4403**********0011", contractNumber: "JT20261204000003" });
    const cms = await signDetached(new TextEncoder().encode("doc"), signer, [pki.ca.cert], timeStampAuthority());
    const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms.slice().buffer).content });
    const si = sd.signerInfos[0]!;
    const attr = si.unsignedAttrs!.attributes.find((a) => a.type === OID.timeStampToken)!;
    const embedded = new Uint8Array((attr.values[0] as asn1js.Sequence).toBER());
    const sigValueDigest = await sha256(new Uint8Array(si.signature.valueBlock.valueHexView));
    const again = openssl(["ts", "-verify", "-digest", hex(sigValueDigest), "-in", write("embedded.der", embedded), "-token_in", "-CAfile", root, "-untrusted", untrusted]);
    expect(again.stdout.trim()).toBe("Verification: OK");
    expect(execFileSync("openssl", ["ts", "-reply", "-in", path.join(dir, "embedded.der"), "-token_in", "-text"]).toString()).toContain("Policy OID: 2.25.");
  });
});

describe("a deployment's PKI is provisioned once and shared", () => {
  it("is never generated where generation is not allowed; once provisioned, every loader sees the same CA", async () => {
    const { loadPki, pkiProvision, pkiProvisioned, PKI_MISSING } = await import("./ca");
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pki-prov-")), "pki");
    await expect(loadPki(dir, { mayCreate: false })).rejects.toThrow(PKI_MISSING);
    expect(fs.existsSync(dir)).toBe(false);
    const root = await pkiProvision(dir);
    expect(pkiProvisioned(dir)).toBe(true);
    // the root key may then go offline: the app only needs the issuing CA, TSA and seal keys
    fs.rmSync(path.join(dir, "root.key.pem"));
    const [a, b] = await Promise.all([loadPki(dir, { mayCreate: false }), loadPki(dir, { mayCreate: false })]);
    expect(a.root.serialNumber).toBe(root.serialNumber);
    expect(b.ca.cert.serialNumber).toBe(a.ca.cert.serialNumber);
    // without the root key the root's revocation list is the one pki:init wrote
    const { rootCrl } = await import("./revocation");
    expect(Buffer.from(await rootCrl(a)).equals(fs.readFileSync(path.join(dir, "root.crl")))).toBe(true);
    // a PKI from before long-term validation (no CRL signer) is refused until pki:init adds it
    for (const f of ["crl.cert.pem", "crl.key.pem"]) fs.rmSync(path.join(dir, f));
    expect(pkiProvisioned(dir)).toBe(false);
    await expect(loadPki(dir, { mayCreate: false })).rejects.toThrow(PKI_MISSING);
    await pkiProvision(dir);
    expect(pkiProvisioned(dir)).toBe(true);
    expect((await loadPki(dir, { mayCreate: false })).crlSigner.cert.issuer).toBe(a.ca.cert.subject);
  });
});

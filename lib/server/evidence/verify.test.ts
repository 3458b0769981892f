import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import { PDFDocument } from "pdf-lib";
import { EC_ALG, issueCert, newKeys, x509, platformPki } from "@/lib/server/pki";
import { issueTimeStampToken, type TimeStampAuthority } from "@/lib/server/pki";
import { addSignature } from "@/lib/server/pdf";
import { effectiveIou } from "@/lib/server/contracts/test-kit";
import { verifyPdf } from "./verify";
import { signatureCertificates } from "./certificates";

const signedIou = async () => {
  const { contractId } = await effectiveIou(["周出借", "吴借款"]);
  const done = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
  return { contract: done, pdf: (await blobStore().get(done.pdfSha256!))! };
};

/** The Contents hex of the n-th signature, and where it sits. */
function contentsOf(pdf: Uint8Array, n: number) {
  const text = Buffer.from(pdf).toString("latin1");
  const m = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)][n]!;
  const [b, c] = [Number(m[2]), Number(m[3])];
  return { b, c, der: Buffer.from(text.slice(b + 1, c - 1), "hex") };
}

describe("verifyPdf", () => {
  it("a signed contract: three intact signatures from our root, time-stamped, matching the stored version", async () => {
    const { contract, pdf } = await signedIou();
    const r = await verifyPdf(pdf);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict).toMatchObject({ tone: "ok", title: "文件由本平台签署，签署后未被修改" });
    expect(r.signatures.map((s) => s.signer)).toEqual(["周**", "吴**", "平台签章", "文档时间戳（长期验证）"]);
    expect(r.signatures.map((s) => s.changedAfter.title)).toEqual(["之后仅追加了签署", "之后仅追加了签署", "之后仅追加了签署", "签名后未被修改"]);
    for (const s of r.signatures) {
      expect(s.valid.tone).toBe("ok");
      expect(s.timestamp?.valid).toBe(true);
      expect(s.issuer).toBe("个人电子签 签署证书颁发机构");
    }
    expect(r.stored).toEqual({ number: contract.number, title: "借条", current: true });
  });

  it("one byte changed inside the signed range: modified, and no longer the stored version", async () => {
    const { pdf } = await signedIou();
    const changed = Buffer.from(pdf);
    const at = changed.indexOf("借款", 0, "latin1") > 0 ? changed.indexOf("stream", 0, "latin1") + 20 : 400;
    changed[at] = changed[at]! ^ 0x01;
    const r = await verifyPdf(changed);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict).toMatchObject({ tone: "bad", title: "文件已被修改或签名已损坏" });
    expect(r.signatures[0]!.valid.detail).toBe("签名覆盖的内容已被修改");
    expect(r.stored).toBeNull();
  });

  it("bytes appended after the seal: changed after signing", async () => {
    const { pdf } = await signedIou();
    const r = await verifyPdf(Buffer.concat([pdf, Buffer.from("\n1 0 obj\n(x)\nendobj\n")]));
    expect(r.kind === "pdf" && r.verdict.title).toBe("文件在签署后被修改");
  });

  it("a forged signature value is refused, though the digest still matches", async () => {
    const { pdf } = await signedIou();
    const { b, c, der } = contentsOf(pdf, 0);
    const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der).buffer).result });
    const sd = new pkijs.SignedData({ schema: ci.content });
    const sig = new Uint8Array(sd.signerInfos[0]!.signature.valueBlock.valueHexView);
    sig[sig.length - 3] = sig[sig.length - 3]! ^ 0xff;
    sd.signerInfos[0]!.signature = new asn1js.OctetString({ valueHex: sig.slice().buffer });
    const forged = Buffer.from(new pkijs.ContentInfo({ contentType: ci.contentType, content: sd.toSchema(true) }).toSchema().toBER());
    const out = Buffer.from(pdf);
    out.write(forged.toString("hex").padEnd(c - b - 2, "0"), b + 1, "latin1");
    const r = await verifyPdf(out);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.signatures[0]!.valid.detail).toBe("签名值与证书不符，可能是伪造的签名");
    expect(r.verdict.tone).toBe("bad");
  });

  it("a signature from a foreign CA added to a genuine contract: red, the update is not ours", async () => {
    const { pdf } = await signedIou();
    const root = await issueCert({ profile: "root", subject: [{ CN: ["Foreign Root"] }], years: 1, issuer: null });
    const signer = await issueCert({ profile: "signer", subject: [{ CN: ["冒名者"] }], years: 1, issuer: root });
    const out = await addSignature(pdf, { signer, chain: [root.cert], tsa: null, fieldName: "foreign", name: "冒名者", reason: "test", signingTime: new Date() });
    const r = await verifyPdf(out);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict).toMatchObject({ tone: "bad", title: "文件在签署后被追加了非本平台的签名" });
    expect(r.signatures.at(-1)).toMatchObject({ signer: "冒**", platformSeal: false, timestamp: null });
    expect(r.signatures[2]!.changedAfter.tone).toBe("bad");
  });

  it("random bytes, an empty file and a truncated PDF give verdicts, not crashes", async () => {
    expect(await verifyPdf(crypto.getRandomValues(new Uint8Array(4096)))).toEqual({ kind: "not-pdf" });
    expect(await verifyPdf(new Uint8Array())).toEqual({ kind: "not-pdf" });
    const { pdf } = await signedIou();
    const r = await verifyPdf(pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict.tone).toBe("bad");
    expect(r.signatures.some((s) => s.valid.title === "签名无法读取")).toBe(true);
  });

  it("the certificate view reads each signature's certificate back from the stored PDF", async () => {
    const { contract } = await signedIou();
    const certs = await signatureCertificates(contract.pdfSha256!);
    expect(certs.map((c) => c.commonName)).toEqual(["周出借", "吴借款", "个人电子签 平台签章"]);
    expect(certs.map((c) => c.platformSeal)).toEqual([false, false, true]);
    for (const c of certs) {
      expect(c.intact).toBe(true);
      expect(c.serial).toMatch(/^[0-9a-f]{32}$/);
      expect(c.sha256Fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(c.timestampTime).toBeInstanceOf(Date);
    }
    expect(certs[0]!.subject).toContain(`合同 ${contract.number}`);
    expect(certs[0]!.subject).not.toContain(contract.id);
    expect(certs[0]!.subjectReadable).toBe(`名称：周出借；证件号码：${certs[0]!.subject.match(/2\.5\.4\.5=([^,]+)/)![1]}；用途：合同 ${contract.number}；机构：个人电子签；国家/地区：CN`);
  });
});

describe("verifyPdf against forgeries", () => {
  /** A certificate that copies a genuine one's subject, issuer name and serial, signed by a key of the forger's. */
  const lookalike = async (genuine: x509.X509Certificate, profile: "seal" | "tsa") => {
    const keys = await newKeys();
    const forger = await newKeys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: genuine.serialNumber,
      subject: genuine.subject,
      issuer: genuine.issuer,
      notBefore: genuine.notBefore,
      notAfter: genuine.notAfter,
      signingAlgorithm: EC_ALG,
      publicKey: keys.publicKey,
      signingKey: forger.privateKey,
      extensions: genuine.extensions.filter((e) => profile === "tsa" || e.type !== "2.5.29.37"),
    });
    return { cert, key: keys.privateKey };
  };
  const forgedTsa = async (): Promise<TimeStampAuthority> => {
    const { tsa, ca } = await platformPki();
    const fake = await lookalike(tsa.cert, "tsa");
    return { name: "forged", timestamp: (imprint) => issueTimeStampToken(imprint, fake, [ca.cert], new Date()) };
  };

  it("a seal look-alike with our CA certificate appended, over a genuine contract: red, naming the signature added after", async () => {
    const { pdf } = await signedIou();
    const { seal, ca, root } = await platformPki();
    const fake = await lookalike(seal.cert, "seal");
    const out = await addSignature(pdf, { signer: fake, chain: [ca.cert, root], tsa: await forgedTsa(), fieldName: "forged-seal", name: "个人电子签", reason: "平台签章", signingTime: new Date() });
    const r = await verifyPdf(out);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict.tone).toBe("bad");
    const last = r.signatures.at(-1)!;
    expect(last).toMatchObject({ platformSeal: false });
    expect(last.valid.tone).toBe("bad");
    expect(last.timestamp?.valid).toBe(false);
    // the genuine seal before it: intact, but something not ours was added after it
    expect(r.signatures[2]!.changedAfter).toMatchObject({ tone: "bad", title: "签名后文件被追加了非本平台的签名" });
    expect(r.signatures[2]!.changedAfter.detail).toContain("第5个签名");
  });

  it("a 借条 that never existed, signed with look-alikes of our seal and TSA: red", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText("IOU 100000");
    const blank = await doc.save({ useObjectStreams: false });
    const { seal, ca } = await platformPki();
    const out = await addSignature(blank, { signer: await lookalike(seal.cert, "seal"), chain: [ca.cert], tsa: await forgedTsa(), fieldName: "seal", name: "个人电子签", reason: "平台签章", signingTime: new Date() });
    const r = await verifyPdf(out);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict.tone).toBe("bad");
    expect(r.signatures[0]).toMatchObject({ platformSeal: false, valid: { tone: "bad", title: "证书无法验证" } });
    expect(r.stored).toBeNull();
  });

  it("an unsigned incremental update after the seal: red, and says how much was added", async () => {
    const { pdf } = await signedIou();
    const doc = await PDFDocument.load(pdf);
    const update = Buffer.from(`\n${doc.context.largestObjectNumber + 1} 0 obj\n(added)\nendobj\n`);
    const r = await verifyPdf(Buffer.concat([pdf, update]));
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.verdict).toMatchObject({ tone: "bad", title: "文件在签署后被修改" });
    expect(r.signatures.at(-1)!.changedAfter.detail).toContain(`${update.length}字节`);
  });

  it("a damaged time-stamp token: red", async () => {
    const { pdf } = await signedIou();
    const { b, c, der } = contentsOf(pdf, 2);
    const sd = signedDataOf(der);
    const si = sd.signerInfos[0]!;
    const token = si.unsignedAttrs!.attributes[0]!.values[0] as asn1js.Sequence;
    const tokenDer = new Uint8Array(token.toBER());
    tokenDer[tokenDer.length - 5] = tokenDer[tokenDer.length - 5]! ^ 0x01; // inside the TSA's signature value
    si.unsignedAttrs!.attributes[0]!.values[0] = asn1js.fromBER(tokenDer.slice().buffer).result;
    const r = await verifyPdf(withContents(pdf, b, c, sd));
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.signatures[2]!.timestamp?.valid).toBe(false);
    expect(r.signatures[2]!.valid).toMatchObject({ tone: "bad", title: "时间戳无效" });
    expect(r.verdict.tone).toBe("bad");
  });

  it("a time-stamp token removed: red", async () => {
    const { pdf } = await signedIou();
    const { b, c, der } = contentsOf(pdf, 0);
    const sd = signedDataOf(der);
    sd.signerInfos[0]!.unsignedAttrs = undefined;
    const r = await verifyPdf(withContents(pdf, b, c, sd));
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.signatures[0]!.timestamp).toBeNull();
    expect(r.signatures[0]!.valid).toMatchObject({ tone: "bad", title: "缺少时间戳" });
    expect(r.verdict.tone).toBe("bad");
  });

  it("a tiny PDF signed under a foreign CA: the signature is valid, the certificate not ours (amber)", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const tiny = await doc.save({ useObjectStreams: false });
    const root = await issueCert({ profile: "root", subject: [{ CN: ["Foreign Root"] }], years: 1, issuer: null });
    const signer = await issueCert({ profile: "signer", subject: [{ CN: ["外部签署人"] }], years: 1, issuer: root });
    const out = await addSignature(tiny, { signer, chain: [root.cert], tsa: null, fieldName: "s", name: "外部签署人", reason: "test", signingTime: new Date() });
    const r = await verifyPdf(out);
    if (r.kind !== "pdf") throw new Error("not read as a PDF");
    expect(r.signatures[0]!.valid).toMatchObject({ tone: "warn", title: "签名有效，但证书不是本平台签发" });
    expect(r.verdict).toMatchObject({ tone: "warn", title: "签名完整，但不是本平台签发" });
  });
});

function signedDataOf(der: Buffer): pkijs.SignedData {
  const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der).buffer).result });
  return new pkijs.SignedData({ schema: ci.content });
}

/** The PDF with the signature at [b, c) replaced by `sd` (padded with zeros, as writers do). */
function withContents(pdf: Uint8Array, b: number, c: number, sd: pkijs.SignedData): Buffer {
  const der = Buffer.from(new pkijs.ContentInfo({ contentType: "1.2.840.113549.1.7.2", content: sd.toSchema(true) }).toSchema().toBER());
  const out = Buffer.from(pdf);
  out.write(der.toString("hex").padEnd(c - b - 2, "0"), b + 1, "latin1");
  return out;
}

describe("npm run verify (no server)", () => {
  const cli = (file: string, ...args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile("npx", ["tsx", "--conditions=react-server", "scripts/verify.ts", file, ...args], { env: process.env, timeout: 60_000 }, (e, stdout, stderr) => {
        resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
      });
    });

  it("prints each signature's verdict; exits 0 for a genuine contract and 1 for a changed one or a foreign root", async () => {
    const { pdf } = await signedIou();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-cli-"));
    const good = path.join(dir, "good.pdf");
    fs.writeFileSync(good, pdf);
    const genuine = await cli(good);
    expect(genuine.code).toBe(0);
    expect(genuine.out).toContain("签名 3/4 · 平台签章");
    expect(genuine.out).toContain("签名 4/4 · 文档时间戳（长期验证） · 颁发者 个人电子签 签署证书颁发机构");
    expect(genuine.out).toContain("✓ 文件由本平台签署，签署后未被修改");

    const bad = path.join(dir, "appended.pdf");
    fs.writeFileSync(bad, Buffer.concat([pdf, Buffer.from("\n99 0 obj\n(x)\nendobj\n")]));
    const appended = await cli(bad);
    expect(appended.code).toBe(1);
    expect(appended.out).toContain("✗ 文件在签署后被修改");

    const other = await issueCert({ profile: "root", subject: [{ CN: ["Other Root"] }], years: 1, issuer: null });
    const otherRoot = path.join(dir, "other.pem");
    fs.writeFileSync(otherRoot, other.cert.toString("pem"));
    const foreign = await cli(good, "--root", otherRoot);
    expect(foreign.code).toBe(1);
    expect(foreign.out).toContain("签名有效，但证书不是本平台签发");
  }, 120_000);
});

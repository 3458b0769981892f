import { describe, expect, it } from "vitest";
import { evidenceReportDocument, type ReportFacts } from "./evidence-report";

const facts: ReportFacts = {
  number: "CZ2026112600000001",
  generatedAt: "2026-11-26 20:30",
  contract: { title: "借条", number: "JT2026112612345678", status: "EFFECTIVE", initiatedAt: "2026-11-26 10:00", effectiveAt: "2026-11-26 10:05", pdfSha256: "a".repeat(64), pdfBytes: 81234 },
  parties: [
    { role: "出借人", name: "张三", idMasked: "1101**********1234", phoneMasked: "138****0001", signedAt: "2026-11-26 10:00" },
    { role: "借款人", name: "李四", idMasked: "3101**********5678", phoneMasked: "138****0002", signedAt: "2026-11-26 10:05" },
  ],
  events: [
    { seq: 1, at: "2026-11-26 10:00", action: "create", actor: "出借人 张三", ip: "10.0.0.1", verification: null, docSha256: null, hash: "1".repeat(64), prevHash: "" },
    { seq: 2, at: "2026-11-26 10:00", action: "initiate", actor: "出借人 张三", ip: "10.0.0.1", verification: "face", docSha256: null, hash: "2".repeat(64), prevHash: "1".repeat(64) },
    { seq: 3, at: "2026-11-26 10:05", action: "sign", actor: "借款人 李四", ip: "10.0.0.2", verification: "face", docSha256: "a".repeat(64), hash: "3".repeat(64), prevHash: "2".repeat(64) },
  ],
  chainIntact: true,
  signatures: [{ signer: "张三", serial: "0f".repeat(16), issuer: "个人电子签 签署证书颁发机构", validity: "2026-11-26 至 2036-11-26", fingerprint: "b".repeat(64), signingTime: "2026-11-26 10:00", timestampTime: "2026-11-26 10:05", intact: true }],
};

const text = (f: ReportFacts) => JSON.stringify(evidenceReportDocument(f));

describe("evidenceReportDocument", () => {
  it("holds the contract's identity and hash, each party, every audit event with IP and verification, each certificate and the chain's hashes", () => {
    const t = text(facts);
    for (const s of ["JT2026112612345678", "a".repeat(64), "张三", "1101**********1234", "138****0002", "创建草稿", "发起并签署", "签署", "10.0.0.2", "人脸核身", "0f".repeat(16), "b".repeat(64), "3".repeat(64), "完整，未发现篡改"]) expect(t).toContain(s);
  });
  it.each([
    [{ ...facts, chainIntact: false }, "异常，记录与哈希不一致"],
    [{ ...facts, signatures: [{ ...facts.signatures[0]!, intact: false, timestampTime: null }] }, "签名无效或内容已被修改"],
  ])("says so when something is wrong (%#)", (f, phrase) => expect(text(f)).toContain(phrase));
  it("has no signature blocks of its own: the platform seals the PDF", () => {
    expect(evidenceReportDocument(facts).signers).toEqual([]);
  });
});

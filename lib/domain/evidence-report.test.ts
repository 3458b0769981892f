import { describe, expect, it } from "vitest";
import { auditNote, evidenceReportDocument, type ReportFacts } from "./evidence-report";

const facts: ReportFacts = {
  number: "CZ2026112600000001",
  generatedAt: "2026-11-26 20:30",
  contract: { title: "借条", number: "JT2026112612345678", status: "EFFECTIVE", initiatedAt: "2026-11-26 10:00", effectiveAt: "2026-11-26 10:05", pdfSha256: "a".repeat(64), pdfBytes: 81234 },
  parties: [
    { role: "出借人", name: "张三", idMasked: "1101**********1234", phoneMasked: "138****0001", signedAt: "2026-11-26 10:00" },
    { role: "借款人", name: "李四", idMasked: "3101**********5678", phoneMasked: "138****0002", signedAt: "2026-11-26 10:05" },
  ],
  events: [
    { seq: 1, at: "2026-11-26 10:00", action: "create", note: null, actor: "出借人 张三", ip: "10.0.0.1", verification: null, docSha256: null, hash: "1".repeat(64), prevHash: "" },
    { seq: 2, at: "2026-11-26 10:00", action: "initiate", note: null, actor: "出借人 张三", ip: "10.0.0.1", verification: "face", docSha256: null, hash: "2".repeat(64), prevHash: "1".repeat(64) },
    { seq: 3, at: "2026-11-26 10:05:09 UTC+8", action: "sign", note: null, actor: "借款人 李四", ip: "10.0.0.2", verification: "face", docSha256: "a".repeat(64), hash: "3".repeat(64), prevHash: "2".repeat(64) },
    { seq: 4, at: "2026-11-27 09:00:00 UTC+8", action: "settleRequest", note: "原因：已还清全部借款", actor: "借款人 李四", ip: "10.0.0.2", verification: "password", docSha256: null, hash: "4".repeat(64), prevHash: "3".repeat(64) },
  ],
  chainIntact: true,
  check: { rootSubject: "名称：个人电子签 根证书；机构：个人电子签；国家/地区：CN", rootFingerprint: "C".repeat(64), verifyUrl: "https://example.cn/verify" },
  signatures: [{ signer: "张三", subject: "名称：张三；证件号码：1101**********1234；用途：合同 JT2026112612345678；机构：个人电子签；国家/地区：CN", serial: "0f".repeat(16), issuer: "个人电子签 签署证书颁发机构", validity: "2026-11-26 至 2036-11-26", fingerprint: "b".repeat(64), signingTime: "2026-11-26 10:00", timestampTime: "2026-11-26 10:05", intact: true }],
};

const text = (f: ReportFacts) => JSON.stringify(evidenceReportDocument(f));

describe("evidenceReportDocument", () => {
  it("holds the contract's identity and hash, each party, every audit event with IP and verification, each certificate and the chain's hashes", () => {
    const t = text(facts);
    for (const s of ["JT2026112612345678", "a".repeat(64), "张三", "1101**********1234", "138****0002", "创建草稿", "发起并签署", "签署", "10.0.0.2", "人脸核身", "0f".repeat(16), "b".repeat(64), "3".repeat(64), "完整，未发现篡改"]) expect(t).toContain(s);
  });
  it("states each event's reason, times to the second, and how to check the file without us (our root's fingerprint, /verify)", () => {
    const t = text(facts);
    for (const s of ["申请结清（原因：已还清全部借款）", "2026-11-26 10:05:09 UTC+8", "C".repeat(64), "https://example.cn/verify", "名称：张三；证件号码"]) expect(t).toContain(s);
    expect(t).not.toContain("任意支持PAdES的PDF阅读器");
  });
  it.each<[unknown, string | null]>([
    [{ reason: "已还清" }, "原因：已还清"],
    [{ to: "a***@example.com", report: "CZ1" }, "报告编号 CZ1；发送至 a***@example.com"],
    [{ signatureSha256: "ab" }, null],
    [null, null],
    ["x", null],
  ])("auditNote(%j)", (detail, note) => expect(auditNote(detail)).toBe(note));
  it.each([
    [{ ...facts, chainIntact: false }, "异常，记录与哈希不一致"],
    [{ ...facts, signatures: [{ ...facts.signatures[0]!, intact: false, timestampTime: null }] }, "签名无效或内容已被修改"],
  ])("says so when something is wrong (%#)", (f, phrase) => expect(text(f)).toContain(phrase));
  it("has no signature blocks of its own: the platform seals the PDF", () => {
    expect(evidenceReportDocument(facts).signers).toEqual([]);
  });
});

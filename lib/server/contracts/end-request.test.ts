import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { setClockOffset } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { blobStore } from "@/lib/server/storage";
import { sha256Hex } from "@/lib/server/crypto";
import { contractEmail, endAnswer, endRequest, endVerified, setRepayReminder } from "./index";
import { verifyAuditChain } from "./audit";
import { pdfsigBlocks, strictVerdict, trustingNssDb } from "@/lib/server/pki/test-nss";
import { effectiveIou, meta, person, versionOf } from "./test-kit";
import { faceProof } from "@/lib/server/identity/test-kit";

const statusOf = async (id: string) => (await db().contract.findUniqueOrThrow({ where: { id } })).status;

function pdfText(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "end-pdf-")), "c.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

/** 申请 with the 模拟 face check passed. */
async function request(user: User, contractId: string, kind: "rescind" | "settle", reason = "双方协商一致") {
  const started = await endRequest(user, { contractId, version: await versionOf(contractId), kind, reason });
  if (!started.ok) return started;
  return endVerified(user, await faceProof(user, started.data.faceCheckId), meta);
}

async function answer(user: User, contractId: string, a: "Cancel" | "Confirm" | "Refuse") {
  const res = await endAnswer(user, { contractId, version: await versionOf(contractId), answer: a }, meta);
  if (!res.ok || !res.data.faceCheckId) return res;
  return endVerified(user, await faceProof(user, res.data.faceCheckId), meta);
}

describe("解除 and 结清 after signing", () => {
  it("rescind: cancelled, refused, then confirmed; each step tells the other side; the PDF says 已解除", async () => {
    const { a, b, contractId } = await effectiveIou(["解甲", "除乙"]);
    const signedSha = (await db().contract.findUniqueOrThrow({ where: { id: contractId } })).pdfSha256!;

    expect(await request(a, contractId, "rescind", "  交易已取消  ")).toMatchObject({ ok: true });
    expect(await statusOf(contractId)).toBe("RESCINDING");
    const asked = await db().outboxMessage.findFirstOrThrow({ where: { to: b.phone, kind: "contract.rescindRequest" } });
    expect(asked.body).toContain("交易已取消");
    expect(asked.body).toContain(`/contracts/${contractId}`);
    expect(await db().outboxMessage.count({ where: { to: a.phone, kind: "contract.rescindRequest" } })).toBe(0);

    expect(await answer(b, contractId, "Cancel")).toEqual({ ok: false, error: "当前状态下不能进行此操作" });
    expect(await answer(a, contractId, "Confirm")).toEqual({ ok: false, error: "当前状态下不能进行此操作" });
    expect((await answer(a, contractId, "Cancel")).ok).toBe(true);
    expect(await statusOf(contractId)).toBe("EFFECTIVE");
    expect(await db().outboxMessage.count({ where: { to: b.phone, kind: "contract.rescindCancelled" } })).toBe(1);

    expect((await request(b, contractId, "rescind")).ok).toBe(true);
    expect((await answer(a, contractId, "Refuse")).ok).toBe(true);
    expect(await statusOf(contractId)).toBe("EFFECTIVE");
    expect(await db().outboxMessage.count({ where: { to: b.phone, kind: "contract.rescindAnswered", body: { contains: "拒绝" } } })).toBe(1);

    expect((await request(b, contractId, "rescind", "合同内容填写有误")).ok).toBe(true);
    expect((await answer(a, contractId, "Confirm")).ok).toBe(true);
    const done = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(done.status).toBe("RESCINDED");
    expect(done.pdfSha256).not.toBe(signedSha);
    // the 解除确认书 is a sealed document of its own naming the signed version
    const record = (await blobStore().get(done.endRecordSha256!))!;
    const text = pdfText(record).replace(/\s+/g, "");
    for (const needle of ["解除确认书", "合同内容填写有误", signedSha, done.number, "第1页/共1页"]) expect(text).toContain(needle);
    const recordSigs = pdfsigBlocks(record, await trustingNssDb());
    expect(recordSigs).toHaveLength(1);
    expect(recordSigs[0]).toContain("Signature is Valid.");
    // the stamp is the visible appearance of the platform's last seal (pyHanko checks nothing else changed)
    expect(pdfText((await blobStore().get(done.pdfSha256!))!)).toContain("已解除");
    expect(await blobStore().get(signedSha)).not.toBeNull(); // the signed version stays stored
    // a new revision: the parties' signatures stay valid, and the platform seals the ended version
    const sigs = pdfsigBlocks((await blobStore().get(done.pdfSha256!))!, await trustingNssDb());
    expect(sigs.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["解甲", "除乙", "个人电子签 平台签章", "个人电子签 平台签章"]);
    for (const b of sigs) expect(b).toContain("Signature is Valid.");
    // strict: the parties' signatures and the first seal stay valid, the stamp is a permitted change
    // the ended version ends with its own long-term-validation stamp, covering the whole file
    const strict = await strictVerdict((await blobStore().get(done.pdfSha256!))!);
    expect(strict.code, strict.out).toBe(0);
    expect(strict.out).toMatch(/field=platform-ltv-rescind kind=document-timestamp .*coverage=ENTIRE_FILE/);
    expect((await strictVerdict(record, null)).code).toBe(0);

    const events = await db().auditEvent.findMany({ where: { contractId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action).slice(4)).toEqual(["rescindRequest", "rescindCancel", "rescindRequest", "rescindRefuse", "rescindRequest", "rescindConfirm"]);
    expect(events[4]!.detail).toMatchObject({ reason: "交易已取消", verification: "face" });
    expect(events.at(-1)!.docSha256).toBe(done.pdfSha256);
    expect(await verifyAuditChain(db(), contractId)).toBeNull();
  });

  it("settle: the borrower asks, the lender confirms; 已结清 in the PDF and reminders stop", async () => {
    const { a, b, contractId } = await effectiveIou(["结甲", "清乙"]);
    expect((await setRepayReminder(a.id, { contractId, enabled: true })).ok).toBe(true);
    expect((await request(b, contractId, "settle", "借款本金及利息已全部还清")).ok).toBe(true);
    expect(await statusOf(contractId)).toBe("SETTLING");
    expect((await answer(a, contractId, "Confirm")).ok).toBe(true);
    const done = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(done).toMatchObject({ status: "SETTLED" });
    expect(pdfText((await blobStore().get(done.endRecordSha256!))!)).toContain("不再作为债权凭证");
    const strict = await strictVerdict((await blobStore().get(done.pdfSha256!))!);
    expect(strict.code, strict.out).toBe(0);
    try {
      setClockOffset(100 * 86_400_000); // past the repayment date
      while ((await runDueJobs(50)) > 0);
      expect(await db().outboxMessage.count({ where: { to: b.phone, kind: "iou.repayReminder" } })).toBe(0);
    } finally {
      setClockOffset(0);
    }
  });

  it("repayment reminders are each person's own: the lender's switch never texts the borrower; one SMS per person and date", async () => {
    const { a, b, contractId } = await effectiveIou(["提甲", "醒乙"]);
    expect((await setRepayReminder(a.id, { contractId, enabled: true })).ok).toBe(true);
    expect((await setRepayReminder(a.id, { contractId, enabled: true })).ok).toBe(true);
    const stranger = await person("旁人丁");
    expect(await setRepayReminder(stranger.id, { contractId, enabled: true })).toEqual({ ok: false, error: "合同不存在" });
    try {
      setClockOffset(89 * 86_400_000);
      while ((await runDueJobs(50)) > 0);
      expect(await db().outboxMessage.count({ where: { kind: "iou.repayReminder", to: { in: [a.phone, b.phone] } } })).toBe(0);
      setClockOffset(91 * 86_400_000);
      while ((await runDueJobs(50)) > 0);
      const sent = await db().outboxMessage.findMany({ where: { kind: "iou.repayReminder", to: { in: [a.phone, b.phone] } } });
      // only the lender asked: a 收款提醒 to the lender, naming the borrower, and nothing to the borrower
      expect(sent.map((m) => m.to)).toEqual([a.phone]);
      expect(sent[0]!.body).toContain("收款提醒");
      expect(sent[0]!.body).toContain("借款人醒乙");
      expect(sent[0]!.body).toContain("¥5,000.00");
    } finally {
      setClockOffset(0);
    }
  });

  it("the borrower's own 还款提醒 reaches the borrower", async () => {
    const { a, b, contractId } = await effectiveIou(["还甲", "款乙"]);
    expect((await setRepayReminder(b.id, { contractId, enabled: true })).ok).toBe(true);
    expect((await setRepayReminder(a.id, { contractId, enabled: true })).ok).toBe(true);
    expect((await setRepayReminder(a.id, { contractId, enabled: false })).ok).toBe(true);
    try {
      setClockOffset(91 * 86_400_000);
      while ((await runDueJobs(50)) > 0);
      const sent = await db().outboxMessage.findMany({ where: { kind: "iou.repayReminder", to: { in: [a.phone, b.phone] } } });
      expect(sent.map((m) => m.to)).toEqual([b.phone]);
      expect(sent[0]!.body).toMatch(/^【个人电子签】还款提醒：您在《.+》中约定今天/);
    } finally {
      setClockOffset(0);
    }
  });

  it("bad input and wrong actors change nothing", async () => {
    const { a, b, contractId } = await effectiveIou(["坏甲", "坏乙"]);
    const stranger = await person("路人丙");
    const v = await versionOf(contractId);
    expect(await endRequest(a, { contractId, version: v, kind: "rescind", reason: "   " })).toMatchObject({ ok: false, fieldErrors: { reason: "请选择或填写原因" } });
    expect(await endRequest(a, { contractId, version: v, kind: "rescind", reason: "长".repeat(201) })).toMatchObject({ ok: false, fieldErrors: { reason: "原因最多200字" } });
    expect(await endRequest(stranger, { contractId, version: v, kind: "rescind", reason: "想解除" })).toEqual({ ok: false, error: "合同不存在" });
    expect(await endRequest(a, { contractId: "nope", version: v, kind: "settle", reason: "还清" })).toEqual({ ok: false, error: "合同不存在" });
    expect(await endRequest(a, { contractId, version: v + 1, kind: "settle", reason: "还清" })).toEqual({ ok: false, error: "合同状态已变化，请刷新" });
    // a failed face check does nothing
    const started = await endRequest(a, { contractId, version: v, kind: "settle", reason: "还清" });
    expect(started.ok).toBe(true);
    if (started.ok) expect(await endVerified(a, await faceProof(a, started.data.faceCheckId, false), meta)).toEqual({ ok: false, error: "人脸核验未通过，请重试" });
    expect(await statusOf(contractId)).toBe("EFFECTIVE");
    // only one request at a time
    expect((await request(a, contractId, "rescind")).ok).toBe(true);
    expect(await request(b, contractId, "settle")).toEqual({ ok: false, error: "已有一个解除或结清申请等待对方确认" });
    expect(await answer(stranger, contractId, "Confirm")).toEqual({ ok: false, error: "合同不存在" });
    expect(await db().auditEvent.count({ where: { contractId, action: { startsWith: "settle" } } })).toBe(0);
  });

  it("confirm and cancel at the same moment: one wins, the other is told to refresh", async () => {
    for (let round = 0; round < 3; round++) {
      const { a, b, contractId } = await effectiveIou([`并甲${round}`, `发乙${round}`]);
      expect((await request(a, contractId, "rescind")).ok).toBe(true);
      const v = await versionOf(contractId);
      const held = await endAnswer(b, { contractId, version: v, answer: "Confirm" }, meta);
      if (!held.ok || !held.data.faceCheckId) throw new Error("confirm not held");
      const [confirmed, cancelled] = await Promise.all([
        endVerified(b, await faceProof(b, held.data.faceCheckId), meta),
        endAnswer(a, { contractId, version: v, answer: "Cancel" }, meta),
      ]);
      expect([confirmed.ok, cancelled.ok].filter(Boolean)).toHaveLength(1);
      expect(confirmed.ok ? cancelled : confirmed).toEqual({ ok: false, error: "合同状态已变化，请刷新" });
      expect(await statusOf(contractId)).toBe(confirmed.ok ? "RESCINDED" : "EFFECTIVE");
    }
  });

  it("e-mail: the stored PDF as attachment, parties only, signed contracts only, 10 an hour", async () => {
    const { a, b, contractId } = await effectiveIou(["邮甲", "件乙"]);
    const c = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(await contractEmail(a, { contractId, email: "not-an-address" }, meta)).toMatchObject({ ok: false, fieldErrors: { email: "请输入正确的邮箱地址" } });
    expect(await contractEmail((await person("外人")) as User, { contractId, email: "x@example.com" }, meta)).toEqual({ ok: false, error: "合同不存在" });
    expect(await contractEmail(b, { contractId, email: " b@example.com " }, meta)).toEqual({ ok: true, data: { to: "b@example.com" } });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: "b@example.com", kind: "contract.email" } });
    const [att] = mail.attachments as { sha256: string; contentType: string }[];
    expect(att).toMatchObject({ sha256: c.pdfSha256, contentType: "application/pdf" });
    expect(sha256Hex(Buffer.from((await blobStore().get(att!.sha256))!))).toBe(c.pdfSha256);
    for (let i = 0; i < 9; i++) expect((await contractEmail(b, { contractId, email: "b@example.com" }, meta)).ok).toBe(true);
    expect(await contractEmail(b, { contractId, email: "b@example.com" }, meta)).toEqual({ ok: false, fieldErrors: { email: "每小时最多发送10次，请稍后再试" } });
    expect((await contractEmail(a, { contractId, email: "a@example.com" }, meta)).ok).toBe(true); // per user
    const events = await db().auditEvent.findMany({ where: { contractId, action: "email" } });
    expect(events).toHaveLength(11);
    expect(events[0]!.detail).toEqual({ to: "b***@example.com" });
    expect(await verifyAuditChain(db(), contractId)).toBeNull();
  });
});

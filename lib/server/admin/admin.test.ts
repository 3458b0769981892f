import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { signStart } from "@/lib/server/contracts";
import { initiate, iouDraftSave, iouForm, person, pngDataUrl, versionOf, payContract } from "@/lib/server/contracts/test-kit";
import { contractFee, couponRedeem, couponWallet } from "@/lib/server/payments";
import { hashSignPassword } from "@/lib/server/identity";
import { userFreeze, userUnfreeze } from "./users";
import { feeRulesUpdate, feeRulesForm } from "./fees";
import { couponBatchCreate, couponBatchEdit, couponBatchHistory, couponIssue } from "./coupons";
import { iouCaseHide, iouCaseSave } from "./content";
import { orderRefund } from "./orders";
import { adminFactorStart, adminFactorVerify } from "./factor";
import { searchIouCases, iouCaseById } from "@/lib/server/content";
import { adminOverview } from "./overview";

async function adminActor() {
  const admin = await db().user.update({ where: { id: (await person("管理员甲")).id }, data: { role: "ADMIN" } });
  return { admin, ip: "10.0.0.1" };
}

describe("admin", () => {
  it("second factor: the signing password passes this session only; wrong ones count toward the lock", async () => {
    const { admin } = await adminActor();
    await db().user.update({ where: { id: admin.id }, data: { signPasswordHash: await hashSignPassword("135790") } });
    const fresh = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    const started = await adminFactorStart(fresh, "sid-1");
    if (!started.ok) throw new Error("start");
    const { faceCheckId } = started.data;
    expect(await adminFactorVerify(fresh, "sid-1", { faceCheckId, password: "000000" }, "10.0.0.1")).toMatchObject({ ok: false, fieldErrors: { password: "签署密码错误，还可尝试4次" } });
    expect(await db().adminFactor.findUnique({ where: { sessionId: "sid-1" } })).toBeNull();
    expect(await adminFactorVerify(fresh, "sid-1", { faceCheckId, password: "135790" }, "10.0.0.1")).toEqual({ ok: true, data: { expiresAt: expect.any(Date) } });
    expect(await db().adminFactor.findUniqueOrThrow({ where: { sessionId: "sid-1" } })).toMatchObject({ userId: admin.id, method: "PASSWORD" });
    expect(await db().adminFactor.findUnique({ where: { sessionId: "sid-2" } })).toBeNull();
    expect(await db().adminAudit.count({ where: { adminId: admin.id, action: "admin.factor" } })).toBe(1);
  });

  it("freeze: the reason is required; a frozen party puts the contract on hold for the other side; unfreeze lifts it; both audited", async () => {
    const actor = await adminActor();
    const lender = await person("冻结出借");
    const borrower = await person("冻结借款");
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone }));
    expect(await userFreeze(actor, { userId: lender.id, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await userFreeze(actor, { userId: actor.admin.id, reason: "测试冻结自己" })).toMatchObject({ ok: false, error: "不能冻结自己的账号" });
    expect(await userFreeze(actor, { userId: lender.id, reason: "涉嫌欺诈，核实中" })).toEqual({ ok: true, data: undefined });
    expect((await db().user.findUniqueOrThrow({ where: { id: lender.id } })).status).toBe("FROZEN");
    // a frozen account cannot sign in
    const { requestLoginCode, verifyLoginCode } = await import("@/lib/server/auth");
    expect(await requestLoginCode({ phone: lender.phone, agree: true }, { ip: "10.9.9.9", limitable: true })).toMatchObject({ ok: true });
    const { deliveredCode } = await import("@/lib/server/notify/test-kit");
    expect(await verifyLoginCode({ phone: lender.phone, code: await deliveredCode(lender.phone), agree: true }, { ip: "10.9.9.9", userAgent: "t" })).toEqual({ ok: false, fieldErrors: { phone: "该账号已被冻结，请联系客服" } });
    const { supplementInfo } = await import("@/lib/server/contracts");
    // on hold: 补充信息 is refused like signing (one guard in the lifecycle)
    expect(await supplementInfo(borrower, { token: recipient.inviteToken, version: await versionOf(c.id) }, { ip: "1", userAgent: "t" })).toEqual({ ok: false, error: "合同已暂停：有签署方的账号已被平台冻结，暂不能继续操作" });
    const held = await signStart(borrower, { contractId: c.id, version: await versionOf(c.id), token: recipient.inviteToken, signature: { png: pngDataUrl() } });
    expect(held).toEqual({ ok: false, error: "合同已暂停：有签署方的账号已被平台冻结，暂不能继续操作" });
    expect(await userUnfreeze(actor, { userId: lender.id })).toEqual({ ok: true, data: undefined });
    expect((await supplementInfo(borrower, { token: recipient.inviteToken, version: await versionOf(c.id) }, { ip: "1", userAgent: "t" })).ok).toBe(true);
    expect(await signStart(borrower, { contractId: c.id, version: await versionOf(c.id), token: recipient.inviteToken, signature: { png: pngDataUrl() } })).toMatchObject({ ok: true });
    expect((await db().adminAudit.findMany({ where: { targetId: lender.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual(["user.freeze", "user.unfreeze"]);
  });

  it("fee rules: an edit changes new quotes, never an order already created; the change is kept with before and after", async () => {
    const actor = await adminActor();
    const u = await person("改价用户");
    const draft = await iouDraftSave(u, { form: iouForm({ counterpartyPhone: "19900001111" }), complete: true });
    if (!draft.ok) throw new Error("draft");
    const c = await db().contract.findUniqueOrThrow({ where: { id: draft.data.contractId } });
    const order = await payContract(u, c.id);
    expect(order?.amountFen).toBe(690);
    const form = await feeRulesForm();
    expect(await feeRulesUpdate(actor, { ...form, iouYuan: "abc" })).toMatchObject({ ok: false, fieldErrors: { iouYuan: expect.any(String) } });
    expect(await feeRulesUpdate(actor, form)).toEqual({ ok: false, error: "没有修改任何内容" });
    expect(await feeRulesUpdate(actor, { ...form, iouYuan: "8.80" })).toEqual({ ok: true, data: undefined });
    expect((await db().order.findUniqueOrThrow({ where: { id: order!.id } })).amountFen).toBe(690);
    const next = await iouDraftSave(u, { form: iouForm({ counterpartyPhone: "19900001112" }), complete: true });
    if (!next.ok) throw new Error("draft");
    expect((await contractFee(u.id, { id: next.data.contractId, kind: "iou" })).quote.totalFen).toBe(880);
    const audit = await db().adminAudit.findFirstOrThrow({ where: { action: "feeRules.update" }, orderBy: { createdAt: "desc" } });
    expect(audit.before).toMatchObject({ contractFen: { iou: 690 } });
    expect(audit.after).toMatchObject({ contractFen: { iou: 880 } });
    // admin refund of the paid order goes through the gateway job, once
    expect(await orderRefund(actor, { orderId: order!.id })).toEqual({ ok: true, data: undefined });
    expect(await orderRefund(actor, { orderId: order!.id })).toMatchObject({ ok: false });
    await feeRulesUpdate(actor, form);
  });

  it("coupon batches: validated, issued to a phone within the limit, or redeemed by a published code", async () => {
    const actor = await adminActor();
    const u = await person("领券用户");
    const base = { name: "测试立减", kind: "FIXED", amountYuan: "3", percentOff: "", minSpendYuan: "", kinds: "iou", validFrom: "2026-01-01", validTo: "2099-12-31", perUserLimit: 1, code: "" };
    expect(await couponBatchCreate(actor, { ...base, amountYuan: "0" })).toMatchObject({ ok: false, fieldErrors: { amountYuan: "请填写大于0的减免金额" } });
    expect(await couponBatchCreate(actor, { ...base, validTo: "2025-01-01" })).toMatchObject({ ok: false, fieldErrors: { validTo: "截止日期不能早于生效日期" } });
    expect(await couponBatchCreate(actor, { ...base, kinds: "IOU; drop" })).toMatchObject({ ok: false, fieldErrors: { kinds: expect.any(String) } });
    const made = await couponBatchCreate(actor, base);
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(await couponIssue(actor, { batchId: made.data.id, phone: "19999999999" })).toMatchObject({ ok: false, fieldErrors: { phone: "没有使用该手机号的账号" } });
    expect(await couponIssue(actor, { batchId: made.data.id, phone: u.phone })).toEqual({ ok: true, data: undefined });
    expect(await couponIssue(actor, { batchId: made.data.id, phone: u.phone })).toMatchObject({ ok: false, fieldErrors: { phone: "该用户已达到本批次的领取上限" } });
    const coded = await couponBatchCreate(actor, { ...base, name: "兑换码券", code: "admintest1" });
    expect(coded).toMatchObject({ ok: true });
    expect(await couponBatchCreate(actor, { ...base, code: "ADMINTEST1" })).toMatchObject({ ok: false, fieldErrors: { code: "该兑换码已被其他批次使用" } });
    expect(await couponRedeem(u, { code: "ADMINTEST1" })).toMatchObject({ ok: true });
    expect((await couponWallet(u.id)).map((c) => c.name).sort()).toEqual(["兑换码券", "测试立减"]);
    // editing keeps the discount; the change is kept as history
    expect(await couponBatchEdit(actor, { batchId: made.data.id, name: "测试立减（延期）", validTo: "2025-12-31", perUserLimit: 2 })).toMatchObject({ ok: false, fieldErrors: { validTo: "截止日期不能早于生效日期" } });
    expect(await couponBatchEdit(actor, { batchId: made.data.id, name: "测试立减（延期）", validTo: "2100-06-30", perUserLimit: 2 })).toEqual({ ok: true, data: undefined });
    expect(await couponIssue(actor, { batchId: made.data.id, phone: u.phone })).toEqual({ ok: true, data: undefined });
    const batch = await db().couponBatch.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(batch).toMatchObject({ name: "测试立减（延期）", perUserLimit: 2, amountFen: 300 });
    expect((await couponBatchHistory([made.data.id])).get(made.data.id)).toHaveLength(1);
  });

  it("case library: saved, found by users, hidden rather than deleted", async () => {
    const actor = await adminActor();
    const entry = { court: "北京市朝阳区人民法院", caseNumber: "（示例）测试案号", decidedOn: "2025-01-02", summary: "测试用的案情摘要，包含关键词电子借条。", outcome: "支持原告诉请。", url: "https://wenshu.court.gov.cn/", isSample: true };
    expect(await iouCaseSave(actor, { ...entry, url: "javascript:alert(1)" })).toMatchObject({ ok: false, fieldErrors: { url: expect.any(String) } });
    const saved = await iouCaseSave(actor, entry);
    if (!saved.ok) throw new Error("save");
    expect((await searchIouCases("电子借条")).map((c) => c.id)).toContain(saved.data.id);
    expect(await iouCaseHide(actor, { id: saved.data.id, hidden: true })).toMatchObject({ ok: true });
    expect((await searchIouCases("电子借条")).map((c) => c.id)).not.toContain(saved.data.id);
    expect((await iouCaseById(saved.data.id))?.hiddenAt).not.toBeNull();
  });

  it("overview: per-day figures from live queries over the chosen range", async () => {
    await person("概览用户");
    const o = await adminOverview({ days: "7" });
    expect(o.days).toBe(7);
    expect(o.people).toHaveLength(7);
    expect(Number(o.people.at(-1)!["新注册"])).toBeGreaterThan(0);
    expect((await adminOverview({ days: "13" })).days).toBe(30);
  });
});

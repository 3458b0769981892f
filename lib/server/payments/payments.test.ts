import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now, setClockOffset } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { initiatorAction } from "@/lib/server/contracts";
import { approveInSandbox, iouDraftSave, iouForm, meta, payContract, person, sign, versionOf } from "@/lib/server/contracts/test-kit";
import { shanghaiMonth } from "@/lib/domain/fees";
import { signNotice } from "./gateway";
import { sandboxNotice } from "./sandbox";
import { contractFee, couponRedeem, orderCreate, paymentNoticeHandle } from "./index";
import { feeAtInitiation, refundContractFee } from "./orders";

const draftIou = async (u: User) => {
  const d = await iouDraftSave(u, { form: iouForm(), complete: true });
  if (!d.ok) throw new Error(JSON.stringify(d));
  return d.data.contractId;
};

/** A draft of a kind the monthly free quota covers (a template contract). */
const draftTemplate = (u: User) =>
  db().contract.create({ data: { number: `T${Math.random().toString().slice(2, 12)}`, kind: "rental", title: "租房合同", initiatorId: u.id, facts: {}, createdAt: now() } });

async function couponFor(u: User, over: { amountFen?: number; validTo?: Date } = {}) {
  const batch = await db().couponBatch.create({
    data: { name: "测试立减", kind: "FIXED", amountFen: over.amountFen ?? 200, validFrom: new Date(now().getTime() - 86_400_000), validTo: over.validTo ?? new Date(now().getTime() + 86_400_000), code: `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`, createdAt: now() },
  });
  expect(await couponRedeem(u, { code: batch.code })).toMatchObject({ ok: true });
  return db().coupon.findFirstOrThrow({ where: { batchId: batch.id, userId: u.id } });
}

async function pendingOrder(u: User) {
  const contractId = await draftIou(u);
  const { quote } = await contractFee(u.id, { id: contractId, kind: "iou" });
  const res = await orderCreate(u, { purpose: "CONTRACT", contractId, couponId: null, expectedTotalFen: quote.totalFen });
  if (!res.ok || !res.data.payUrl) throw new Error(JSON.stringify(res));
  const order = await db().order.findUniqueOrThrow({ where: { id: res.data.orderId } });
  const sandboxId = res.data.payUrl.split("/").pop()!;
  return { contractId, order, sandboxId, payUrl: res.data.payUrl };
}

describe("payment notifications", () => {
  it("the same notification delivered 100 times pays the order once; each delivery is logged", async () => {
    const u = await person("付款甲");
    const { order, sandboxId } = await pendingOrder(u);
    const p = await db().sandboxPayment.update({ where: { id: sandboxId }, data: { status: "APPROVED", notifyId: "notify-replay" } });
    const { headers, body } = signNotice(sandboxNotice(p));
    const replies = [];
    for (let batch = 0; batch < 10; batch++) replies.push(...(await Promise.all(Array.from({ length: 10 }, () => paymentNoticeHandle(new Headers(headers), body)))));
    expect(replies.every((r) => r.status === 200 && r.body.code === "SUCCESS")).toBe(true);
    const paid = await db().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid.status).toBe("PAID");
    const log = await db().paymentNotice.groupBy({ by: ["outcome"], where: { orderNumber: order.number }, _count: true });
    expect(Object.fromEntries(log.map((l) => [l.outcome, l._count]))).toEqual({ PAID: 1, DUPLICATE: 99 });
  });

  it("a bad signature, a stale one, an unknown order and a wrong amount are refused, logged, and pay nothing", async () => {
    const u = await person("付款乙");
    const { order, sandboxId } = await pendingOrder(u);
    const p = await db().sandboxPayment.findUniqueOrThrow({ where: { id: sandboxId } });
    const good = signNotice(sandboxNotice(p));
    const forged = { ...good.headers, "wechatpay-signature": Buffer.alloc(32, 7).toString("base64") };
    expect(await paymentNoticeHandle(new Headers(forged), good.body)).toMatchObject({ status: 401 });
    const tampered = good.body.replace(`"total":${p.amountFen}`, `"total":1`);
    expect(await paymentNoticeHandle(new Headers(good.headers), tampered)).toMatchObject({ status: 401 });
    const stale = signNotice(sandboxNotice(p), new Date(now().getTime() - 10 * 60_000));
    expect(await paymentNoticeHandle(new Headers(stale.headers), stale.body)).toMatchObject({ status: 401 });
    const unknown = signNotice({ ...sandboxNotice(p), out_trade_no: "DD-NOPE" });
    expect(await paymentNoticeHandle(new Headers(unknown.headers), unknown.body)).toMatchObject({ status: 404 });
    const wrongAmount = signNotice({ ...sandboxNotice(p), amount: { total: p.amountFen - 1, currency: "CNY" } });
    expect(await paymentNoticeHandle(new Headers(wrongAmount.headers), wrongAmount.body)).toMatchObject({ status: 400 });

    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    const outcomes = (await db().paymentNotice.findMany({ where: { receivedAt: { gte: order.createdAt } } })).map((n) => n.outcome);
    for (const o of ["BAD_SIGNATURE", "STALE", "UNKNOWN_ORDER", "AMOUNT_MISMATCH"]) expect(outcomes).toContain(o);
  });
});

describe("the free quota and coupons under concurrency", () => {
  it("two drafts initiated at once cannot both take the last free slot", async () => {
    const u = await person("额度丙");
    for (let i = 0; i < 2; i++) {
      await db().order.create({ data: { number: `FREE-${u.id}-${i}`, userId: u.id, purpose: "CONTRACT", kind: "rental", amountFen: 0, lines: [], usesFreeSlot: true, month: shanghaiMonth(now()), status: "PAID", createdAt: now(), expiresAt: now() } });
    }
    const [a, b] = [await draftTemplate(u), await draftTemplate(u)];
    const results = await Promise.all([a, b].map((c) => db().$transaction((tx) => feeAtInitiation(tx, u.id, c))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r === "请先支付合同费用")).toHaveLength(1);
    expect(await db().order.count({ where: { userId: u.id, usesFreeSlot: true, status: "PAID" } })).toBe(3);
  });

  it("one coupon offered to two orders at once is taken by one of them", async () => {
    const u = await person("券丁");
    const coupon = await couponFor(u);
    const drafts = [await draftIou(u), await draftIou(u)];
    const results = await Promise.all(drafts.map((contractId) => orderCreate(u, { purpose: "CONTRACT", contractId, couponId: coupon.id, expectedTotalFen: 490 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/优惠券已(被)?使用/) });
    expect(await db().order.count({ where: { couponId: coupon.id } })).toBe(1);
  });

  it("a price that changed after it was shown is refused with the new price", async () => {
    const u = await person("价戊");
    const contractId = await draftIou(u);
    expect(await orderCreate(u, { purpose: "CONTRACT", contractId, couponId: null, expectedTotalFen: 100 })).toMatchObject({ ok: false, error: "价格已变化，当前应付¥6.90，请确认后重新支付" });
    expect(await db().order.count({ where: { contractId } })).toBe(0);
  });
});

describe("order life", () => {
  it("an unpaid order expires after 30 minutes and gives its coupon back", async () => {
    const u = await person("期己");
    const coupon = await couponFor(u);
    const contractId = await draftIou(u);
    const res = await orderCreate(u, { purpose: "CONTRACT", contractId, couponId: coupon.id, expectedTotalFen: 490 });
    expect(res.ok).toBe(true);
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("LOCKED");
    setClockOffset(31 * 60_000);
    try {
      while ((await runDueJobs()) > 0);
    } finally {
      setClockOffset(0);
    }
    expect((await db().order.findFirstOrThrow({ where: { contractId } })).status).toBe("EXPIRED");
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("AVAILABLE");
  });

  it("signing is refused until the fee is paid; a paid contract revoked before the other side acts is refunded with its coupon", async () => {
    const u = await person("退庚");
    const other = await person("退辛");
    const coupon = await couponFor(u);
    const d = await iouDraftSave(u, { form: iouForm({ counterpartyPhone: other.phone }), complete: true });
    if (!d.ok) throw new Error("draft");
    const contractId = d.data.contractId;
    expect(await sign(u, contractId)).toMatchObject({ ok: false, error: "请先支付合同费用" });
    const order = await payContract(u, contractId, coupon.id);
    expect(order).toMatchObject({ status: "PAID", amountFen: 490, couponId: coupon.id });
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("USED");
    expect(await sign(u, contractId)).toMatchObject({ ok: true });

    expect(await initiatorAction(u, "revoke", { contractId, version: await versionOf(contractId) }, meta)).toMatchObject({ ok: true });
    while ((await runDueJobs()) > 0);
    const refunded = await db().order.findUniqueOrThrow({ where: { id: order!.id } });
    expect(refunded.status).toBe("REFUNDED");
    expect((await db().sandboxPayment.findUniqueOrThrow({ where: { id: refunded.gatewayTxn! } })).status).toBe("REFUNDED");
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("AVAILABLE");
    expect(await db().outboxMessage.count({ where: { to: u.phone, kind: "order.refunded" } })).toBe(1);
  });

  it("a coupon covering the whole fee makes a ¥0 order at once, spent once; revoked, the coupon comes back", async () => {
    const u = await person("全免壬");
    const other = await person("全免癸");
    const coupon = await couponFor(u, { amountFen: 1000 });
    const d = await iouDraftSave(u, { form: iouForm({ counterpartyPhone: other.phone }), complete: true });
    if (!d.ok) throw new Error("draft");
    const contractId = d.data.contractId;
    const quoted = await contractFee(u.id, { id: contractId, kind: "iou" }, coupon.id);
    expect(quoted.quote.totalFen).toBe(0);
    const res = await orderCreate(u, { purpose: "CONTRACT", contractId, couponId: coupon.id, expectedTotalFen: 0 });
    expect(res).toMatchObject({ ok: true, data: { payUrl: null } });
    expect(await orderCreate(u, { purpose: "CONTRACT", contractId, couponId: coupon.id, expectedTotalFen: 0 })).toMatchObject({ ok: false, error: "本合同已支付" });
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("USED");
    expect(await sign(u, contractId)).toMatchObject({ ok: true });
    expect(await initiatorAction(u, "revoke", { contractId, version: await versionOf(contractId) }, meta)).toMatchObject({ ok: true });
    expect((await db().order.findFirstOrThrow({ where: { contractId } })).status).toBe("REFUNDED");
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).status).toBe("AVAILABLE");
    expect(await db().outboxMessage.count({ where: { to: u.phone, kind: "order.refunded" } })).toBe(0); // nothing was charged
  });

  it("撤销 of a contract that took the month's free slot gives the slot back", async () => {
    const u = await person("额度子");
    const c = await draftTemplate(u);
    const slots = async () => (await contractFee(u.id, { id: "none", kind: "rental" })).quote.lines.map((l) => l.label).join(" ");
    expect(await slots()).toContain("本月剩余3次");
    await db().$transaction((tx) => feeAtInitiation(tx, u.id, c));
    expect(await slots()).toContain("本月剩余2次");
    await db().$transaction((tx) => refundContractFee(tx, c.id));
    expect(await slots()).toContain("本月剩余3次");
  });

  it("the saver card halves the 借条 fee once bought", async () => {
    const u = await person("卡壬");
    const res = await orderCreate(u, { purpose: "SAVER_CARD", expectedTotalFen: 1990 });
    if (!res.ok || !res.data.payUrl) throw new Error(JSON.stringify(res));
    await approveInSandbox(res.data.payUrl);
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(1);
    const contractId = await draftIou(u);
    expect((await contractFee(u.id, { id: contractId, kind: "iou" })).quote.totalFen).toBe(345);
  });

  it("a stranger cannot pay for someone else's draft", async () => {
    const owner = await person("主癸");
    const stranger = await person("客子");
    const contractId = await draftIou(owner);
    expect(await orderCreate(stranger, { purpose: "CONTRACT", contractId, couponId: null, expectedTotalFen: 690 })).toMatchObject({ ok: false, error: "合同不存在" });
  });
});

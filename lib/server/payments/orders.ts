import "server-only";
import { Prisma, type Order, type OrderPurpose, type User } from "@prisma/client";
import { advisoryLock, db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { queueSms } from "@/lib/server/notify";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { dailyNumber } from "@/lib/server/numbers";
import { formatFen, quote, shanghaiMonth, type CouponRule, type FeeItem, type Quote } from "@/lib/domain/fees";
import { orderCreateSchema } from "@/lib/validation/fees";
import type { OrderSubject } from "@/lib/domain/order-labels";
import { payChannelFor, isPayerIp, type PayChannel } from "@/lib/domain/pay-channel";
import { log } from "@/lib/server/log";
import { GatewayError, paymentGateway, type PayStep } from "./gateway";
import { feeRules } from "./rules";
import { parseInput } from "@/lib/validation/input";

// 订单: a quote becomes an order; the gateway's notification pays it; paying runs what the order
// was for; unpaid orders expire after 30 minutes and release their coupon; refunds go back
// through the gateway. Every change of an order is a conditional update on its status, so a
// replayed notification or a race between paying and expiring changes it once.

export const ORDER_TTL_MS = 30 * 60_000;
const EXPIRE_JOB = "order.expire";
const REFUND_JOB = "order.refund";
/** Asks the gateway about a pending order (query.ts): a paid order whose notification was lost is settled by it. */
export const ORDER_QUERY_JOB = "order.query";
/** The first query: a notification normally arrives within seconds of paying. */
export const QUERY_FIRST_AFTER_MS = 3 * 60_000;

/** What paying an order of this purpose does, registered by the capability that owns it. */
type PaidHandler = (tx: Tx, order: Order) => Promise<void>;
const onPaid = new Map<OrderPurpose, PaidHandler>();
export function registerOrderPaid(purpose: OrderPurpose, handler: PaidHandler): void {
  onPaid.set(purpose, handler);
}

/** Serialises one user's fee decisions (the last free slot, a coupon) across requests and processes. */
export async function lockFees(tx: Tx, userId: string): Promise<void> {
  await advisoryLock(tx, `fees:${userId}`);
}

async function couponRule(tx: Tx, couponId: string | null): Promise<CouponRule | null> {
  if (!couponId) return null;
  const c = await tx.coupon.findUnique({ where: { id: couponId }, include: { batch: true } });
  if (!c) return null;
  const b = c.batch;
  return {
    id: c.id,
    ownerId: c.userId,
    name: b.name,
    kind: b.kind === "PERCENT" ? "PERCENT" : "FIXED",
    amountFen: b.amountFen,
    percentOff: b.percentOff,
    minSpendFen: b.minSpendFen,
    kinds: Array.isArray(b.kinds) ? (b.kinds as string[]) : null,
    validFrom: b.validFrom,
    validTo: b.validTo,
    status: c.status,
  };
}

export async function activeCard(tx: Tx, userId: string, at = now()) {
  return tx.saverCard.findFirst({ where: { userId, validFrom: { lte: at }, validTo: { gt: at } }, orderBy: { validTo: "desc" } });
}

/** The price of `item` for this user now, with the coupon if it applies. */
export async function quoteFor(tx: Tx, userId: string, item: FeeItem, couponId: string | null): Promise<Quote> {
  const at = now();
  const freeUsedThisMonth = await tx.order.count({ where: { userId, month: shanghaiMonth(at), usesFreeSlot: true, status: "PAID" } });
  const card = await activeCard(tx, userId, at);
  return quote({ item, rules: await feeRules(tx), userId, now: at, freeUsedThisMonth, cardValidTo: card?.validTo ?? null, coupon: await couponRule(tx, couponId) });
}


type NewOrder = { userId: string; purpose: OrderPurpose; kind?: string; contractId?: string; reportId?: string; quote: Quote };

/**
 * Creates the order; a coupon is locked to it (or the creation fails). A 0-fen order (a fee covered
 * in full by the free slot, the saver card or a coupon) is closed at once: it is the ledger entry
 * that holds the slot / coupon, so the fee is not taken twice and 撤销 gives them back, but it is
 * not a payment (not in 我的订单, not revenue, never shown as 已支付 ¥0.00).
 */
export async function orderInsert(tx: Tx, o: NewOrder): Promise<Order> {
  const at = now();
  const order = await tx.order.create({
    data: {
      number: dailyNumber("DD", 10),
      userId: o.userId,
      purpose: o.purpose,
      kind: o.kind,
      contractId: o.contractId,
      reportId: o.reportId,
      amountFen: o.quote.totalFen,
      lines: o.quote.lines,
      couponId: o.quote.couponId,
      usesFreeSlot: o.quote.usesFreeSlot,
      month: shanghaiMonth(at),
      createdAt: at,
      expiresAt: new Date(at.getTime() + ORDER_TTL_MS),
    },
  });
  if (o.quote.couponId) {
    const locked = await tx.coupon.updateMany({ where: { id: o.quote.couponId, userId: o.userId, status: "AVAILABLE" }, data: { status: "LOCKED", orderId: order.id } });
    if (locked.count !== 1) throw new FeeError("优惠券已被使用，请重新选择");
  }
  if (order.amountFen === 0) {
    await orderMarkPaid(tx, order.id, null);
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  }
  await enqueue(tx, EXPIRE_JOB, { orderId: order.id }, { runAt: order.expiresAt, uniqueKey: `order-expire:${order.id}` });
  await enqueue(tx, ORDER_QUERY_JOB, { orderId: order.id }, { runAt: new Date(at.getTime() + QUERY_FIRST_AFTER_MS), uniqueKey: `order-query:${order.id}:first`, maxAttempts: 8 });
  return order;
}

/** A refusal inside an order transaction: rolls it back, shown to the user as is. */
export class FeeError extends Error {}

const RETURN_PATH = (o: Order) => `/orders/${o.id}`;
const DESCRIPTION: Record<OrderPurpose, string> = { CONTRACT: "合同费用", REPORT: "签署报告费用", SAVER_CARD: "省钱月卡" };

/** Who is paying, from the request: the channel is decided here from the User-Agent, never chosen by the client. */
export type PayClient = { userAgent?: string | null; ip?: string | null; payerOpenId?: string };

/** What an order handed to a gateway whose payer acts on our pay page holds (Order.payStep). */
export type StoredPayStep = { channel: PayChannel; payerIp: string | null; step: PayStep };
export const payPagePath = (orderId: string) => `/orders/${orderId}/pay`;
export const JSAPI_OAUTH_PATH = "/api/payments/wechat/oauth";

export function storedPayStep(order: Pick<Order, "payStep">): StoredPayStep | null {
  const v = order.payStep as StoredPayStep | null;
  return v && typeof v === "object" && typeof v.channel === "string" && v.step && typeof v.step.kind === "string" ? v : null;
}

/**
 * Hands a pending order to the gateway; returns where the payer goes next: the sandbox's page, or
 * our pay page (/orders/…/pay: the QR code, WeChat's H5 cashier, the JSAPI call), or — inside
 * WeChat, before its openid is known — the 网页授权 round trip that learns it. An order once handed
 * to WeChat keeps its channel (WeChat binds out_trade_no to it): 重新支付 shows the same QR / JSAPI
 * request again, and asks H5 again with the same parameters for a fresh cashier URL.
 */
export async function orderCheckout(order: Order, client: PayClient = {}): Promise<string> {
  const gateway = paymentGateway();
  const prev = storedPayStep(order);
  let channel: PayChannel = prev?.channel ?? payChannelFor(client.userAgent);
  let payerIp = prev?.payerIp ?? (client.ip && isPayerIp(client.ip) ? client.ip : null);
  if (prev && prev.step.kind !== "h5") return payPagePath(order.id);
  if (channel === "jsapi" && !client.payerOpenId) {
    if (gateway.jsapiPayer) return `${JSAPI_OAUTH_PATH}?order=${encodeURIComponent(order.id)}`;
    channel = "native"; // no 网页授权 configured: a QR code, which WeChat's browser reads with a long press
  }
  if (channel === "h5" && !payerIp) channel = "native"; // H5 needs the payer's address; without it, the QR code
  if (channel !== "h5") payerIp = null;
  const created = await gateway.createPayment({
    orderNumber: order.number,
    amountFen: order.amountFen,
    description: DESCRIPTION[order.purpose],
    returnPath: RETURN_PATH(order),
    expiresAt: order.expiresAt,
    channel,
    payerIp: payerIp ?? undefined,
    payerOpenId: client.payerOpenId,
  });
  const stored: StoredPayStep | null = created.step.kind === "redirect" ? null : { channel, payerIp, step: created.step };
  await db().order.update({
    where: { id: order.id },
    data: { ...(created.gatewayTxn ? { gatewayTxn: created.gatewayTxn } : {}), payStep: stored ? (stored as unknown as Prisma.InputJsonValue) : Prisma.DbNull },
  });
  return created.step.kind === "redirect" ? created.step.url : payPagePath(order.id);
}

/** Our pay page's view of one of the user's orders: the order and what its payer does there. */
export async function orderPayStep(userId: string, id: string): Promise<{ order: Order; pay: StoredPayStep | null } | null> {
  if (id.length > 40) return null;
  const order = await db().order.findUnique({ where: { id } });
  if (!order || order.userId !== userId) return null;
  return { order, pay: storedPayStep(order) };
}

/** 去支付 for a contract (its initiator, while it is a draft) or for the saver card. */
export async function orderCreate(user: User, input: unknown, client: PayClient = {}): Promise<ActionResult<{ payUrl: string | null; orderId: string }>> {
  const parsed = parseInput(orderCreateSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const req = parsed.data;
  let order: Order;
  try {
    order = await db().$transaction(async (tx) => {
      await lockFees(tx, user.id);
      let item: FeeItem = { type: "saverCard" };
      let contractId: string | undefined;
      if (req.purpose === "CONTRACT") {
        const c = await tx.contract.findUnique({ where: { id: req.contractId } });
        if (!c || c.initiatorId !== user.id) throw new FeeError("合同不存在");
        if (c.status !== "DRAFT") throw new FeeError("合同已发起，无需支付");
        if (await tx.order.count({ where: { contractId: c.id, status: "PAID" } })) throw new FeeError("本合同已支付");
        await orderExpirePending(tx, { contractId: c.id });
        item = { type: "contract", kind: c.kind };
        contractId = c.id;
      }
      const q = await quoteFor(tx, user.id, item, req.couponId ?? null);
      if (q.couponError && req.couponId) throw new FeeError(q.couponError);
      if (q.usesFreeSlot) throw new FeeError("本次免费，无需支付");
      if (q.totalFen !== req.expectedTotalFen) throw new FeeError(`价格已变化，当前应付${formatFen(q.totalFen)}，请确认后重新支付`);
      return orderInsert(tx, { userId: user.id, purpose: req.purpose, kind: item.type === "contract" ? item.kind : undefined, contractId, quote: q });
    });
  } catch (e) {
    if (e instanceof FeeError) return fail(e.message);
    throw e;
  }
  if (order.status === "PAID") return ok({ payUrl: null, orderId: order.id });
  const checkout = await orderCheckoutResult(order, client);
  return checkout.ok ? ok({ payUrl: checkout.data.payUrl, orderId: order.id }) : checkout;
}

/** orderCheckout for an action: a gateway that refuses or does not answer is a message, not a crash (the order stays, 重新支付 tries again). */
export async function orderCheckoutResult(order: Order, client: PayClient = {}): Promise<ActionResult<{ payUrl: string }>> {
  try {
    return ok({ payUrl: await orderCheckout(order, client) });
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    log().warn({ err: e, gatewayCode: e.code, order: order.number }, "payment gateway failed at checkout");
    return fail("支付服务暂时不可用，请稍后在订单中重新支付");
  }
}

/** PENDING (or EXPIRED, if the payer paid late) → PAID, once; the coupon is spent and the purpose runs. */
export async function orderMarkPaid(tx: Tx, orderId: string, gatewayTxn: string | null, paidAt: Date = now()): Promise<boolean> {
  const moved = await tx.order.updateMany({ where: { id: orderId, status: { in: ["PENDING", "EXPIRED"] } }, data: { status: "PAID", paidAt, ...(gatewayTxn ? { gatewayTxn } : {}) } });
  if (moved.count !== 1) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.couponId) await tx.coupon.updateMany({ where: { id: order.couponId, status: { in: ["LOCKED", "AVAILABLE"] } }, data: { status: "USED", orderId: order.id, usedAt: now() } });
  await onPaid.get(order.purpose)?.(tx, order);
  return true;
}

/** Unpaid orders (all of a contract's, or one) become EXPIRED and give their coupon back. */
export async function orderExpirePending(tx: Tx, where: { contractId: string } | { id: string }): Promise<void> {
  const pending = await tx.order.findMany({ where: { ...where, status: "PENDING" } });
  for (const o of pending) {
    const moved = await tx.order.updateMany({ where: { id: o.id, status: "PENDING" }, data: { status: "EXPIRED" } });
    if (moved.count !== 1) continue;
    if (o.couponId) await tx.coupon.updateMany({ where: { id: o.couponId, orderId: o.id, status: "LOCKED" }, data: { status: "AVAILABLE", orderId: null } });
    // the gateway is told at once, so the payer can no longer pay an order we gave up (a late payment is still settled)
    await enqueue(tx, ORDER_QUERY_JOB, { orderId: o.id }, { uniqueKey: `order-query:${o.id}:closed`, maxAttempts: 8 });
  }
}

registerJob(EXPIRE_JOB, async (payload) => {
  const { orderId } = payload as { orderId: string };
  await db().$transaction((tx) => orderExpirePending(tx, { id: orderId }));
});

/** A contract that ends before taking effect (revoked, rejected, expired, discarded) refunds its paid fee. */
export async function refundContractFee(tx: Tx, contractId: string): Promise<void> {
  const paid = await tx.order.findMany({ where: { contractId, status: "PAID", amountFen: { gt: 0 } } });
  for (const o of paid) await orderRefundStart(tx, o.id);
  // nothing to send back for a ¥0 order, but what it took comes back: the month's free slot
  // (counted over PAID orders) and a coupon that covered the whole fee
  const free = await tx.order.findMany({ where: { contractId, status: "PAID", amountFen: 0 } });
  for (const o of free) {
    const moved = await tx.order.updateMany({ where: { id: o.id, status: "PAID" }, data: { status: "REFUNDED", refundedAt: now() } });
    if (moved.count === 1) await couponReturn(tx, o);
  }
  await orderExpirePending(tx, { contractId });
}

/** A refunded order's coupon is usable again while its batch is still valid. */
async function couponReturn(tx: Tx, o: Order): Promise<void> {
  if (!o.couponId) return;
  const c = await tx.coupon.findUnique({ where: { id: o.couponId }, include: { batch: true } });
  if (c && c.orderId === o.id && c.batch.validTo > now()) await tx.coupon.update({ where: { id: c.id }, data: { status: "AVAILABLE", orderId: null, usedAt: null } });
}

/** A paid order goes to REFUNDING once (also an admin's 退款); the job asks the gateway. */
export async function orderRefundStart(tx: Tx, orderId: string): Promise<boolean> {
  const moved = await tx.order.updateMany({ where: { id: orderId, status: "PAID", amountFen: { gt: 0 } }, data: { status: "REFUNDING" } });
  // 20 attempts with the runner's back-off (capped at 30 min) keep asking a PROCESSING refund for about five hours
  if (moved.count === 1) await enqueue(tx, REFUND_JOB, { orderId }, { uniqueKey: `order-refund:${orderId}`, maxAttempts: 20 });
  return moved.count === 1;
}

registerJob(REFUND_JOB, async (payload) => {
  const { orderId } = payload as { orderId: string };
  const o = await db().order.findUnique({ where: { id: orderId } });
  if (!o || o.status !== "REFUNDING") return;
  if (!o.gatewayTxn) throw new Error(`order ${o.number} has no gateway transaction to refund`);
  const result = await paymentGateway().refund({ orderNumber: o.number, gatewayTxn: o.gatewayTxn, amountFen: o.amountFen, reason: `${DESCRIPTION[o.purpose]}退款` });
  // accepted, not yet back on the payer's account: asked again (the same refund) with the job's back-off
  if (result === "PROCESSING") throw new Error(`refund of ${o.number} is processing at the gateway`);
  await db().$transaction(async (tx) => {
    const moved = await tx.order.updateMany({ where: { id: o.id, status: "REFUNDING" }, data: { status: "REFUNDED", refundedAt: now() } });
    if (moved.count !== 1) return;
    await couponReturn(tx, o);
    const user = await tx.user.findUniqueOrThrow({ where: { id: o.userId } });
    await queueSms(tx, { to: user.phone, template: "order.refunded", params: { number: o.number, item: DESCRIPTION[o.purpose], amount: formatFen(o.amountFen) } });
  });
});

/**
 * At initiation, inside the initiate transaction: a paid order, or a free slot taken now (the
 * advisory lock makes two drafts started at once unable to both take the last one), or a 0-fen
 * price (saver card); otherwise the fee must be paid first.
 */
export async function feeAtInitiation(tx: Tx, userId: string, contract: { id: string; kind: string }): Promise<string | null> {
  if (await tx.order.count({ where: { contractId: contract.id, status: "PAID" } })) return null;
  await lockFees(tx, userId);
  const q = await quoteFor(tx, userId, { type: "contract", kind: contract.kind }, null);
  if (q.totalFen > 0) return "请先支付合同费用";
  await orderInsert(tx, { userId, purpose: "CONTRACT", kind: contract.kind, contractId: contract.id, quote: q });
  return null;
}

/** The sign page's fee panel: a paid order, or what it would cost now; `due` while it must be paid before initiating. */
export async function contractFee(userId: string, contract: { id: string; kind: string }, couponId: string | null = null): Promise<{ paid: Order | null; quote: Quote; due: boolean }> {
  const paid = await db().order.findFirst({ where: { contractId: contract.id, status: "PAID" } });
  const quote = await quoteFor(db(), userId, { type: "contract", kind: contract.kind }, couponId);
  return { paid, quote, due: !paid && quote.totalFen > 0 };
}

/**
 * What each order was for, for its list row: the contract (title, number, and whether `viewerId`
 * may open it: its initiator, or a party once it is initiated, never a discarded draft; null =
 * an admin, who opens it under /admin) or the saver card it bought.
 */
export async function orderSubjects(orders: Order[], viewerId: string | null): Promise<Map<string, OrderSubject>> {
  const contractIds = [...new Set(orders.map((o) => o.contractId).filter((id): id is string => !!id))];
  const cardOrders = orders.filter((o) => o.purpose === "SAVER_CARD").map((o) => o.id);
  const [contracts, cards] = await Promise.all([
    contractIds.length ? db().contract.findMany({ where: { id: { in: contractIds } }, select: { id: true, title: true, number: true, status: true, initiatorId: true, parties: { select: { userId: true } } } }) : [],
    cardOrders.length ? db().saverCard.findMany({ where: { orderId: { in: cardOrders } }, select: { orderId: true, validTo: true } }) : [],
  ]);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const cardOf = new Map(cards.map((c) => [c.orderId, c.validTo]));
  const visible = (c: (typeof contracts)[number]) =>
    viewerId === null || (c.status !== "DISCARDED" && (c.initiatorId === viewerId || (c.status !== "DRAFT" && c.parties.some((p) => p.userId === viewerId))));
  return new Map(
    orders.map((o) => {
      const c = o.contractId ? byId.get(o.contractId) : undefined;
      return [o.id, { contract: c ? { id: c.id, title: c.title, number: c.number, visible: visible(c) } : null, cardValidTo: cardOf.get(o.id) ?? null }];
    }),
  );
}

export type OrderRow = Order & { subject: OrderSubject };

/**
 * 我的订单: what the user paid or is asked to pay, each naming what it was for. A fee covered in
 * full (free slot, saver card, coupon) is a ¥0 ledger entry, not a payment: it is not listed.
 */
export async function ordersFor(userId: string): Promise<OrderRow[]> {
  const orders = await db().order.findMany({ where: { userId, amountFen: { gt: 0 } }, orderBy: { createdAt: "desc" }, take: 100 });
  const subjects = await orderSubjects(orders, userId);
  return orders.map((o) => ({ ...o, subject: subjects.get(o.id)! }));
}

export async function orderFor(userId: string, id: string): Promise<OrderRow | null> {
  if (id.length > 40) return null;
  const o = await db().order.findUnique({ where: { id } });
  if (!o || o.userId !== userId) return null;
  return { ...o, subject: (await orderSubjects([o], userId)).get(o.id)! };
}

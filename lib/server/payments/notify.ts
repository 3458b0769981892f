import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { paymentGateway, type VerifiedPayment } from "./gateway";
import { orderMarkPaid } from "./orders";

// The gateway's asynchronous notification (支付结果通知) and the query job settle an order through
// one path, settlePayment: the payment the gateway vouches for must name an order of ours, for its
// amount in CNY; the order then moves PENDING (or EXPIRED) → PAID once — a replayed notice, or a
// notice after the query already settled it, is acknowledged without paying twice. A notice is
// verified by the gateway object (signature, freshness, decryption, merchant) before anything here
// believes it; every delivery is logged in PaymentNotice.

export type NoticeReply = { status: number; body: { code: "SUCCESS" | "FAIL"; message: string } };
const reply = (status: number, code: "SUCCESS" | "FAIL", message: string): NoticeReply => ({ status, body: { code, message } });

export type SettleOutcome = "PAID" | "DUPLICATE" | "UNKNOWN_ORDER" | "AMOUNT_MISMATCH";

/** Pays our order from a verified payment; logs the outcome (QUERY_… when the query job found it). */
export async function settlePayment(p: VerifiedPayment, via: "notice" | "query"): Promise<SettleOutcome> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { number: p.orderNumber } });
    let outcome: SettleOutcome;
    if (!order) outcome = "UNKNOWN_ORDER";
    else if (order.amountFen !== p.amountFen || p.currency !== "CNY") outcome = "AMOUNT_MISMATCH";
    else outcome = (await orderMarkPaid(tx, order.id, p.gatewayTxn, p.paidAt)) ? "PAID" : "DUPLICATE";
    if (via === "notice" || outcome !== "DUPLICATE") {
      await tx.paymentNotice.create({ data: { outcome: via === "query" ? `QUERY_${outcome}` : outcome, notifyId: p.notifyId, orderNumber: p.orderNumber, receivedAt: now() } });
    }
    return outcome;
  });
}

const REFUSED: Record<string, string> = {
  BAD_SIGNATURE: "签名错误",
  STALE: "通知已过期",
  MALFORMED: "通知格式错误",
  WRONG_MERCHANT: "商户号或AppID不符",
  UNDECRYPTABLE: "通知无法解密",
};

export async function paymentNoticeHandle(headers: Headers, body: string): Promise<NoticeReply> {
  const parsed = await paymentGateway().parseNotification(headers, body);
  const log = (outcome: string, notifyId: string | null, orderNumber: string | null) => db().paymentNotice.create({ data: { outcome, notifyId, orderNumber, receivedAt: now() } });
  if (!parsed.ok) {
    await log(parsed.outcome, null, null);
    return reply(parsed.outcome === "WRONG_MERCHANT" ? 400 : 401, "FAIL", REFUSED[parsed.outcome] ?? "通知无效");
  }
  if ("ignored" in parsed) {
    // genuine, but not a payment (another event type): acknowledged so the gateway stops re-sending it
    await log(`IGNORED_${parsed.ignored}`.slice(0, 60), parsed.notifyId, null);
    return reply(200, "SUCCESS", "成功");
  }
  const outcome = await settlePayment(parsed.payment, "notice");
  if (outcome === "UNKNOWN_ORDER") return reply(404, "FAIL", "订单不存在");
  if (outcome === "AMOUNT_MISMATCH") return reply(400, "FAIL", "金额不一致");
  return reply(200, "SUCCESS", "成功");
}

import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { config, secrets } from "@/lib/server/config";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import type { CreatePayment, CreatedPayment, GatewayView, ParsedNotice, PaymentGateway, RefundRequest, RefundResult, VerifiedPayment } from "./gateway-types";

// 模拟支付: the local development gateway. It behaves as the real one does and implements the same
// PaymentGateway: a payment is approved or declined by the payer on its own page (/pay/sandbox/…,
// labelled 模拟), an approved one is notified to the merchant, signed (HMAC-SHA256 with its own key
// over timestamp, nonce and body, WeChat Pay v3's layout), again and again with back-off until the
// merchant acknowledges it; the merchant can query, close and refund. The channel is ignored: the
// sandbox has one page for every device. Its book lives in our database only because it runs here.

export const SANDBOX_NOTIFY_JOB = "sandbox.notify";
export const NOTICE_MAX_AGE_MS = 5 * 60_000;
export const NOTIFY_PATH = "/api/payments/notify";

export type SignedNotice = { headers: Record<string, string>; body: string };
export type NoticeBody = { id: string; out_trade_no: string; transaction_id: string; trade_state: "SUCCESS"; amount: { total: number; currency: "CNY" }; success_time: string };

const HEADER = { timestamp: "wechatpay-timestamp", nonce: "wechatpay-nonce", signature: "wechatpay-signature", serial: "wechatpay-serial" } as const;

const mac = (ts: string, nonce: string, body: string) => crypto.createHmac("sha256", secrets().paySandboxKey).update(`${ts}\n${nonce}\n${body}\n`).digest("base64");

/** The sandbox's signature on a notification (its pay page's sender and the tests use it). */
export function signNotice(body: NoticeBody, at = now()): SignedNotice {
  const text = JSON.stringify(body);
  const ts = String(Math.floor(at.getTime() / 1000));
  const nonce = crypto.randomBytes(16).toString("hex");
  return { body: text, headers: { "content-type": "application/json", [HEADER.timestamp]: ts, [HEADER.nonce]: nonce, [HEADER.signature]: mac(ts, nonce, text), [HEADER.serial]: "sandbox" } };
}

/** Checks the sandbox's signature and freshness; returns the parsed body or why it was refused. */
export function verifyNotice(headers: Headers, body: string): { ok: true; notice: NoticeBody } | { ok: false; outcome: "BAD_SIGNATURE" | "STALE" | "MALFORMED" } {
  const ts = headers.get(HEADER.timestamp) ?? "";
  const nonce = headers.get(HEADER.nonce) ?? "";
  const sig = Buffer.from(headers.get(HEADER.signature) ?? "", "base64");
  const expected = Buffer.from(mac(ts, nonce, body), "base64");
  if (!ts || !nonce || sig.length !== expected.length || !crypto.timingSafeEqual(sig, expected)) return { ok: false, outcome: "BAD_SIGNATURE" };
  if (Math.abs(now().getTime() - Number(ts) * 1000) > NOTICE_MAX_AGE_MS) return { ok: false, outcome: "STALE" };
  try {
    const n = JSON.parse(body) as NoticeBody;
    if (typeof n.id !== "string" || typeof n.out_trade_no !== "string" || !Number.isInteger(n.amount?.total) || n.trade_state !== "SUCCESS") throw new Error("shape");
    return { ok: true, notice: n };
  } catch {
    return { ok: false, outcome: "MALFORMED" };
  }
}

const appUrl = () => config.appUrl.replace(/\/$/, "");

export function sandboxPayment(id: string) {
  return id.length > 40 ? Promise.resolve(null) : db().sandboxPayment.findUnique({ where: { id } });
}

export function sandboxNotice(p: { id: string; orderNumber: string; amountFen: number; notifyId: string | null }): NoticeBody {
  return { id: p.notifyId ?? p.id, out_trade_no: p.orderNumber, transaction_id: p.id, trade_state: "SUCCESS", amount: { total: p.amountFen, currency: "CNY" }, success_time: now().toISOString() };
}

export class SandboxGateway implements PaymentGateway {
  readonly name = "sandbox";
  readonly simulated = true;

  async createPayment(p: CreatePayment): Promise<CreatedPayment> {
    const row = await db().sandboxPayment.create({
      data: { orderNumber: p.orderNumber, amountFen: p.amountFen, description: p.description, notifyUrl: `${appUrl()}${NOTIFY_PATH}`, returnUrl: p.returnPath, createdAt: now() },
    });
    return { gatewayTxn: row.id, step: { kind: "redirect", url: `/pay/sandbox/${row.id}` } };
  }

  async parseNotification(headers: Headers, rawBody: string): Promise<ParsedNotice> {
    const checked = verifyNotice(headers, rawBody);
    if (!checked.ok) return checked;
    const n = checked.notice;
    const paidAt = new Date(n.success_time);
    return { ok: true, payment: { orderNumber: n.out_trade_no, gatewayTxn: n.transaction_id, amountFen: n.amount.total, currency: n.amount.currency, paidAt: Number.isNaN(paidAt.getTime()) ? now() : paidAt, notifyId: n.id } };
  }

  /** The order's sandbox payments (one per 去支付 / 重新支付): paid if one was approved. */
  async query(orderNumber: string): Promise<GatewayView> {
    const rows = await db().sandboxPayment.findMany({ where: { orderNumber }, orderBy: { createdAt: "desc" } });
    const paid = (p: (typeof rows)[number]): VerifiedPayment => ({ orderNumber, gatewayTxn: p.id, amountFen: p.amountFen, currency: "CNY", paidAt: now(), notifyId: null });
    const approved = rows.find((r) => r.status === "APPROVED");
    if (approved) return { state: "PAID", payment: paid(approved) };
    const refunded = rows.find((r) => r.status === "REFUNDED");
    if (refunded) return { state: "REFUND", payment: paid(refunded) };
    if (rows.length === 0) return { state: "NOT_FOUND" };
    // a declined payment can be tried again (重新支付 makes a new one), as WeChat's PAYERROR → new attempt
    return rows.some((r) => r.status === "PENDING" || r.status === "DECLINED") ? { state: "PENDING" } : { state: "CLOSED" };
  }

  async close(orderNumber: string): Promise<void> {
    await db().sandboxPayment.updateMany({ where: { orderNumber, status: "PENDING" }, data: { status: "CLOSED" } });
  }

  async refund(p: RefundRequest): Promise<RefundResult> {
    const moved = await db().sandboxPayment.updateMany({ where: { id: p.gatewayTxn, orderNumber: p.orderNumber, amountFen: p.amountFen, status: "APPROVED" }, data: { status: "REFUNDED" } });
    if (moved.count === 0) {
      const row = await db().sandboxPayment.findUnique({ where: { id: p.gatewayTxn } });
      if (row?.status !== "REFUNDED") throw new Error(`sandbox refund refused for ${p.orderNumber}`);
    }
    return "SUCCESS";
  }
}

/** The payer approves: the payment is taken and its notification sent (retried by a job until acknowledged). */
export async function sandboxApprove(id: string): Promise<string | null> {
  const moved = await db().sandboxPayment.updateMany({ where: { id, status: "PENDING" }, data: { status: "APPROVED", notifyId: `notify_${crypto.randomBytes(12).toString("hex")}` } });
  const p = await sandboxPayment(id);
  if (!p) return null;
  if (moved.count === 1 && !(await sandboxDeliver(id))) await db().$transaction((tx) => enqueue(tx, SANDBOX_NOTIFY_JOB, { paymentId: id }, { maxAttempts: 15 }));
  return p.returnUrl;
}

export async function sandboxDecline(id: string): Promise<string | null> {
  await db().sandboxPayment.updateMany({ where: { id, status: "PENDING" }, data: { status: "DECLINED" } });
  return (await sandboxPayment(id))?.returnUrl ?? null;
}

/** One delivery attempt; true once the merchant acknowledged. */
export async function sandboxDeliver(id: string): Promise<boolean> {
  const p = await sandboxPayment(id);
  if (!p || p.ackedAt) return true;
  if (p.status !== "APPROVED" && p.status !== "REFUNDED") return true;
  const { headers, body } = signNotice(sandboxNotice(p));
  try {
    const res = await fetch(p.notifyUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
    const ack = (await res.json().catch(() => null)) as { code?: string } | null;
    if (res.ok && ack?.code === "SUCCESS") {
      await db().sandboxPayment.update({ where: { id }, data: { ackedAt: now() } });
      return true;
    }
  } catch {
    /* the merchant is unreachable: retried */
  }
  return false;
}

registerJob(SANDBOX_NOTIFY_JOB, async (payload) => {
  const { paymentId } = payload as { paymentId: string };
  if (!(await sandboxDeliver(paymentId))) throw new Error(`notification for ${paymentId} not acknowledged`);
});

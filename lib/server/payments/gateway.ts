import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { config, secrets } from "@/lib/server/config";
import { now } from "@/lib/server/clock";

// The payment gateway, shaped like WeChat Pay: create a payment (→ a page/QR where the payer
// approves), the gateway later POSTs a signed asynchronous notification to our notify URL and
// re-sends it until acknowledged; refunds go back through it. The sandbox below is the local
// development gateway (模拟支付): its pay page approves or declines and it signs notifications
// with its own key (HMAC-SHA256 over timestamp, nonce and body, WeChat Pay v3's layout).

export type CreatedPayment = { payUrl: string; gatewayTxn: string };

export interface PaymentGateway {
  readonly name: string;
  readonly simulated: boolean;
  createPayment(p: { orderNumber: string; amountFen: number; description: string; returnPath: string }): Promise<CreatedPayment>;
  refund(p: { orderNumber: string; gatewayTxn: string; amountFen: number }): Promise<void>;
}

export type SignedNotice = { headers: Record<string, string>; body: string };
export type NoticeBody = { id: string; out_trade_no: string; transaction_id: string; trade_state: "SUCCESS"; amount: { total: number; currency: "CNY" }; success_time: string };

const HEADER = { timestamp: "wechatpay-timestamp", nonce: "wechatpay-nonce", signature: "wechatpay-signature", serial: "wechatpay-serial" } as const;
export const NOTICE_MAX_AGE_MS = 5 * 60_000;

const mac = (ts: string, nonce: string, body: string) => crypto.createHmac("sha256", secrets().paySandboxKey).update(`${ts}\n${nonce}\n${body}\n`).digest("base64");

export function signNotice(body: NoticeBody, at = now()): SignedNotice {
  const text = JSON.stringify(body);
  const ts = String(Math.floor(at.getTime() / 1000));
  const nonce = crypto.randomBytes(16).toString("hex");
  return { body: text, headers: { "content-type": "application/json", [HEADER.timestamp]: ts, [HEADER.nonce]: nonce, [HEADER.signature]: mac(ts, nonce, text), [HEADER.serial]: "sandbox" } };
}

/** Checks the gateway's signature and freshness; returns the parsed body or why it was refused. */
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
export const NOTIFY_PATH = "/api/payments/notify";

class SandboxGateway implements PaymentGateway {
  readonly name = "sandbox";
  readonly simulated = true;
  async createPayment(p: { orderNumber: string; amountFen: number; description: string; returnPath: string }): Promise<CreatedPayment> {
    const row = await db().sandboxPayment.create({
      data: { orderNumber: p.orderNumber, amountFen: p.amountFen, description: p.description, notifyUrl: `${appUrl()}${NOTIFY_PATH}`, returnUrl: p.returnPath, createdAt: now() },
    });
    return { payUrl: `/pay/sandbox/${row.id}`, gatewayTxn: row.id };
  }
  async refund(p: { orderNumber: string; gatewayTxn: string; amountFen: number }): Promise<void> {
    const moved = await db().sandboxPayment.updateMany({ where: { id: p.gatewayTxn, orderNumber: p.orderNumber, amountFen: p.amountFen, status: "APPROVED" }, data: { status: "REFUNDED" } });
    if (moved.count === 0) {
      const row = await db().sandboxPayment.findUnique({ where: { id: p.gatewayTxn } });
      if (row?.status !== "REFUNDED") throw new Error(`sandbox refund refused for ${p.orderNumber}`);
    }
  }
}

let current: PaymentGateway | null = null;
/** A real gateway (WeChat Pay) would be chosen here by configuration. */
export function paymentGateway(): PaymentGateway {
  return (current ??= new SandboxGateway());
}

import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { signNotice, type NoticeBody } from "./gateway";

// 模拟支付: the sandbox gateway's pay page actions and its notification sender. It behaves as the
// real one does: a payment is approved or declined by the payer, and an approved one is notified
// to the merchant, signed, again and again (with back-off) until the merchant acknowledges it.

export const SANDBOX_NOTIFY_JOB = "sandbox.notify";

export function sandboxPayment(id: string) {
  return id.length > 40 ? Promise.resolve(null) : db().sandboxPayment.findUnique({ where: { id } });
}

export function sandboxNotice(p: { id: string; orderNumber: string; amountFen: number; notifyId: string | null }): NoticeBody {
  return { id: p.notifyId ?? p.id, out_trade_no: p.orderNumber, transaction_id: p.id, trade_state: "SUCCESS", amount: { total: p.amountFen, currency: "CNY" }, success_time: now().toISOString() };
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

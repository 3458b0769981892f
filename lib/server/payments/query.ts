import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { log } from "@/lib/server/log";
import { paymentGateway } from "./gateway";
import { settlePayment } from "./notify";
import { ORDER_QUERY_JOB, orderExpirePending } from "./orders";

// 查单: a paid order whose notification never arrives (our server was down, the gateway's retries
// ran out, a proxy dropped it) is settled by asking the gateway. Each unpaid order carries one
// chain of jobs: the first a few minutes after it was made, then every few minutes until it
// expires; a payment found is settled through the notification's own path (settlePayment, so a
// notification arriving too changes nothing). Once the order has expired — or was given up, e.g.
// replaced by a new order — the gateway closes it, so it can no longer be paid, and the chain ends.

export const QUERY_EVERY_MS = 5 * 60_000;

export type QueryResult = "PAID" | "WAITING" | "CLOSED" | "DONE";

/** One look at the gateway for one order; schedules the next when it is still payable. */
export async function orderQueryOnce(orderId: string): Promise<QueryResult> {
  const o = await db().order.findUnique({ where: { id: orderId } });
  if (!o || o.amountFen === 0 || (o.status !== "PENDING" && o.status !== "EXPIRED")) return "DONE";
  const gateway = paymentGateway();
  const view = await gateway.query(o.number);
  if (view.state === "PAID" || view.state === "REFUND") {
    const outcome = await settlePayment(view.payment, "query");
    if (outcome === "PAID") log().warn({ order: o.number }, "payment settled by query: its notification never arrived");
    return "PAID";
  }
  const at = now();
  if (o.status === "PENDING" && at < o.expiresAt) {
    const runAt = new Date(Math.min(at.getTime() + QUERY_EVERY_MS, o.expiresAt.getTime()));
    await db().$transaction((tx) => enqueue(tx, ORDER_QUERY_JOB, { orderId }, { runAt, uniqueKey: `order-query:${orderId}:${runAt.getTime()}`, maxAttempts: 8 }));
    return "WAITING";
  }
  // expired (or given up): closed at the gateway; a payment that got in before the close is still ours
  if (view.state === "PENDING") {
    try {
      await gateway.close(o.number);
    } catch (e) {
      const again = await gateway.query(o.number);
      if (again.state === "PAID" || again.state === "REFUND") {
        await settlePayment(again.payment, "query");
        return "PAID";
      }
      throw e;
    }
  }
  await db().$transaction((tx) => orderExpirePending(tx, { id: o.id }));
  return "CLOSED";
}

registerJob(ORDER_QUERY_JOB, async (payload) => {
  const { orderId } = payload as { orderId: string };
  await orderQueryOnce(orderId);
});

import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { verifyNotice } from "./gateway";
import { orderMarkPaid } from "./orders";

// The gateway's asynchronous notification (支付结果通知). Refused when the signature is wrong or
// old, the order unknown or the amount different; every delivery is logged; the same notice
// delivered again is acknowledged without paying twice (the order moves PENDING → PAID once).

export type NoticeReply = { status: number; body: { code: "SUCCESS" | "FAIL"; message: string } };
const reply = (status: number, code: "SUCCESS" | "FAIL", message: string): NoticeReply => ({ status, body: { code, message } });

export async function paymentNoticeHandle(headers: Headers, body: string): Promise<NoticeReply> {
  const checked = verifyNotice(headers, body);
  const log = (outcome: string, notifyId: string | null, orderNumber: string | null) => db().paymentNotice.create({ data: { outcome, notifyId, orderNumber, receivedAt: now() } });
  if (!checked.ok) {
    await log(checked.outcome, null, null);
    return reply(401, "FAIL", checked.outcome === "STALE" ? "通知已过期" : checked.outcome === "MALFORMED" ? "通知格式错误" : "签名错误");
  }
  const n = checked.notice;
  return db().$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { number: n.out_trade_no } });
    const record = (outcome: string) => tx.paymentNotice.create({ data: { outcome, notifyId: n.id, orderNumber: n.out_trade_no, receivedAt: now() } });
    if (!order) {
      await record("UNKNOWN_ORDER");
      return reply(404, "FAIL", "订单不存在");
    }
    if (order.amountFen !== n.amount.total) {
      await record("AMOUNT_MISMATCH");
      return reply(400, "FAIL", "金额不一致");
    }
    const paid = await orderMarkPaid(tx, order.id, n.transaction_id);
    await record(paid ? "PAID" : "DUPLICATE");
    return reply(200, "SUCCESS", "成功");
  });
}

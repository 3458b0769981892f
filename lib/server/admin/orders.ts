import "server-only";
import type { OrderStatus, Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { orderRefundStart, orderSubjects } from "@/lib/server/payments";
import { orderRefundSchema } from "@/lib/validation/admin";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { parseInput } from "@/lib/validation/input";

// 订单与退款

export const orderSearchSchema = z.object({
  q: z.string().trim().max(40).optional().default(""),
  status: z.enum(["PENDING", "PAID", "EXPIRED", "REFUNDING", "REFUNDED"]).or(z.literal("")).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});
const PAGE = 30;

/** 订单号, the payer's phone, or the contract's number or title. */
export async function searchOrders(input: unknown) {
  const parsed = parseInput(orderSearchSchema, input);
  const f = parsed.success ? parsed.data : orderSearchSchema.parse({});
  const byQuery = async (q: string): Promise<Prisma.OrderWhereInput> => {
    const [users, contracts] = await Promise.all([
      db().user.findMany({ where: { phone: { contains: q } }, select: { id: true }, take: 50 }),
      db().contract.findMany({ where: { OR: [{ number: { contains: q.toUpperCase() } }, { title: { contains: q } }] }, select: { id: true }, take: 50 }),
    ]);
    return { OR: [{ number: { contains: q.toUpperCase() } }, { userId: { in: users.map((u) => u.id) } }, { contractId: { in: contracts.map((c) => c.id) } }] };
  };
  const where: Prisma.OrderWhereInput = {
    ...(f.q ? await byQuery(f.q) : {}),
    ...(f.status ? { status: f.status as OrderStatus } : {}),
  };
  const [total, rows] = await Promise.all([db().order.count({ where }), db().order.findMany({ where, orderBy: { createdAt: "desc" }, skip: (f.page - 1) * PAGE, take: PAGE })]);
  const [users, subjects] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, phone: true, realName: true } }),
    orderSubjects(rows, null),
  ]);
  const byUser = new Map(users.map((u) => [u.id, u]));
  return { filters: f, total, pages: Math.max(1, Math.ceil(total / PAGE)), rows: rows.map((o) => ({ ...o, user: byUser.get(o.userId) ?? null, subject: subjects.get(o.id)! })) };
}

/** 退款: a paid order back to the payer through the gateway (the refund job), once. */
export async function orderRefund({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(orderRefundSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const o = await tx.order.findUnique({ where: { id: parsed.data.orderId } });
    if (!o) return fail("订单不存在");
    if (!(await orderRefundStart(tx, o.id))) return fail("只有已支付且金额大于0的订单可以退款");
    await adminAudit(tx, admin, { action: "order.refund", targetType: "order", targetId: o.id, summary: `订单 ${o.number} 退款 ¥${(o.amountFen / 100).toFixed(2)}`, before: { status: o.status }, after: { status: "REFUNDING" }, ip });
    return ok(undefined);
  });
}

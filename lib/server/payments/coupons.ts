import "server-only";
import type { User } from "@prisma/client";
import { advisoryLock, db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { couponRedeemSchema } from "@/lib/validation/fees";
import { parseInput } from "@/lib/validation/input";

// 优惠券: the wallet (可使用 / 已使用 / 已过期) and redemption of a published code.

export type CouponView = { id: string; name: string; kind: string; amountFen: number; percentOff: number; minSpendFen: number; kinds: string[] | null; validFrom: Date; validTo: Date; state: "available" | "locked" | "used" | "expired" };

export async function couponWallet(userId: string): Promise<CouponView[]> {
  const at = now();
  const rows = await db().coupon.findMany({ where: { userId }, include: { batch: true }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map((c) => ({
    id: c.id,
    name: c.batch.name,
    kind: c.batch.kind,
    amountFen: c.batch.amountFen,
    percentOff: c.batch.percentOff,
    minSpendFen: c.batch.minSpendFen,
    kinds: Array.isArray(c.batch.kinds) ? (c.batch.kinds as string[]) : null,
    validFrom: c.batch.validFrom,
    validTo: c.batch.validTo,
    state: c.status === "USED" ? "used" : c.batch.validTo <= at ? "expired" : c.status === "LOCKED" ? "locked" : "available",
  }));
}

/** 兑换: one coupon of the code's batch, up to the batch's per-user limit. */
export async function couponRedeem(user: User, input: unknown): Promise<ActionResult<{ name: string }>> {
  const parsed = parseInput(couponRedeemSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const at = now();
  const batch = await db().couponBatch.findUnique({ where: { code: parsed.data.code } });
  if (!batch || !batch.active) return fieldFail("code", "兑换码不正确");
  if (batch.validTo <= at) return fieldFail("code", "该兑换码已过期");
  return db().$transaction(async (tx) => {
    await advisoryLock(tx, `coupon-redeem:${user.id}:${batch.id}`);
    if ((await tx.coupon.count({ where: { batchId: batch.id, userId: user.id } })) >= batch.perUserLimit) return fieldFail("code", "您已兑换过该优惠券");
    await tx.coupon.create({ data: { batchId: batch.id, userId: user.id, createdAt: at } });
    return ok({ name: batch.name });
  });
}

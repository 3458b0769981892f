"use server";
// Thin server actions for paying: quotes, orders, coupons.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth";
import { contractFee, couponRedeem, orderCheckoutResult, orderCreate, orderFor } from "@/lib/server/payments";
import { db } from "@/lib/server/db";
import { fail, ok, zodFail } from "@/lib/server/result";
import { priceQuoteSchema } from "@/lib/validation/fees";
import { parseInput } from "@/lib/validation/input";
import { requestMeta } from "@/lib/server/request";

/** 去支付 (a contract's fee or the saver card); the payer's browser decides the WeChat Pay channel. */
export async function orderCreateAction(input: unknown) {
  const user = await requireUser();
  const { userAgent, ip } = await requestMeta();
  return orderCreate(user, input, { userAgent, ip });
}

/** The price lines again, for another coupon choice. */
export async function priceQuoteAction(input: unknown) {
  const user = await requireUser();
  const parsed = parseInput(priceQuoteSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const c = await db().contract.findUnique({ where: { id: parsed.data.contractId } });
  if (!c || c.initiatorId !== user.id || c.status !== "DRAFT") return fail("合同不存在");
  return ok((await contractFee(user.id, c, parsed.data.couponId)).quote);
}

/** 重新支付: the same unpaid order handed to the gateway again. */
export async function orderRepayAction(orderId: string) {
  const user = await requireUser();
  const order = await orderFor(user.id, String(orderId));
  if (!order) return fail("订单不存在");
  if (order.status !== "PENDING" || order.expiresAt <= new Date()) return fail("订单已失效，请返回重新下单");
  const { userAgent, ip } = await requestMeta();
  return orderCheckoutResult(order, { userAgent, ip });
}

/** 兑换优惠券 */
export async function couponRedeemAction(input: unknown) {
  const res = await couponRedeem(await requireUser(), input);
  if (res.ok) revalidatePath("/me/coupons");
  return res;
}

import { z } from "zod";

const fen = z.number().int().min(0).max(100_000_000);
const kinds = z.array(z.string().min(1).max(40)).max(40);

/** The stored fee rules (admins edit them; see lib/domain/fees). */
export const feeRulesSchema = z.object({
  contractFen: z.record(z.string().min(1).max(40), fen),
  otherContractFen: fen,
  freeQuota: z.object({ perMonth: z.number().int().min(0).max(100), kinds: z.union([kinds, z.literal("allExcept")]), except: kinds }),
  saverCard: z.object({ priceFen: fen, days: z.number().int().min(1).max(366), percentOff: z.number().int().min(1).max(100), kinds }),
  reportFen: fen,
});

const id = z.string().min(1).max(40);

/** 去支付: what is paid for, the coupon chosen, and the total the page showed. */
export const orderCreateSchema = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("CONTRACT"), contractId: id, couponId: id.nullable(), expectedTotalFen: fen }),
  z.object({ purpose: z.literal("SAVER_CARD"), couponId: z.null().optional(), expectedTotalFen: fen }),
]);

export const priceQuoteSchema = z.object({ contractId: id, couponId: id.nullable() });

/** 兑换优惠券 */
export const couponRedeemSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "请输入兑换码")
    .max(32, "兑换码不正确")
    .regex(/^[A-Za-z0-9]+$/, "兑换码不正确")
    .transform((s) => s.toUpperCase()),
});

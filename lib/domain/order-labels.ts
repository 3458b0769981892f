// How orders read in 我的订单 and the admin's order lists.
import { formatFen, type PriceLine } from "./fees";
import { formatShanghaiDateTime } from "./dates";

export const ORDER_STATUS_LABELS: Record<string, string> = { PENDING: "待支付", PAID: "已支付", EXPIRED: "已失效", REFUNDING: "退款中", REFUNDED: "已退款" };
export const ORDER_PURPOSE_LABELS: Record<string, string> = { CONTRACT: "合同费用", REPORT: "出证报告", SAVER_CARD: "省钱月卡" };
export const ORDER_STATUS_TONE: Record<string, string> = {
  PENDING: "bg-amber-50 text-amber-700",
  PAID: "bg-emerald-50 text-emerald-700",
  EXPIRED: "bg-slate-100 text-slate-500",
  REFUNDING: "bg-sky-50 text-sky-700",
  REFUNDED: "bg-sky-50 text-sky-700",
};

/** The fields of an order these labels read (a Prisma Order has them all). */
export type OrderFacts = { purpose: string; status: string; amountFen: number; usesFreeSlot: boolean; couponId: string | null; lines: unknown };

/** What an order was for: the contract it names (the contract fee, a report on it) or the saver card's validity. */
export type OrderSubject = {
  contract: { id: string; title: string; number: string; visible: boolean } | null;
  cardValidTo: Date | null;
};

/**
 * A fee covered in full by the month's free quota, the saver card or a coupon: the order row is the
 * ledger entry that holds the free slot / the coupon (so 撤销 gives it back and the fee is not taken
 * twice), not a payment. It is never shown as 已支付 ¥0.00, left out of 我的订单, and adds nothing to revenue.
 */
export function isSettlement(o: Pick<OrderFacts, "amountFen">): boolean {
  return o.amountFen === 0;
}

/** What covered a ¥0 fee: 免费额度, 省钱月卡, 优惠券, 省钱月卡和优惠券; null when the price itself was 0. */
export function settlementSource(o: OrderFacts): string | null {
  if (o.usesFreeSlot) return "免费额度";
  const lines = Array.isArray(o.lines) ? (o.lines as PriceLine[]) : [];
  const card = lines.some((l) => typeof l?.label === "string" && l.label.startsWith("省钱月卡"));
  return card && o.couponId ? "省钱月卡和优惠券" : card ? "省钱月卡" : o.couponId ? "优惠券" : null;
}

/** The amount column of a ¥0 fee: 免费额度, 省钱月卡抵扣, 优惠券抵扣 …, else 免费. */
export function settledBy(o: OrderFacts): string {
  const source = settlementSource(o);
  return source === "免费额度" ? source : source ? `${source}抵扣` : "免费";
}

/** 已支付 / 退款中 …; a settlement reads 已抵扣, and 已退回 once 撤销 gave its free slot or coupon back. */
export function orderStatusLabel(o: Pick<OrderFacts, "status" | "amountFen">): string {
  if (isSettlement(o) && o.status === "PAID") return "已抵扣";
  if (isSettlement(o) && o.status === "REFUNDED") return "已退回";
  return ORDER_STATUS_LABELS[o.status] ?? o.status;
}

/** The amount column: the money, or for a settlement what covered it (no ¥0.00). */
export function orderAmountLabel(o: OrderFacts): string {
  return isSettlement(o) ? settledBy(o) : formatFen(o.amountFen);
}

/** The line under an order's purpose: 《title》 with its number, or the card's last day. */
export function orderSubjectLine(o: Pick<OrderFacts, "purpose">, s: OrderSubject | null | undefined): string | null {
  if (s?.contract) return `${s.contract.title} · ${s.contract.number}`;
  if (o.purpose === "SAVER_CARD" && s?.cardValidTo) return `有效期至 ${formatShanghaiDateTime(s.cardValidTo)}`;
  return null;
}

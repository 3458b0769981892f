// 费用: what a user pays to initiate a contract, buy the saver card or a report. Pure: the server
// supplies the rules, this month's use, the active card and the chosen coupon; the same lines are
// shown before paying and recomputed at payment.

/** What is being paid for. Contract kinds are template ids ("iou", "receipt", "rental", …, "file"). */
export type FeeItem = { type: "contract"; kind: string } | { type: "report" } | { type: "saverCard" };

export type FeeRules = {
  /** Price per contract kind in fen; kinds not listed cost `otherContractFen`. */
  contractFen: Record<string, number>;
  otherContractFen: number;
  /** 月免费额度: contracts of these kinds are free up to `perMonth` a calendar month (Asia/Shanghai). */
  freeQuota: { perMonth: number; kinds: string[] | "allExcept"; except: string[] };
  /** 省钱月卡: price, days of validity and the percentage it takes off the kinds it covers (100 = included). */
  saverCard: { priceFen: number; days: number; percentOff: number; kinds: string[] };
  reportFen: number;
};

/** 借条 and 收据 always cost a fee; templates and own documents share the monthly free quota. */
export const DEFAULT_FEE_RULES: FeeRules = {
  contractFen: { iou: 690, receipt: 390 },
  otherContractFen: 990,
  freeQuota: { perMonth: 3, kinds: "allExcept", except: ["iou", "receipt"] },
  saverCard: { priceFen: 1990, days: 30, percentOff: 50, kinds: ["iou", "receipt"] },
  reportFen: 1990,
};

export type CouponRule = {
  id: string;
  ownerId: string;
  name: string;
  kind: "FIXED" | "PERCENT";
  amountFen: number; // FIXED
  percentOff: number; // PERCENT, 1..99
  minSpendFen: number;
  /** Contract kinds it applies to; null: every contract kind. Coupons never apply to the card or reports. */
  kinds: string[] | null;
  validFrom: Date;
  validTo: Date;
  status: "AVAILABLE" | "LOCKED" | "USED";
};

export type PriceLine = { label: string; amountFen: number };
export type Quote = {
  lines: PriceLine[]; // 原价, then each reduction as a negative amount, then 实付
  totalFen: number;
  usesFreeSlot: boolean;
  couponId: string | null;
  /** Why the chosen coupon was not applied (shown next to the coupon picker). */
  couponError: string | null;
  /** Said where the price is shown: the month's free contracts are used up (a kind the quota covers). */
  quotaNote: string | null;
};

export type QuoteInput = {
  item: FeeItem;
  rules: FeeRules;
  userId: string;
  now: Date;
  freeUsedThisMonth: number;
  cardValidTo: Date | null;
  coupon: CouponRule | null;
};

export function listPriceFen(item: FeeItem, rules: FeeRules): number {
  if (item.type === "report") return rules.reportFen;
  if (item.type === "saverCard") return rules.saverCard.priceFen;
  return rules.contractFen[item.kind] ?? rules.otherContractFen;
}

export function quotaCovers(kind: string, rules: FeeRules): boolean {
  const q = rules.freeQuota;
  return q.kinds === "allExcept" ? !q.except.includes(kind) : q.kinds.includes(kind);
}

/** A percentage of an amount in fen, rounded half up to the fen. */
export function percentOfFen(fen: number, percent: number): number {
  return Math.floor((fen * percent + 50) / 100);
}

export function couponProblem(c: CouponRule, item: FeeItem, subtotalFen: number, userId: string, now: Date): string | null {
  if (c.ownerId !== userId) return "优惠券不存在";
  if (c.status !== "AVAILABLE") return "优惠券已使用";
  if (now < c.validFrom) return "优惠券尚未生效";
  if (now > c.validTo) return "优惠券已过期";
  if (item.type !== "contract" || (c.kinds && !c.kinds.includes(item.kind))) return "该优惠券不适用于本次费用";
  if (subtotalFen < c.minSpendFen) return `满${(c.minSpendFen / 100).toFixed(2)}元可用`;
  return null;
}

export function quote(q: QuoteInput): Quote {
  const list = listPriceFen(q.item, q.rules);
  const lines: PriceLine[] = [{ label: "原价", amountFen: list }];
  const done = (subtotal: number, extra: Partial<Quote> = {}): Quote => ({
    lines: [...lines, { label: "实付", amountFen: subtotal }],
    totalFen: subtotal,
    usesFreeSlot: false,
    couponId: null,
    couponError: null,
    quotaNote: q.item.type === "contract" && quotaCovers(q.item.kind, q.rules) ? `本月${q.rules.freeQuota.perMonth}次免费额度已用完，下月1日恢复` : null,
    ...extra,
  });

  if (q.item.type === "contract" && quotaCovers(q.item.kind, q.rules) && q.freeUsedThisMonth < q.rules.freeQuota.perMonth) {
    lines.push({ label: `月免费额度（本月剩余${q.rules.freeQuota.perMonth - q.freeUsedThisMonth}次）`, amountFen: -list });
    return done(0, { usesFreeSlot: true, couponError: q.coupon ? "本次免费，无需使用优惠券" : null, quotaNote: null });
  }

  let subtotal = list;
  const card = q.rules.saverCard;
  if (q.item.type === "contract" && q.cardValidTo && q.cardValidTo > q.now && card.kinds.includes(q.item.kind)) {
    const off = card.percentOff >= 100 ? subtotal : percentOfFen(subtotal, card.percentOff);
    lines.push({ label: card.percentOff >= 100 ? "省钱月卡（已含）" : `省钱月卡（${card.percentOff}%优惠）`, amountFen: -off });
    subtotal -= off;
  }

  if (!q.coupon) return done(subtotal);
  const problem = subtotal === 0 ? "本次免费，无需使用优惠券" : couponProblem(q.coupon, q.item, subtotal, q.userId, q.now);
  if (problem) return done(subtotal, { couponError: problem });
  const off = Math.min(subtotal, q.coupon.kind === "FIXED" ? q.coupon.amountFen : percentOfFen(subtotal, q.coupon.percentOff));
  lines.push({ label: `优惠券（${q.coupon.name}）`, amountFen: -off });
  return done(subtotal - off, { couponId: q.coupon.id });
}

/** The calendar month a moment falls in, in Asia/Shanghai: "2026-11". */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

export const formatFen = (fen: number) => `${fen < 0 ? "-" : ""}¥${(Math.abs(fen) / 100).toFixed(2)}`;

/** How a coupon reads in pickers and the wallet: 减¥2.00 / 8.5折, and its minimum spend. */
export function couponTerms(c: { kind: string; amountFen: number; percentOff: number; minSpendFen: number }): string {
  const off = c.kind === "PERCENT" ? `${(100 - c.percentOff) / 10}折` : `减${formatFen(c.amountFen)}`;
  return c.minSpendFen ? `${off}，满${formatFen(c.minSpendFen)}可用` : off;
}

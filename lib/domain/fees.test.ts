import { describe, expect, it } from "vitest";
import { DEFAULT_FEE_RULES as R, couponTerms, percentOfFen, quote, shanghaiMonth, type CouponRule, type FeeItem, type QuoteInput } from "./fees";

const now = new Date("2026-11-26T12:00:00Z");
const day = 86_400_000;
const coupon = (over: Partial<CouponRule> = {}): CouponRule => ({
  id: "c1",
  ownerId: "u1",
  name: "立减2元",
  kind: "FIXED",
  amountFen: 200,
  percentOff: 0,
  minSpendFen: 0,
  kinds: null,
  validFrom: new Date(now.getTime() - day),
  validTo: new Date(now.getTime() + day),
  status: "AVAILABLE",
  ...over,
});
const iou: FeeItem = { type: "contract", kind: "iou" };
const rental: FeeItem = { type: "contract", kind: "rental" };
const input = (over: Partial<QuoteInput>): QuoteInput => ({ item: iou, rules: R, userId: "u1", now, freeUsedThisMonth: 0, cardValidTo: null, coupon: null, ...over });

describe("quote", () => {
  it.each<[string, Partial<QuoteInput>, number, boolean, string | null]>([
    ["借条 at list price", {}, 690, false, null],
    ["借条 is never in the free quota", { freeUsedThisMonth: 0 }, 690, false, null],
    ["first template of the month is free", { item: rental }, 0, true, null],
    ["third template still free (quota edge)", { item: rental, freeUsedThisMonth: 2 }, 0, true, null],
    ["fourth template pays", { item: rental, freeUsedThisMonth: 3 }, 990, false, null],
    ["own document shares the quota", { item: { type: "contract", kind: "file" }, freeUsedThisMonth: 3 }, 990, false, null],
    ["a free contract ignores the coupon", { item: rental, coupon: coupon() }, 0, true, "本次免费，无需使用优惠券"],
    ["saver card halves the 借条", { cardValidTo: new Date(now.getTime() + day) }, 345, false, null],
    ["an expired card does nothing", { cardValidTo: new Date(now.getTime() - 1) }, 690, false, null],
    ["the card does not cover templates", { item: rental, freeUsedThisMonth: 3, cardValidTo: new Date(now.getTime() + day) }, 990, false, null],
    ["card then fixed coupon stack", { cardValidTo: new Date(now.getTime() + day), coupon: coupon() }, 145, false, null],
    ["a coupon larger than the price makes it free, not negative", { coupon: coupon({ amountFen: 5000 }) }, 0, false, null],
    ["percentage coupon rounds half up to the fen", { coupon: coupon({ kind: "PERCENT", percentOff: 15, amountFen: 0 }) }, 690 - 104, false, null],
    ["minimum spend measured after the card", { cardValidTo: new Date(now.getTime() + day), coupon: coupon({ minSpendFen: 500 }) }, 345, false, "满5.00元可用"],
    ["minimum spend met exactly", { coupon: coupon({ minSpendFen: 690 }) }, 490, false, null],
    ["expired coupon", { coupon: coupon({ validTo: new Date(now.getTime() - 1) }) }, 690, false, "优惠券已过期"],
    ["not yet valid coupon", { coupon: coupon({ validFrom: new Date(now.getTime() + 1) }) }, 690, false, "优惠券尚未生效"],
    ["someone else's coupon", { coupon: coupon({ ownerId: "u2" }) }, 690, false, "优惠券不存在"],
    ["a used coupon", { coupon: coupon({ status: "USED" }) }, 690, false, "优惠券已使用"],
    ["a coupon for other kinds", { coupon: coupon({ kinds: ["receipt"] }) }, 690, false, "该优惠券不适用于本次费用"],
    ["coupons do not apply to reports", { item: { type: "report" }, coupon: coupon() }, 1990, false, "该优惠券不适用于本次费用"],
    ["the saver card itself", { item: { type: "saverCard" } }, 1990, false, null],
  ])("%s", (_, over, total, free, couponError) => {
    const q = quote(input(over));
    expect(q.totalFen).toBe(total);
    expect(q.usesFreeSlot).toBe(free);
    expect(q.couponError).toBe(couponError);
    // the lines explain the total: 原价 plus each reduction equals 实付
    expect(q.lines[0]!.label).toBe("原价");
    expect(q.lines.at(-1)).toEqual({ label: "实付", amountFen: total });
    expect(q.lines.slice(0, -1).reduce((s, l) => s + l.amountFen, 0)).toBe(total);
    expect(q.couponId).toBe(over.coupon && !couponError && !free ? "c1" : null);
    // a kind the quota covers, paid because the month's quota is gone, says so
    const quotaGone = (over.item?.type === "contract" && over.item.kind !== "iou" && !free) as boolean;
    expect(q.quotaNote).toBe(quotaGone ? "本月3次免费额度已用完，下月1日恢复" : null);
  });
});

describe("percentOfFen", () => {
  it.each([
    [690, 15, 104], // 103.5 → 104
    [99, 15, 15], // 14.85 → 15
    [100, 33, 33],
    [1, 50, 1], // 0.5 → 1
    [1, 49, 0],
  ])("%i × %i%% = %i", (fen, pct, out) => expect(percentOfFen(fen, pct)).toBe(out));
});

describe("shanghaiMonth", () => {
  it.each([
    ["2026-11-30T15:59:59Z", "2026-11"],
    ["2026-11-30T16:00:00Z", "2026-12"], // midnight in Shanghai
    ["2026-12-31T16:00:00Z", "2027-01"],
  ])("%s → %s", (iso, m) => expect(shanghaiMonth(new Date(iso))).toBe(m));
});

describe("couponTerms", () => {
  it.each([
    [{ kind: "FIXED", amountFen: 200, percentOff: 0, minSpendFen: 0 }, "减¥2.00"],
    [{ kind: "PERCENT", amountFen: 0, percentOff: 15, minSpendFen: 500 }, "8.5折，满¥5.00可用"],
    [{ kind: "PERCENT", amountFen: 0, percentOff: 20, minSpendFen: 0 }, "8折"],
  ])("%j → %s", (c, s) => expect(couponTerms(c)).toBe(s));
});

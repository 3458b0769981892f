import { describe, expect, it } from "vitest";
import { isSettlement, orderAmountLabel, orderStatusLabel, orderSubjectLine, settledBy, type OrderFacts } from "./order-labels";

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({ purpose: "CONTRACT", status: "PAID", amountFen: 690, usesFreeSlot: false, couponId: null, lines: [], ...over });
const card = [{ label: "原价", amountFen: 690 }, { label: "省钱月卡（已含）", amountFen: -690 }, { label: "实付", amountFen: 0 }];

describe("order labels", () => {
  it.each([
    ["a paid fee", order(), "¥6.90", "已支付"],
    ["a refunded fee", order({ status: "REFUNDED" }), "¥6.90", "已退款"],
    ["the free slot", order({ amountFen: 0, usesFreeSlot: true }), "免费额度", "已抵扣"],
    ["the free slot given back", order({ amountFen: 0, usesFreeSlot: true, status: "REFUNDED" }), "免费额度", "已退回"],
    ["a coupon covering it all", order({ amountFen: 0, couponId: "c1" }), "优惠券抵扣", "已抵扣"],
    ["the saver card", order({ amountFen: 0, lines: card }), "省钱月卡抵扣", "已抵扣"],
    ["card and coupon", order({ amountFen: 0, lines: card, couponId: "c1" }), "省钱月卡和优惠券抵扣", "已抵扣"],
    ["a price of 0", order({ amountFen: 0, purpose: "REPORT" }), "免费", "已抵扣"],
  ])("%s: %s, %s", (_, o, amount, status) => {
    expect(orderAmountLabel(o)).toBe(amount);
    expect(orderStatusLabel(o)).toBe(status);
    expect(orderAmountLabel(o)).not.toContain("¥0.00");
  });

  it("only a ¥0 order is a settlement", () => {
    expect(isSettlement(order())).toBe(false);
    expect(isSettlement(order({ amountFen: 0 }))).toBe(true);
    expect(settledBy(order({ amountFen: 0, usesFreeSlot: true, couponId: "c1" }))).toBe("免费额度");
  });

  it("names the contract, or the card's end", () => {
    const contract = { id: "c", title: "借条", number: "JT2026120100001", visible: true };
    expect(orderSubjectLine(order(), { contract, cardValidTo: null })).toBe("借条 · JT2026120100001");
    expect(orderSubjectLine(order({ purpose: "REPORT" }), { contract, cardValidTo: null })).toBe("借条 · JT2026120100001");
    expect(orderSubjectLine(order({ purpose: "SAVER_CARD" }), { contract: null, cardValidTo: new Date("2026-12-31T16:30:00Z") })).toBe("有效期至 2027-01-01 00:30");
    expect(orderSubjectLine(order({ purpose: "SAVER_CARD" }), { contract: null, cardValidTo: null })).toBeNull();
  });
});

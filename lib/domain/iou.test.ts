import { describe, expect, it } from "vitest";
import {
  instalmentErrors,
  interestFen,
  loanDateError,
  parseRateBp,
  rateWarning,
  repayDateError,
  splitEvenly,
  totalDueFen,
} from "./iou";
import { addDays, daysBetween, parseYmd } from "./dates";
import { idCheckChar } from "./idcard";
import { ageRangeError, partyAgeError } from "./templates/engine";
import { iou } from "./templates/iou";

const today = { y: 2026, m: 11, d: 25 };
const id = (birth: string) => {
  const first17 = `110101${birth}123`;
  return first17 + idCheckChar(first17);
};

describe("rates", () => {
  it.each([
    ["", { ok: true, bp: 0 }],
    ["3.45", { ok: true, bp: 345 }],
    ["12", { ok: true, bp: 1200 }],
    ["0.5", { ok: true, bp: 50 }],
    ["100", { ok: true, bp: 10000 }],
    ["100.01", { ok: false, error: "年利率不能超过100%" }],
    ["3.456", { ok: false, error: "利率请填写数字，最多两位小数" }],
    ["-1", { ok: false, error: "利率请填写数字，最多两位小数" }],
    ["abc", { ok: false, error: "利率请填写数字，最多两位小数" }],
  ])("parseRateBp(%j)", (input, expected) => expect(parseRateBp(input)).toEqual(expected));

  it.each([
    [1200, 300, false],
    [1201, 300, true],
    [2400, 600, false],
  ])("rate %i bp with LPR %i bp warns: %s", (rate, lpr, warns) => {
    expect(rateWarning(rate, lpr) !== null).toBe(warns);
  });
  it("the warning names the LPR and the cap", () => {
    expect(rateWarning(1500, 300)).toBe("年利率超过一年期LPR（3%）的4倍（12%），超出部分的利息不受法律保护");
  });
});

describe("interest and instalments", () => {
  it.each([
    [100_000_00, 365, 365, 365_000], // ¥100,000 at 3.65% for a year = ¥3,650.00
    [100_00, 1000, 30, 82], // ¥100 at 10% for 30 days = 0.8219 元 → 82 fen
    [1, 1, 1, 0],
    [50_000_000, 10_000, 3660, 501_369_863], // the largest inputs stay exact
    [100_00, 0, 30, 0],
    [100_00, 1000, 0, 0],
  ])("interestFen(%i, %i bp, %i days) = %i", (p, r, d, expected) => expect(interestFen(p, r, d)).toBe(expected));

  it("rounds half up", () => {
    // 1 yuan at 1825 bp (18.25%) for 1 day = 0.05 fen → 0; for 10 days = 0.5 fen → 1
    expect(interestFen(100, 1825, 1)).toBe(0);
    expect(interestFen(100, 1825, 10)).toBe(1);
  });

  it.each([
    [1000, 3, [333, 333, 334]],
    [1000, 1, [1000]],
    [1, 2, [0, 1]],
    [1000, 0, []],
  ])("splitEvenly(%i, %i)", (total, n, expected) => expect(splitEvenly(total, n)).toEqual(expected));

  const loan = parseYmd("2026-11-25")!;
  it("accepts a plan adding up to principal plus interest", () => {
    const due = totalDueFen(120_000, 600, loan, parseYmd("2027-02-25")!);
    const [a, b, c] = splitEvenly(due, 3);
    expect(instalmentErrors([{ date: "2026-12-25", amountFen: a! }, { date: "2027-01-25", amountFen: b! }, { date: "2027-02-25", amountFen: c! }], 120_000, 600, loan)).toEqual({});
  });
  it("refuses a plan whose sum is off by one fen", () => {
    const due = totalDueFen(120_000, 0, loan, parseYmd("2027-01-25")!);
    const errors = instalmentErrors([{ date: "2026-12-25", amountFen: 60_000 }, { date: "2027-01-25", amountFen: due - 60_000 - 1 }], 120_000, 0, loan);
    expect(errors._plan).toBe("各期金额合计须等于本金加利息 1200.00 元（当前合计 1199.99 元）");
  });
  it.each([
    [[{ date: "2026-12-25", amountFen: 120_000 }], "_plan", "分期还款至少2期"],
    [[{ date: "2026-11-25", amountFen: 60_000 }, { date: "2027-01-25", amountFen: 60_000 }], "0.date", "首期还款日期须晚于借款日期"],
    [[{ date: "2027-01-25", amountFen: 60_000 }, { date: "2027-01-25", amountFen: 60_000 }], "1.date", "还款日期须晚于上一期"],
    [[{ date: "2027-01-25", amountFen: 0 }, { date: "2027-02-25", amountFen: 120_000 }], "0.amount", "每期金额须大于0"],
    [[{ date: "2027-02-30", amountFen: 60_000 }, { date: "2027-03-25", amountFen: 60_000 }], "0.date", "请选择还款日期"],
    [[{ date: "2027-01-25", amountFen: 60_000 }, { date: "2037-01-25", amountFen: 60_000 }], "1.date", "借款期限最长10年"],
  ])("refuses %j", (plan, key, message) => {
    expect(instalmentErrors(plan, 120_000, 0, loan)[key]).toBe(message);
  });
});

describe("dates", () => {
  it.each([
    [addDays(today, -60), null],
    [addDays(today, -61), "借款日期最早为60天前"],
    [today, null],
    [addDays(today, 365), null],
    [addDays(today, 366), "借款日期不能晚于一年后"],
  ])("loan date %j", (day, expected) => expect(loanDateError(day, today)).toBe(expected));

  it.each([
    ["2026-11-26", null],
    ["2026-11-25", "还款日期须晚于借款日期"],
    ["2026-11-01", "还款日期须晚于借款日期"],
    ["2036-11-25", null],
    ["2036-12-31", "借款期限最长10年"],
  ])("repay date %s after a 2026-11-25 loan", (repay, expected) => {
    expect(repayDateError(parseYmd(repay)!, today)).toBe(expected);
  });
  it("daysBetween crosses a leap day", () => expect(daysBetween(parseYmd("2028-02-28")!, parseYmd("2028-03-01")!)).toBe(2));
});

// the age rule as the 借条 template applies it to a typed ID (the party step) and to the initiator
describe("ages 22–75", () => {
  it.each([
    ["20041125", null], // 22 today
    ["20041126", "借条签署方须为22至75周岁的大陆公民，对方当前21周岁"],
    ["19511125", null], // 75 today
    ["19511126", null], // 74
    ["19501125", "借条签署方须为22至75周岁的大陆公民，对方当前76周岁"],
  ])("born %s", (birth, expected) => expect(partyAgeError(iou, id(birth), today)).toBe(expected));
  it("an invalid ID says why", () => expect(partyAgeError(iou, "110101200411251230", today)).toMatch(/校验位|出生日期|18位/));
  it("the initiator is told about their own age", () => expect(ageRangeError(iou, { y: 2010, m: 1, d: 1 }, today, "self")).toBe("借条签署方须为22至75周岁的大陆公民，您当前16周岁"));
});

// 借条 rules (DESIGN §3): pure, shared by the wizard, the server and the renderer.
import { addDays, compareYmd, daysBetween, parseYmd, type YMD } from "./dates";

export const IOU_MIN_FEN = 1; // ¥0.01
export const IOU_MAX_FEN = 50_000_000; // ¥500,000 per loan
/** Above ¥100,000 the supplementary block (overdue rate, addresses, court) is required. */
export const IOU_SUPPLEMENT_ABOVE_FEN = 10_000_000;
export const IOU_MIN_AGE = 22;
export const IOU_MAX_AGE = 75;
/** The loan date may be at most this many days before today. */
export const IOU_LOAN_DATE_MAX_PAST_DAYS = 60;
/** …and at most this far ahead (a loan agreed now for a later handover). */
export const IOU_LOAN_DATE_MAX_FUTURE_DAYS = 365;
/** A repayment plan ends within this many years of the loan date. */
export const IOU_MAX_TERM_DAYS = 10 * 366;
export const IOU_MAX_INSTALMENTS = 60;
/** Rates are basis points (1% = 100 bp); above this the input is refused as absurd. */
export const RATE_MAX_BP = 10_000;
/** Courts do not protect private-lending interest above four times the one-year LPR. */
export const LPR_MULTIPLE_PROTECTED = 4;
export const DEFAULT_LPR_BP = 300;

/** "3.45" (percent, at most two decimals) → 345 bp; "" → 0. */
export function parseRateBp(input: string): { ok: true; bp: number } | { ok: false; error: string } {
  const s = input.trim();
  if (s === "") return { ok: true, bp: 0 };
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, error: "利率请填写数字，最多两位小数" };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bp > RATE_MAX_BP) return { ok: false, error: "年利率不能超过100%" };
  return { ok: true, bp };
}

export function formatRate(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

/** Simple interest for `days` at an annual rate (365-day year), rounded half up to the fen. */
export function interestFen(principalFen: number, rateBp: number, days: number): number {
  if (days <= 0 || rateBp <= 0) return 0;
  const numerator = principalFen * rateBp * days; // ≤ 5e7 · 1e4 · 3660 < 2^53
  const denominator = 10_000 * 365;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** What the borrower owes in total by `lastDay`: principal plus simple interest from the loan date. */
export function totalDueFen(principalFen: number, rateBp: number, loanDay: YMD, lastDay: YMD): number {
  return principalFen + interestFen(principalFen, rateBp, daysBetween(loanDay, lastDay));
}

/** Splits a total into `count` instalments of whole fen; the remainder goes to the last one. */
export function splitEvenly(totalFen: number, count: number): number[] {
  if (count < 1) return [];
  const each = Math.floor(totalFen / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? totalFen - each * (count - 1) : each));
}

/** The warning shown to the lender (not a block) when the rate exceeds 4 × LPR. */
export function rateWarning(rateBp: number, lprBp: number): string | null {
  const cap = lprBp * LPR_MULTIPLE_PROTECTED;
  if (rateBp <= cap) return null;
  return `年利率超过一年期LPR（${formatRate(lprBp)}）的4倍（${formatRate(cap)}），超出部分的利息不受法律保护`;
}

export function loanDateError(loanDay: YMD, today: YMD): string | null {
  if (compareYmd(loanDay, addDays(today, -IOU_LOAN_DATE_MAX_PAST_DAYS)) < 0) return `借款日期最早为${IOU_LOAN_DATE_MAX_PAST_DAYS}天前`;
  if (compareYmd(loanDay, addDays(today, IOU_LOAN_DATE_MAX_FUTURE_DAYS)) > 0) return "借款日期不能晚于一年后";
  return null;
}

export function repayDateError(repayDay: YMD, loanDay: YMD): string | null {
  if (compareYmd(repayDay, loanDay) <= 0) return "还款日期须晚于借款日期";
  if (daysBetween(loanDay, repayDay) > IOU_MAX_TERM_DAYS) return "借款期限最长10年";
  return null;
}

export type Instalment = { date: string; amountFen: number };

/**
 * Dates strictly increasing after the loan date and within the term; amounts positive and
 * adding up to principal plus interest to the last date. Returns errors by index ("_plan" for the whole).
 */
export function instalmentErrors(plan: Instalment[], principalFen: number, rateBp: number, loanDay: YMD): Record<string, string> {
  const errors: Record<string, string> = {};
  if (plan.length < 2) errors._plan = "分期还款至少2期";
  if (plan.length > IOU_MAX_INSTALMENTS) errors._plan = `分期最多${IOU_MAX_INSTALMENTS}期`;
  let prev: YMD = loanDay;
  let sum = 0;
  plan.forEach((p, i) => {
    const day = parseYmd(p.date);
    if (!day) errors[`${i}.date`] = "请选择还款日期";
    else if (compareYmd(day, prev) <= 0) errors[`${i}.date`] = i === 0 ? "首期还款日期须晚于借款日期" : "还款日期须晚于上一期";
    else if (daysBetween(loanDay, day) > IOU_MAX_TERM_DAYS) errors[`${i}.date`] = "借款期限最长10年";
    if (day) prev = day;
    if (!(p.amountFen > 0)) errors[`${i}.amount`] = "每期金额须大于0";
    sum += p.amountFen;
  });
  const last = parseYmd(plan.at(-1)?.date ?? "");
  if (!errors._plan && last && Object.keys(errors).length === 0) {
    const due = totalDueFen(principalFen, rateBp, loanDay, last);
    if (sum !== due) errors._plan = `各期金额合计须等于本金加利息 ${(due / 100).toFixed(2)} 元（当前合计 ${(sum / 100).toFixed(2)} 元）`;
  }
  return errors;
}

/** The facts the 借条 template renders, from its parsed form (lib/domain/templates/iou.ts). */
export type IouFacts = {
  amountFen: number;
  purpose: string;
  loanDate: string;
  repayMode: "ONCE" | "INSTALMENTS";
  repayDate: string | null;
  instalments: { date: string; amountFen: number }[];
  rateBp: number;
  supplement: null | { overdueRateBp: number; lenderAddress: string; borrowerAddress: string; court: string };
};


// Helpers templates use to turn a parsed form into facts and clauses: amounts, numbers, dates, terms.
// ───────────────────────────── helpers for facts and clauses ─────────────────────────────
import { addDays, compareYmd, daysBetween, formatYmd, parseYmd, type YMD } from "../dates";
import { yuanToFen } from "../money";

export { blank, PENDING } from "./clauses";

/** Parsed money in fen; 0 for empty or invalid (the schema has already refused those). */
export function fenOf(s: string): number {
  const r = yuanToFen(s || "x");
  return r.ok ? r.fen : 0;
}

/** "12.5" → 12.5 with at most `decimals` decimals; null when not such a number. */
export function parseNumber(s: string, decimals: number): number | null {
  const re = decimals > 0 ? new RegExp(`^\\d{1,12}(?:\\.\\d{1,${decimals}})?$`) : /^\d{1,12}$/;
  return re.test(s.trim()) ? Number(s.trim()) : null;
}
export const numOf = (s: string, decimals = 2) => parseNumber(s, decimals) ?? 0;

/** Same day n months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths({ y, m, d }: YMD, n: number): YMD {
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return { y: ny, m: nm, d: Math.min(d, last) };
}

/** Whole months and remaining days of the inclusive period start..end: "1年2个月", "15天". */
export function describeTerm(start: YMD, end: YMD): string {
  const dayAfter = addDays(end, 1);
  let months = 0;
  while (compareYmd(addMonths(start, months + 1), dayAfter) <= 0) months++;
  const rest = daysBetween(addMonths(start, months), dayAfter);
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [y ? `${y}年` : "", m ? `${m}个月` : "", rest ? `${rest}天` : ""].join("");
  return parts || "0天";
}

/**
 * unit price (fen) × quantity ("2.5") → fen, rounded half up. BigInt keeps it exact where a
 * float product of two large numbers would not be.
 */
export function lineTotalFen(unitFen: number, quantity: string, decimals = 2): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(quantity.trim());
  if (!m || (m[2] ?? "").length > decimals) return 0;
  const scale = 10n ** BigInt(decimals);
  const scaled = BigInt(m[1]! + (m[2] ?? "").padEnd(decimals, "0"));
  const product = BigInt(unitFen) * scaled;
  return Number((product * 2n + scale) / (2n * scale));
}

/** Days in the inclusive period start..end (1 when they are the same day). */
export const daysInclusive = (start: YMD, end: YMD) => daysBetween(start, end) + 1;

export const sumFen = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export const dateOf = (s: string): YMD | null => (s ? parseYmd(s) : null);

/** "YYYY-MM-DD" n days after `from` (for empty forms and samples). */
export const isoDay = (from: YMD, n = 0) => formatYmd(addDays(from, n));
/** The last day of a term of `months` months starting on `start`: 2026-01-01 + 12 → 2026-12-31. */
export const isoTermEnd = (start: string, months: number) => {
  const s = parseYmd(start);
  return s ? formatYmd(addDays(addMonths(s, months), -1)) : "";
};

/**
 * Checks an inclusive period start..end: end after start, at least `minMonths` and at most
 * `maxMonths` long. Reports on the end field; silent when either date is missing or invalid
 * (the field checks have said so already).
 */
export function periodError(start: string, end: string, o: { minMonths?: number; maxMonths?: number; what?: string } = {}): string | null {
  const s = dateOf(start);
  const e = dateOf(end);
  if (!s || !e) return null;
  const what = o.what ?? "期限";
  if (compareYmd(e, s) < 0) return "结束日期不能早于开始日期";
  if (o.minMonths && compareYmd(e, addDays(addMonths(s, o.minMonths), -1)) < 0) return `${what}至少${o.minMonths}个月`;
  if (o.maxMonths && compareYmd(e, addDays(addMonths(s, o.maxMonths), -1)) > 0)
    return o.maxMonths % 12 === 0 ? `${what}最长${o.maxMonths / 12}年` : `${what}最长${o.maxMonths}个月`;
  return null;
}

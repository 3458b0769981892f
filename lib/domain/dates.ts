// Dates and "today" are Asia/Shanghai (UTC+8, no DST) everywhere in the product.
export type YMD = { y: number; m: number; d: number };

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function shanghaiToday(now: Date): YMD {
  const t = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function formatYmd({ y, m, d }: YMD): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2026-11-25 09:30" in Shanghai time, for timelines and lists. */
export function formatShanghaiDateTime(at: Date): string {
  const t = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** To the second with the zone, for evidence (报告, 签署证书): "2026-11-26 20:30:05 UTC+8". */
export function formatShanghaiInstant(at: Date): string {
  const t = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${formatShanghaiDateTime(at)}:${String(t.getUTCSeconds()).padStart(2, "0")} UTC+8`;
}

const DAY_MS = 86_400_000;
const toUtc = ({ y, m, d }: YMD) => Date.UTC(y, m - 1, d);
const fromUtc = (t: number): YMD => {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
};

/** "2026-11-25" → YMD, or null when it is not a real calendar date. */
export function parseYmd(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (ymd.y < 1900 || ymd.y > 2200) return null;
  const back = fromUtc(toUtc(ymd));
  return back.y === ymd.y && back.m === ymd.m && back.d === ymd.d ? ymd : null;
}

export function addDays(day: YMD, n: number): YMD {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: YMD, b: YMD): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function compareYmd(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The instant a Shanghai calendar day starts, plus hours (e.g. 9 for a 09:00 reminder). */
export function shanghaiInstant(day: YMD, hour = 0): Date {
  return new Date(toUtc(day) - SHANGHAI_OFFSET_MS + hour * 3600_000);
}

/** "2026年11月25日", as contracts print dates. */
export function formatYmdChinese({ y, m, d }: YMD): string {
  return `${y}年${m}月${d}日`;
}

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

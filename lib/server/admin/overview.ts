import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { addDays, formatYmd, shanghaiToday } from "@/lib/domain/dates";

// 概览: figures per Asia/Shanghai day over a chosen range, counted by the database on each visit.

export const overviewRangeSchema = z.object({ days: z.coerce.number().int().refine((n) => [7, 30, 90].includes(n)).catch(30) });

type Row = { day: string; key: string | null; n: number };

/** Counts per Shanghai day (and per key) of rows whose `column` falls in the range. */
async function perDay(table: string, column: string, since: Date, opts: { key?: string; where?: string; sum?: string } = {}): Promise<Row[]> {
  // Table and column names are ours (literals below), never user input.
  const day = `to_char(("${column}" + interval '8 hours')::date, 'YYYY-MM-DD')`;
  const key = opts.key ? `"${opts.key}"::text` : "NULL";
  const value = opts.sum ? `coalesce(sum("${opts.sum}"), 0)::int` : "count(*)::int";
  const sql = `SELECT ${day} AS day, ${key} AS key, ${value} AS n FROM "${table}" WHERE "${column}" >= $1 ${opts.where ? `AND ${opts.where}` : ""} GROUP BY 1, 2`;
  return db().$queryRawUnsafe<Row[]>(sql, since);
}

export async function adminOverview(input: unknown) {
  const { days } = overviewRangeSchema.parse(input);
  const today = shanghaiToday(now());
  const first = addDays(today, -(days - 1));
  const since = new Date(`${formatYmd(first)}T00:00:00+08:00`);
  const labels = Array.from({ length: days }, (_, i) => formatYmd(addDays(first, i)));

  const [users, verified, totals, started, effective, revenue, refunds, sent, failed] = await Promise.all([
    perDay("User", "createdAt", since),
    perDay("User", "verifiedAt", since),
    // a closed (注销) account keeps its row and verifiedAt, but is no longer a user, real-named or not
    Promise.all([db().user.count({ where: { status: { not: "DELETED" } } }), db().user.count({ where: { verifiedAt: { not: null }, status: { not: "DELETED" } } })]),
    perDay("Contract", "initiatedAt", since, { key: "kind" }),
    perDay("Contract", "effectiveAt", since, { key: "kind" }),
    // money only: a ¥0 settlement (free slot, card, coupon) is neither income nor a refund
    perDay("Order", "paidAt", since, { sum: "amountFen", where: `"amountFen" > 0` }),
    perDay("Order", "refundedAt", since, { sum: "amountFen", where: `"amountFen" > 0` }),
    perDay("OutboxMessage", "sentAt", since, { key: "channel", where: `"status" IN ('SENT', 'DELIVERED')` }),
    perDay("OutboxMessage", "createdAt", since, { key: "channel", where: `"status" = 'FAILED'` }),
  ]);

  const series = (rows: Row[], key?: string) => labels.map((d) => rows.filter((r) => r.day === d && (key === undefined || r.key === key)).reduce((a, r) => a + r.n, 0));
  const total = (rows: Row[], key: string) => rows.filter((r) => r.key === key).reduce((a, r) => a + r.n, 0);
  const chart = (named: Record<string, number[]>): Record<string, string | number>[] => labels.map((day, i) => ({ day: day.slice(5), ...Object.fromEntries(Object.entries(named).map(([k, v]) => [k, v[i]!])) }));
  const kinds = [...new Set([...started, ...effective].map((r) => r.key ?? ""))].sort();
  const paidFen = series(revenue).reduce((a, n) => a + n, 0);
  const refundedFen = series(refunds).reduce((a, n) => a + n, 0);
  return {
    days,
    totals: { users: totals[0], verified: totals[1] },
    // 净收入 over the range: paid in it minus refunded in it (an order paid earlier and refunded now counts against now)
    money: { paidFen, refundedFen, netFen: paidFen - refundedFen },
    people: chart({ 新注册: series(users), 新实名: series(verified) }),
    contracts: chart({ 发起: series(started), 生效: series(effective) }),
    byKind: kinds.map((k) => ({ kind: k, 发起: total(started, k), 生效: total(effective, k) })),
    revenue: chart({ 收入: series(revenue).map((f) => f / 100), 退款: series(refunds).map((f) => f / 100) }),
    messages: chart({ 短信成功: series(sent, "SMS"), 短信失败: series(failed, "SMS"), 邮件成功: series(sent, "EMAIL"), 邮件失败: series(failed, "EMAIL") }),
  };
}

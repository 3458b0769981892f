import "server-only";
import { db } from "@/lib/server/db";

/** The newest outbox messages, optionally for one recipient (phone or e-mail). */
export async function listOutbox(opts: { to?: string; take?: number; skip?: number }) {
  const where = opts.to ? { to: opts.to } : {};
  const [total, rows] = await Promise.all([
    db().outboxMessage.count({ where }),
    db().outboxMessage.findMany({ where, orderBy: { createdAt: "desc" }, take: opts.take ?? 50, skip: opts.skip ?? 0 }),
  ]);
  return { total, rows };
}

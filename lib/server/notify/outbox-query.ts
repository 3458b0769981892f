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

/**
 * Development only (/dev/outbox, /api/dev/outbox): the same list with each message as the
 * simulated handset or mailbox received it, verification codes included. The caller checks that
 * the development providers are active.
 */
export async function listSimulatedOutbox(opts: { to?: string; take?: number }) {
  const { total, rows } = await listOutbox(opts);
  const delivered = await db().simulatedDelivery.findMany({ where: { outboxId: { in: rows.map((r) => r.id) } } });
  const text = new Map(delivered.map((d) => [d.outboxId, d.body]));
  return { total, rows: rows.map((r) => ({ ...r, body: text.get(r.id) ?? r.body })) };
}

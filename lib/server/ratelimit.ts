import "server-only";
import type { Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

/**
 * Takes one use of `bucket` if fewer than `limit` were taken in the last `windowMs`. The advisory
 * lock serialises takers of one bucket, so two requests at once cannot both take the last use.
 */
export async function takeRate(tx: Tx, bucket: string, limit: number, windowMs: number): Promise<boolean> {
  await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${bucket}))) AS locked`;
  const at = now();
  const used = await tx.rateEvent.count({ where: { bucket, createdAt: { gte: new Date(at.getTime() - windowMs) } } });
  if (used >= limit) return false;
  await tx.rateEvent.create({ data: { bucket, createdAt: at } });
  return true;
}

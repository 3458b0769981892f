import "server-only";
import { advisoryLock, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

/**
 * Takes one use of `bucket` if fewer than `limit` were taken in the last `windowMs`. The advisory
 * lock serialises takers of one bucket, so two requests at once cannot both take the last use.
 */
export async function takeRate(tx: Tx, bucket: string, limit: number, windowMs: number): Promise<boolean> {
  await advisoryLock(tx, bucket);
  const at = now();
  const used = await tx.rateEvent.count({ where: { bucket, createdAt: { gte: new Date(at.getTime() - windowMs) } } });
  if (used >= limit) return false;
  await tx.rateEvent.create({ data: { bucket, createdAt: at } });
  return true;
}

import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { ON_HOLD_MESSAGE } from "@/lib/domain/lifecycle";

export const ON_HOLD = ON_HOLD_MESSAGE;

/** 暂停: whether a frozen account is among the contract's people (the lifecycle then refuses people's actions). */
export async function isOnHold(c: { initiatorId: string; parties: { userId: string | null }[] }, client: Tx = db()): Promise<boolean> {
  const ids = [c.initiatorId, ...c.parties.flatMap((p) => (p.userId ? [p.userId] : []))];
  return (await client.user.count({ where: { id: { in: ids }, status: "FROZEN" } })) > 0;
}

/** The hold as a message, for the pages and the steps before a transition (sign start, claim start). */
export async function frozenHold(c: { initiatorId: string; parties: { userId: string | null }[] }): Promise<string | null> {
  return (await isOnHold(c)) ? ON_HOLD : null;
}

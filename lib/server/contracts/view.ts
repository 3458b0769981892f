import "server-only";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { actionsFor, transition, type ContractAction } from "@/lib/domain/lifecycle";
import { contextOf, roleOf } from "./transition";
import { isOnHold } from "./hold";

/** A contract with its parties and timeline, for its parties only; null otherwise (→ 404). Admins look through /admin, audited. */
export async function contractForViewer(user: User, id: string) {
  if (id.length > 40) return null;
  const c = await db().contract.findUnique({
    where: { id },
    include: { parties: { orderBy: { seq: "asc" } }, events: { orderBy: { seq: "asc" } } },
  });
  if (!c) return null;
  // a draft belongs to its author alone until it is initiated, even if it names this user
  const isParty = c.initiatorId === user.id || (c.status !== "DRAFT" && c.parties.some((p) => p.userId === user.id));
  if (!isParty) return null;
  if (c.status === "DISCARDED") return null;
  const role = isParty ? roleOf(c, { userId: user.id }) : null;
  const offered: ContractAction[] = role ? actionsFor(c.status, role) : [];
  // an action the table offers but a guard refuses is shown disabled, with the guard's reason
  const refusals: Partial<Record<ContractAction, string>> = {};
  const ctx = contextOf(c, { onHold: offered.length > 0 && (await isOnHold(c)) });
  for (const a of offered) {
    const t = transition(c.status, a, role!, ctx);
    if (!t.ok) refusals[a] = t.message;
  }
  const actions = offered.filter((a) => !refusals[a]);
  return { contract: c, role, actions, refusals, myParty: c.parties.find((p) => p.userId === user.id) ?? null };
}

/** Whether this user may see a signature image: their own, or one on a contract they belong to. */
export async function maySeeSignature(userId: string, sha256: string): Promise<boolean> {
  if (await db().savedSignature.findFirst({ where: { userId, sha256 } })) return true;
  const party = await db().party.findFirst({
    where: { signatureSha256: sha256, contract: { OR: [{ initiatorId: userId }, { parties: { some: { userId } } }] } },
  });
  return party !== null;
}

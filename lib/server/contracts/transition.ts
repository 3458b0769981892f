import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { contractKind, counterpartyClaims, counterpartySignsFirst, initiatorOnlyConfirms } from "@/lib/domain/contract-kind";
import { partyStatusAfter, transition, type ActorRole, type ContractAction, type Effect, type TransitionContext } from "@/lib/domain/lifecycle";
import { appendAudit } from "./audit";
import { notFound, refused, stale } from "./errors";
import { runEffects } from "./effects";
import { syncFolder } from "./folder";
import { isOnHold } from "./hold";

import type { ContractWithParties } from "./types";
export type { ContractWithParties } from "./types";

export type Actor = {
  userId: string | null; // null for the scheduler
  /** The party acting through their link (a recipient who may not be bound yet). */
  partyId?: string;
  ip?: string;
  userAgent?: string;
};

const initiatorRoleOf = (c: ContractWithParties) => c.parties.find((p) => p.isInitiator)?.role;

export function roleOf(c: ContractWithParties, actor: Actor): ActorRole | null {
  if (actor.userId === null) return "SYSTEM";
  const party = actor.partyId ? c.parties.find((p) => p.id === actor.partyId) : c.parties.find((p) => p.userId === actor.userId);
  let role: ActorRole;
  if (c.initiatorId === actor.userId && (!party || party.isInitiator)) role = "INITIATOR";
  else if (!party || party.isInitiator || (party.userId && party.userId !== actor.userId)) return null;
  else role = "RECIPIENT";
  // while a 解除 / 结清 request is pending, a signer is either the one who asked or one who answers
  if ((c.status === "RESCINDING" || c.status === "SETTLING") && c.requestPartyId) {
    const mine = party ?? c.parties.find((p) => p.isInitiator);
    return mine?.id === c.requestPartyId ? "REQUESTER" : "RESPONDER";
  }
  return role;
}

export function contextOf(c: ContractWithParties, held: { onHold: boolean } = { onHold: false }): TransitionContext {
  const recipients = c.parties.filter((p) => !p.isInitiator);
  return {
    // supplying their identity, signing or rejecting counts; merely opening the link does not
    recipientActed: recipients.some(
      (p) => p.status === "SIGNED" || p.status === "REJECTED" || (p.fillMode === "COUNTERPARTY" && p.status !== "WAITING_INFO"),
    ),
    recipientsMissingInfo: recipients.filter((p) => p.status === "WAITING_INFO").length,
    recipientsUnsigned: recipients.filter((p) => p.status !== "SIGNED").length,
    // 对方先签: the initiator's party is still waiting once the contract is out
    initiatorUnsigned: c.status !== "DRAFT" && counterpartySignsFirst(c.kind, initiatorRoleOf(c)) && c.parties.some((p) => p.isInitiator && p.status !== "SIGNED"),
    signerCount: c.parties.length || 2,
    // 收据 issued by the payee is claimed (领取) by the payer; one issued by the payer is signed by the payee
    claimStyle: counterpartyClaims(c.kind, initiatorRoleOf(c)),
    settleable: contractKind(c.kind)?.settleable ?? false,
    onHold: held.onHold,
    initiatorStarts: counterpartySignsFirst(c.kind, initiatorRoleOf(c)) ? "invite" : initiatorOnlyConfirms(c.kind, initiatorRoleOf(c)) ? "confirm" : "sign",
  };
}

export type TransitionRequest = {
  contractId: string;
  action: ContractAction;
  actor: Actor;
  /** The version the actor saw; a different current version is a stale action. */
  expectVersion?: number;
  detail?: Record<string, Prisma.InputJsonValue | null>;
  /** Row changes that belong to this step (a party's signature, its supplied identity…). */
  apply?: (tx: Tx, c: ContractWithParties) => Promise<void>;
  /** Extra checks with the loaded contract, before anything is written. */
  check?: (c: ContractWithParties, role: ActorRole) => void;
  /** Extra contract columns to set with the status. */
  contractData?: (c: ContractWithParties) => Prisma.ContractUpdateManyMutationInput;
};

/**
 * The only writer of Contract.status: one transaction with the version-guarded update, the
 * caller's row changes, the effects (outbox rows, jobs, the final PDF), the audit event and
 * the folder rows. Throws ContractError for a refused, stale or unknown contract.
 */
export async function runTransition(req: TransitionRequest): Promise<{ from: ContractStatus; to: ContractStatus; effects: Effect[] }> {
  return db().$transaction(
    async (tx) => {
      const c = await tx.contract.findUnique({ where: { id: req.contractId }, include: { parties: true } });
      if (!c) throw notFound();
      const role = roleOf(c, req.actor);
      if (!role) throw notFound(); // not a party: the contract does not exist for them
      if (req.expectVersion !== undefined && req.expectVersion !== c.version) throw stale();
      req.check?.(c, role);
      // account holds are a guard of the table: one check for every action, not one per caller
      const ctx = contextOf(c, { onHold: await isOnHold(c, tx) });
      const t = transition(c.status, req.action, role, ctx);
      if (!t.ok) throw t.reason === "NOT_ALLOWED" && req.expectVersion !== undefined ? stale() : refused(t.message);

      const won = await tx.contract.updateMany({
        where: { id: c.id, version: c.version },
        data: { ...(req.contractData?.(c) ?? {}), status: t.to, version: { increment: 1 } },
      });
      if (won.count !== 1) throw stale();
      // the acting signer's own status, as the table says (签署 → SIGNED, 补充信息 → WAITING_SIGN …)
      const partyStatus = partyStatusAfter(c.status, req.action, role, ctx);
      if (partyStatus) {
        const acting = req.actor.partyId ? c.parties.find((p) => p.id === req.actor.partyId) : c.parties.find((p) => p.isInitiator);
        if (!acting) throw notFound();
        const done = partyStatus === "SIGNED" || partyStatus === "CONFIRMED";
        const moved = await tx.party.updateMany({ where: { id: acting.id, status: acting.status }, data: { status: partyStatus, ...(done ? { signedAt: now() } : {}) } });
        if (moved.count !== 1) throw stale();
      }
      await req.apply?.(tx, c);

      const after = await tx.contract.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
      const docSha256 = await runEffects(tx, after, t.effects, { action: req.action, from: c.status, detail: req.detail ?? {}, actorPartyId: req.actor.partyId });
      await appendAudit(tx, c.id, {
        action: req.action,
        fromStatus: c.status,
        toStatus: t.to,
        actorUserId: req.actor.userId,
        actorRole: role,
        ip: req.actor.ip,
        userAgent: req.actor.userAgent,
        docSha256,
        detail: req.detail,
      });
      await syncFolder(tx, c.id);
      return { from: c.status, to: t.to, effects: t.effects };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

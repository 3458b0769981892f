import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import type { Tx } from "@/lib/server/db";
import { sha256Hex } from "@/lib/server/crypto";
import { now } from "@/lib/server/clock";

export type AuditInput = {
  action: string;
  fromStatus: ContractStatus | null;
  toStatus: ContractStatus;
  actorUserId: string | null;
  actorRole: string;
  ip?: string;
  userAgent?: string;
  docSha256?: string | null;
  detail?: Record<string, Prisma.InputJsonValue | null>;
};

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
function canonicalJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalJson);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonicalJson((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** The fields a hash covers, in a fixed order, so any later edit to a stored event shows. */
export function auditHash(prevHash: string, seq: number, e: AuditInput, at: Date): string {
  const canonical = JSON.stringify([
    prevHash,
    seq,
    e.action,
    e.fromStatus,
    e.toStatus,
    e.actorUserId,
    e.actorRole,
    e.ip ?? null,
    e.userAgent ?? null,
    e.docSha256 ?? null,
    canonicalJson(e.detail ?? {}),
    at.toISOString(),
  ]);
  return sha256Hex(canonical);
}

/**
 * Appends the next event to the contract's chain. Callers hold the contract's version-guarded
 * update in the same transaction, so two appends for one contract never interleave.
 */
export async function appendAudit(tx: Tx, contractId: string, e: AuditInput): Promise<void> {
  const c = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { auditHead: true, auditSeq: true } });
  const seq = c.auditSeq + 1;
  const at = now();
  const hash = auditHash(c.auditHead, seq, e, at);
  await tx.auditEvent.create({
    data: {
      contractId,
      seq,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorUserId: e.actorUserId,
      actorRole: e.actorRole,
      ip: e.ip,
      userAgent: e.userAgent,
      docSha256: e.docSha256 ?? null,
      detail: (e.detail ?? {}) as Prisma.InputJsonValue,
      prevHash: c.auditHead,
      hash,
      createdAt: at,
    },
  });
  await tx.contract.update({ where: { id: contractId }, data: { auditHead: hash, auditSeq: seq } });
}

/** Recomputes the chain; returns the first broken seq, or null when intact. */
export async function verifyAuditChain(tx: Tx, contractId: string): Promise<number | null> {
  const events = await tx.auditEvent.findMany({ where: { contractId }, orderBy: { seq: "asc" } });
  let prev = "";
  for (const ev of events) {
    const input: AuditInput = {
      action: ev.action,
      fromStatus: ev.fromStatus,
      toStatus: ev.toStatus,
      actorUserId: ev.actorUserId,
      actorRole: ev.actorRole,
      ip: ev.ip ?? undefined,
      userAgent: ev.userAgent ?? undefined,
      docSha256: ev.docSha256,
      detail: ev.detail as Record<string, Prisma.InputJsonValue>,
    };
    if (ev.prevHash !== prev || auditHash(prev, ev.seq, input, ev.createdAt) !== ev.hash) return ev.seq;
    prev = ev.hash;
  }
  return null;
}

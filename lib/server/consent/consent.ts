import "server-only";
import type { Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { CONSENT_VERSIONS, type ConsentKind } from "@/lib/domain/legal";

/**
 * Keeps, with the account, that this person accepted these documents in their current version:
 * one row per kind and version (the first time they accepted it), as evidence of consent.
 */
export async function consentRecord(tx: Tx, userId: string, kinds: ConsentKind[], ip: string): Promise<void> {
  for (const kind of kinds) {
    const version = CONSENT_VERSIONS[kind];
    const known = await tx.consentRecord.findFirst({ where: { userId, kind, version } });
    if (!known) await tx.consentRecord.create({ data: { userId, kind, version, acceptedAt: now(), ip: ip.slice(0, 64) } });
  }
}

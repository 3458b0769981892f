import "server-only";
import crypto from "node:crypto";
import type { User } from "@prisma/client";
import type { Tx } from "@/lib/server/db";
import { encrypt } from "@/lib/server/crypto";
import { idHash } from "@/lib/server/identity";
import type { YMD } from "@/lib/domain/dates";
import { maskId, parsePersonId, type IdType } from "@/lib/domain/idcard";

// The parties of a draft, as every kind creates them: the initiator from their real-name profile,
// a counterparty as the initiator named them.

/** A party's identity snapshot, taken from the account's real-name profile. */
export function partyIdentityOf(user: User) {
  return {
    userId: user.id,
    name: user.realName,
    idType: user.idType && user.idType !== "CN_RESIDENT" ? user.idType : null,
    idNumberEnc: user.idNumberEnc,
    idNumberHash: user.idNumberHash,
    idMasked: user.idMasked,
    birthDate: user.birthDate,
    phone: user.phone,
  };
}

export const newInviteToken = () => crypto.randomBytes(24).toString("base64url");

/**
 * A counterparty as the initiator named them: 我来填 stores the typed identity (encrypted, with its
 * look-up hash); 对方填 leaves it for them to supply. Someone who already has an account with the
 * named phone is bound at once, so the contract shows in their folder.
 */
export async function namedCounterparty(
  tx: Tx,
  initiator: User,
  row: { fill: "SELF" | "COUNTERPARTY"; name: string; idType?: IdType; idNumber: string; phone: string },
  today: YMD,
) {
  const idType = row.idType ?? "CN_RESIDENT";
  const id = parsePersonId(idType, row.idNumber, today);
  const self = row.fill === "SELF" && id.ok;
  const known = row.phone ? await tx.user.findUnique({ where: { phone: row.phone } }) : null;
  return {
    isInitiator: false,
    fillMode: row.fill,
    userId: known && known.id !== initiator.id ? known.id : null,
    name: self ? row.name.trim() : null,
    idType: self && idType !== "CN_RESIDENT" ? idType : null,
    idNumberEnc: self ? encrypt(id.normalized) : null,
    idNumberHash: self ? idHash(id.normalized) : null,
    idMasked: self ? maskId(id.normalized) : null,
    birthDate: self && id.birthDate ? new Date(Date.UTC(id.birthDate.y, id.birthDate.m - 1, id.birthDate.d)) : null,
    phone: row.phone || null,
    status: self ? ("WAITING_SIGN" as const) : ("WAITING_INFO" as const),
    inviteToken: newInviteToken(),
  };
}

import "server-only";
import { dailyNumber } from "@/lib/server/numbers";
import crypto from "node:crypto";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { encrypt } from "@/lib/server/crypto";
import { idHash } from "@/lib/server/identity/real-name";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { shanghaiToday, type YMD } from "@/lib/domain/dates";
import { maskId, parsePersonId, type IdType } from "@/lib/domain/idcard";
import { normalizePhone } from "@/lib/domain/phone";
import { yuanToFen } from "@/lib/domain/money";
import { iouAgeError, otherIouRole } from "@/lib/domain/iou";
import { iouFormSchema, iouFormShape, type IouForm } from "@/lib/validation/iou";
import { appendAudit } from "./audit";
import { syncFolder } from "./folder";
import { sealFacts } from "./facts-seal";
import { parseInput } from "@/lib/validation/input";

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

const ymdOf = (d: Date): YMD => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });

/** 借条 needs a real-named initiator aged 22–75; the message says what to do otherwise. */
export function iouInitiatorError(user: User, today: YMD): string | null {
  if (!user.verifiedAt || !user.birthDate) return "请先完成实名认证";
  return iouAgeError(ymdOf(user.birthDate), today);
}

const amountOf = (f: IouForm) => {
  const r = yuanToFen(f.amount);
  return r.ok ? r.fen : null;
};

// The title is what a stranger holding the link may see, so it carries no amount or name.
const IOU_TITLE = "借条";

/**
 * Saves the wizard as a draft (草稿). With `complete`, every rule must pass: that is the step
 * before preview and signing. Parties are rebuilt from the form each time while in draft.
 */
export async function iouDraftSave(
  user: User,
  input: { contractId?: string | null; form: unknown; complete: boolean },
): Promise<ActionResult<{ contractId: string }>> {
  const today = shanghaiToday(now());
  const initiatorError = iouInitiatorError(user, today);
  if (initiatorError) return fail(initiatorError);
  const parsed = parseInput(input.complete ? iouFormSchema(today, { crossBorder: Boolean(user.crossBorderAt) }) : iouFormShape, input.form);
  if (!parsed.success) return zodFail(parsed.error);
  const form = parsed.data;

  const phone = normalizePhone(form.counterpartyPhone);
  if (phone && phone === user.phone) return fieldFail("counterpartyPhone", "对方不能是您本人");
  const cpId = parsePersonId(form.counterpartyIdType, form.counterpartyIdNumber, today);
  if (form.counterpartyFill === "SELF" && cpId.ok && idHash(cpId.normalized) === user.idNumberHash) {
    return fieldFail("counterpartyIdNumber", "对方不能是您本人");
  }
  const stored: IouForm = { ...form, counterpartyPhone: phone };

  const contractId = await db().$transaction(async (tx) => {
    let id = input.contractId ?? null;
    if (id) {
      const updated = await tx.contract.updateMany({
        where: { id, initiatorId: user.id, status: "DRAFT" },
        data: { facts: sealFacts(stored), title: IOU_TITLE, amountFen: amountOf(stored), version: { increment: 1 } },
      });
      if (updated.count !== 1) return null;
      await tx.party.deleteMany({ where: { contractId: id } });
    } else {
      const c = await tx.contract.create({
        data: {
          number: dailyNumber("JT"),
          kind: "iou",
          title: IOU_TITLE,
          initiatorId: user.id,
          facts: sealFacts(stored),
          amountFen: amountOf(stored),
          createdAt: now(),
        },
      });
      id = c.id;
      await appendAudit(tx, id, { action: "create", fromStatus: null, toStatus: "DRAFT", actorUserId: user.id, actorRole: "INITIATOR" });
    }
    await createIouParties(tx, id, user, stored, today);
    await syncFolder(tx, id);
    return id;
  });
  if (!contractId) return fail("草稿不存在或已发起");
  return ok({ contractId });
}

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

async function createIouParties(tx: Tx, contractId: string, user: User, f: IouForm, today: YMD) {
  const counterparty = await namedCounterparty(
    tx,
    user,
    { fill: f.counterpartyFill, name: f.counterpartyName, idType: f.counterpartyIdType, idNumber: f.counterpartyIdNumber, phone: f.counterpartyPhone },
    today,
  );
  const roles = [
    { role: f.myRole, isInitiator: true, fillMode: "SELF" as const, ...partyIdentityOf(user), status: "WAITING_SIGN" as const },
    { role: otherIouRole(f.myRole), ...counterparty },
  ];
  // 出借人 first on the document
  const ordered = roles.sort((a, b) => Number(b.role === "LENDER") - Number(a.role === "LENDER"));
  for (const [seq, p] of ordered.entries()) await tx.party.create({ data: { ...p, contractId, seq } });
}

import "server-only";
import { contractFee, feeAtInitiation } from "@/lib/server/payments";
import { templateFactsReady } from "./template";
import { counterpartySignsFirst, sendsWithoutSigning } from "@/lib/domain/contract-kind";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { ageRangeError } from "@/lib/domain/templates/engine";
import type { Party, User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { saveSignature } from "@/lib/server/account";
import { consumeFaceCheck, intentMethods, proveIntent, startFaceCheck, type IntentMethods } from "@/lib/server/identity";
import { renameBlockedReason } from "@/lib/domain/account";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { shanghaiToday } from "@/lib/domain/dates";
import { rejectSchema, signStartSchema, supplementSchema, contractVersionSchema } from "@/lib/validation/contract";
import { signersDue } from "@/lib/domain/own-file";
import { ownInitiateError } from "./own-file";
import { ContractError, asResult } from "./errors";
import { partyIdentityOf } from "./parties";
import { runTransition, type Actor } from "./transition";
import { frozenHold } from "./hold";
import { parseInput } from "@/lib/validation/input";
import { heldPayload, type IntentPayload } from "@/lib/validation/intent";

export const URGE_INTERVAL_MS = 3600_000;

/** The party a signed-in user acts as through a link, or null when the link is not theirs. */
export function linkPartyFor(user: Pick<User, "id" | "phone">, party: Party, initiatorId: string): boolean {
  if (party.isInitiator || user.id === initiatorId) return false;
  // Once bound (opened, or carried over by 更换手机号), the party is that account's.
  if (party.userId) return party.userId === user.id;
  return !party.phone || party.phone === user.phone;
}

/**
 * 我来填: the initiator typed this signer's name and ID. Only the account whose verified real
 * name and ID both match may act as them, so no certificate is ever issued in a name the signer
 * has not verified.
 */
export function namedPersonMismatch(party: Pick<Party, "idNumberHash" | "name">, user: Pick<User, "idNumberHash" | "realName">): boolean {
  if (!party.idNumberHash) return false;
  return party.idNumberHash !== user.idNumberHash || (party.name ?? "").trim() !== (user.realName ?? "").trim();
}

/** The party behind an invitation token, when this user may act through it. */
async function partyAtLink(user: Pick<User, "id" | "phone">, token: string) {
  const party = await db().party.findUnique({ where: { inviteToken: token }, include: { contract: true } });
  if (!party || party.contract.status === "DRAFT" || party.contract.status === "DISCARDED") return null;
  return linkPartyFor(user, party, party.contract.initiatorId) ? party : null;
}

type SignPayload = IntentPayload<"SIGN">;

/** The signer's own text fields must each be filled; nothing else may be written through them. */
async function ownFieldValues(contractId: string, partySeq: number, given: Record<string, string> | undefined): Promise<ActionResult<Record<string, string>>> {
  const mine = await db().signField.findMany({ where: { contractId, partySeq, kind: "TEXT" }, orderBy: { id: "asc" } });
  const values: Record<string, string> = {};
  for (const f of mine) {
    const v = given?.[f.id]?.trim();
    if (!v) return fieldFail(`fieldValues.${f.id}`, "请填写此项");
    values[f.id] = v;
  }
  return ok(values);
}

/**
 * 签署 step 1: the chosen signature and the contract version are held in a face check
 * (签署意愿验证). The initiator's signature initiates a draft; a recipient's signs.
 */
export async function signStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string; methods: IntentMethods }>> {
  const parsed = parseInput(signStartSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { contractId, version, token, signature } = parsed.data;
  if (!user.verifiedAt) return fail("请先完成实名认证");
  const c = await db().contract.findUnique({ where: { id: contractId }, include: { parties: true } });
  if (!c) return fail("合同不存在");
  if (c.version !== version) return fail("合同状态已变化，请刷新");
  const renamed = renameBlockedReason(c, user);
  if (renamed) return fail(renamed);
  const held = await frozenHold(c);
  if (held) return fail(held);

  let party: Party | undefined;
  let action: SignPayload["action"];
  const initiatorParty = c.parties.find((p) => p.isInitiator);
  if (c.status === "DRAFT" && c.initiatorId === user.id) {
    if (counterpartySignsFirst(c.kind, initiatorParty?.role)) return fail("请先发起，对方签署后您再签署");
    if (sendsWithoutSigning(c.kind, initiatorParty?.role)) return fail("请确认开具，由收款人签署");
    action = "initiate";
    party = c.parties.find((p) => p.isInitiator);
    const today = shanghaiToday(now());
    const t = wizardTemplateById(c.kind);
    if (t && !templateFactsReady(c, today, user)) return fail(`${t.noun ?? "合同"}信息需要更新，请返回修改后再签署`);
    const ownError = await ownInitiateError(c, c.parties.length, user);
    if (ownError) return fail(ownError);
    if ((await contractFee(user.id, c)).due) return fail("请先支付合同费用");
  } else if (c.status === "PENDING_SIGN" && c.initiatorId === user.id && initiatorParty?.status === "WAITING_SIGN") {
    // 对方先签: the initiator signs last
    action = "sign";
    party = initiatorParty;
    if (c.parties.some((p) => !p.isInitiator && p.status !== "SIGNED")) return fail("请等待对方签署后再签署");
  } else {
    action = "sign";
    party = c.parties.find((p) => p.inviteToken === token);
    if (!party || !linkPartyFor(user, party, c.initiatorId)) return fail("合同不存在");
    if (c.status !== "PENDING_SIGN" || party.status !== "WAITING_SIGN") return fail("合同状态已变化，请刷新");
    if (namedPersonMismatch(party, user)) return fail("您的实名信息与合同中的签署方不一致，无法签署");
    if (!signersDue(c.parties, c.signOrdered).some((p) => p.id === party!.id)) return fail("本合同按顺序签署，请等待前一位签署方签署后再签");
  }
  if (!party) return fail("合同不存在");

  let signatureSha256: string | null = null;
  if ("savedId" in signature) {
    const saved = await db().savedSignature.findFirst({ where: { id: signature.savedId, userId: user.id, deletedAt: null, invalidatedAt: null } });
    signatureSha256 = saved?.sha256 ?? null;
  } else {
    signatureSha256 = await saveSignature(user.id, signature.png);
  }
  if (!signatureSha256) return fieldFail("signature", "签名无效，请重新签写");

  const fieldValues = await ownFieldValues(c.id, party.seq, parsed.data.fieldValues);
  if (!fieldValues.ok) return fieldValues;
  const payload: SignPayload = { contractId, version, action, partyId: party.id, signatureSha256, fieldValues: fieldValues.data };
  const faceCheckId = await db().$transaction((tx) => startFaceCheck(tx, user.id, "SIGN", payload));
  return ok({ faceCheckId, methods: await intentMethods(user) });
}

/** 确认领取 (收据 issued by the payee), step 1: held in a face check like a signature; step 2 is signFinish. */
export async function claimStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string; methods: IntentMethods }>> {
  const parsed = parseInput(supplementSchema, input);
  if (!parsed.success) return fail("请求无效");
  if (!user.verifiedAt) return fail("请先完成实名认证");
  const party = await partyAtLink(user, parsed.data.token);
  if (!party) return fail("合同不存在");
  if (party.contract.version !== parsed.data.version || party.contract.status !== "PENDING_CLAIM" || party.status !== "WAITING_SIGN") return fail("合同状态已变化，请刷新");
  if (namedPersonMismatch(party, user)) return fail("您的实名信息与收据中的付款人不一致，无法领取");
  const renamed = renameBlockedReason(party.contract, user);
  if (renamed) return fail(renamed);
  const held = await frozenHold({ initiatorId: party.contract.initiatorId, parties: [party] });
  if (held) return fail(held);
  const payload: SignPayload = { contractId: party.contractId, version: parsed.data.version, action: "claim", partyId: party.id, signatureSha256: null, fieldValues: {} };
  const faceCheckId = await db().$transaction((tx) => startFaceCheck(tx, user.id, "SIGN", payload));
  return ok({ faceCheckId, methods: await intentMethods(user) });
}

/** 签署 step 2: a passed face check applies the signature through the lifecycle, once. */
export async function signFinish(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<{ contractId: string }>> {
  const proven = await proveIntent(user, input, ["SIGN"]);
  if (!proven.ok) return proven;
  const { check, method } = proven.data;
  const p = heldPayload("SIGN", check.payload);
  if (!p) return fail("意愿核验已失效，请重新签署");
  try {
    await runTransition({
      contractId: p.contractId,
      action: p.action,
      actor: { userId: user.id, partyId: p.partyId, ...meta },
      expectVersion: p.version,
      detail: { ...(p.signatureSha256 ? { signatureSha256: p.signatureSha256 } : {}), verification: method.toLowerCase(), faceCheckId: check.id },
      apply: async (tx, c) => {
        if (!(await consumeFaceCheck(tx, user.id, check.id, "SIGN"))) throw new ContractError("REFUSED", "意愿核验已失效，请重新签署");
        // checked again at the moment of signing: the certificate will carry this party's name
        const signer = c.parties.find((x) => x.id === p.partyId);
        if (!signer || namedPersonMismatch(signer, user)) throw new ContractError("REFUSED", "您的实名信息与合同中的签署方不一致，无法签署");
        if (p.action === "initiate") {
          const feeError = await feeAtInitiation(tx, user.id, c);
          if (feeError) throw new ContractError("REFUSED", feeError);
        }
        // the status is the table's (runTransition); 确认领取 confirms without a signature image, signing stores the chosen one
        await tx.party.update({ where: { id: p.partyId }, data: p.action === "claim" ? { userId: user.id } : { signatureSha256: p.signatureSha256, userId: user.id } });
        const party = await tx.party.findUniqueOrThrow({ where: { id: p.partyId } });
        for (const [id, value] of Object.entries(p.fieldValues ?? {})) {
          await tx.signField.updateMany({ where: { id, contractId: p.contractId, partySeq: party.seq, kind: "TEXT" }, data: { value } });
        }
      },
    });
    return ok({ contractId: p.contractId });
  } catch (e) {
    return asResult(e);
  }
}

/** 补充信息: the recipient confirms their identity from their real-name profile. */
export async function supplementInfo(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<undefined>> {
  const parsed = parseInput(supplementSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt || !user.birthDate) return fail("请先完成实名认证");
  const party = await partyAtLink(user, parsed.data.token);
  if (!party) return fail("合同不存在");
  const b = user.birthDate;
  const born = { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate() };
  const t = wizardTemplateById(party.contract.kind);
  const ageError = t ? ageRangeError(t, born, shanghaiToday(now()), "self") : null;
  if (ageError) return fail(ageError);
  const initiator = await db().user.findUnique({ where: { id: party.contract.initiatorId } });
  if (initiator?.idNumberHash === user.idNumberHash) return fail("对方不能是发起人本人");
  try {
    await runTransition({
      contractId: party.contractId,
      action: "supplement",
      actor: { userId: user.id, partyId: party.id, ...meta },
      expectVersion: parsed.data.version,
      check: (c) => {
        if (c.parties.find((p) => p.id === party.id)?.status !== "WAITING_INFO") throw new ContractError("STALE", "合同状态已变化，请刷新");
      },
      // the status (→ WAITING_SIGN) is the table's; the identity comes from the real-name profile
      apply: async (tx) => {
        await tx.party.update({ where: { id: party.id }, data: partyIdentityOf(user) });
      },
    });
    return ok(undefined);
  } catch (e) {
    return asResult(e);
  }
}

/** 拒签 with a reason. */
export async function rejectContract(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<undefined>> {
  const parsed = parseInput(rejectSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { token, contractId } = parsed.data;
  const party = token
    ? await partyAtLink(user, token)
    : await db().party.findFirst({ where: { contractId, isInitiator: true, contract: { initiatorId: user.id } } });
  if (!party) return fail("合同不存在");
  try {
    await runTransition({
      contractId: party.contractId,
      action: "reject",
      actor: { userId: user.id, partyId: party.id, ...meta },
      expectVersion: parsed.data.version,
      detail: { reason: parsed.data.reason },
      apply: async (tx) => {
        await tx.party.update({ where: { id: party.id }, data: { rejectReason: parsed.data.reason, userId: user.id } });
      },
    });
    return ok(undefined);
  } catch (e) {
    return asResult(e);
  }
}

/** 撤销 (initiator, before the other side acted) and 催办 (at most once an hour). */
export async function initiatorAction(
  user: User,
  action: "revoke" | "urge" | "discard",
  input: unknown,
  meta: { ip: string; userAgent: string },
): Promise<ActionResult<undefined>> {
  const parsed = parseInput(contractVersionSchema, input);
  if (!parsed.success) return fail("请求无效");
  const actor: Actor = { userId: user.id, ...meta };
  try {
    await runTransition({
      contractId: parsed.data.contractId,
      action,
      actor,
      expectVersion: parsed.data.version,
      check: (c, role) => {
        if (role !== "INITIATOR") throw new ContractError("NOT_FOUND", "合同不存在");
        if (action !== "urge") return;
        const last = Math.max(0, ...c.parties.map((p) => p.lastUrgedAt?.getTime() ?? 0));
        if (now().getTime() - last < URGE_INTERVAL_MS) throw new ContractError("REFUSED", "每小时只能催办一次，请稍后再试");
      },
      apply: async (tx, c) => {
        if (action === "urge") await tx.party.updateMany({ where: { contractId: c.id, isInitiator: false }, data: { lastUrgedAt: now() } });
        if (action === "revoke" || action === "discard") await tx.contract.update({ where: { id: c.id }, data: { endedAt: now() } });
      },
    });
    return ok(undefined);
  } catch (e) {
    return asResult(e);
  }
}

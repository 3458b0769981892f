import "server-only";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { signPasswordError } from "@/lib/domain/sign-password";
import { hashSignPassword, intentMethods, activeCredentials, registrationOptions, verifyRegistration } from "@/lib/server/identity";
import { credentialStartSchema, preferredMethodSchema, savedItemSchema, signPasswordSetSchema } from "@/lib/validation/account";
import { accountEvent, holdAccountChange, type AccountOp } from "./hold";
import { parseInput } from "@/lib/validation/input";

// 签署认证方式: the signing password and 指纹/面容 ID credentials, each set up after a face check,
// and which method the verification dialog offers first.

export const CREDENTIAL_LABELS = { FINGERPRINT: "指纹", FACE_ID: "面容 ID" } as const;
const MAX_CREDENTIALS = 5;

export async function verificationSettings(user: User) {
  const credentials = await activeCredentials(user.id);
  return {
    preferred: (await intentMethods(user)).preferred,
    hasPassword: Boolean(user.signPasswordHash),
    passwordLockedUntil: user.signPasswordLockedUntil && user.signPasswordLockedUntil > now() ? user.signPasswordLockedUntil : null,
    credentials: credentials.map((c) => ({ id: c.id, label: c.label as keyof typeof CREDENTIAL_LABELS, createdAt: c.createdAt, lastUsedAt: c.lastUsedAt })),
  };
}

const birthOf = (user: User) => (user.birthDate ? { y: user.birthDate.getUTCFullYear(), m: user.birthDate.getUTCMonth() + 1, d: user.birthDate.getUTCDate() } : null);

/** 设置签署密码, step 1: the rules are checked and the hash is held until the face check passes. */
export async function signPasswordStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string }>> {
  const parsed = parseInput(signPasswordSetSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt) return fail("请先完成实名认证");
  const rule = signPasswordError(parsed.data.password, birthOf(user));
  if (rule) return fieldFail("password", rule);
  return ok(await holdAccountChange(user.id, { op: "signPassword", hash: await hashSignPassword(parsed.data.password) }));
}

/** 开通指纹 / 面容 ID, step 1: the registration challenge is issued and held with the face check. */
export async function credentialStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string; options: PublicKeyCredentialCreationOptionsJSON }>> {
  const parsed = parseInput(credentialStartSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt) return fail("请先完成实名认证");
  if ((await activeCredentials(user.id)).length >= MAX_CREDENTIALS) return fail(`最多开通${MAX_CREDENTIALS}个指纹或面容 ID`);
  const options = await registrationOptions(user);
  const held = await holdAccountChange(user.id, { op: "credential", label: parsed.data.label, challenge: options.challenge });
  return ok({ ...held, options });
}

type Applied = { kind: string; detail: Record<string, string> };

export async function applySignPassword(tx: Tx, user: User, op: Extract<AccountOp, { op: "signPassword" }>): Promise<Applied> {
  await tx.user.update({ where: { id: user.id }, data: { signPasswordHash: op.hash, signPasswordFails: 0, signPasswordLockedUntil: null, preferredVerification: "PASSWORD" } });
  return { kind: "signPassword.set", detail: {} };
}

/** The attestation must answer the challenge held with this face check, from our origin, with user verification. */
export async function applyCredential(tx: Tx, user: User, op: Extract<AccountOp, { op: "credential" }>, attestation: unknown): Promise<Applied | string> {
  if (!attestation) return "请在本机完成指纹或面容 ID 验证";
  const cred = await verifyRegistration(attestation as RegistrationResponseJSON, op.challenge);
  if (!cred) return "指纹或面容 ID 验证未通过，请重试";
  if (await tx.webAuthnCredential.findUnique({ where: { credentialId: cred.credentialId } })) return "该设备已开通，无需重复开通";
  await tx.webAuthnCredential.create({ data: { userId: user.id, ...cred, label: op.label, createdAt: now() } });
  await tx.user.update({ where: { id: user.id }, data: { preferredVerification: "WEBAUTHN" } });
  return { kind: "credential.add", detail: { label: op.label } };
}

/** 优先验证方式: only a method the user has set up; the face check is always allowed. */
export async function preferredSet(user: User, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(preferredMethodSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const method = parsed.data.method;
  if (method === "PASSWORD" && !user.signPasswordHash) return fieldFail("method", "请先设置签署密码");
  if (method === "WEBAUTHN" && (await activeCredentials(user.id)).length === 0) return fieldFail("method", "请先开通指纹或面容 ID");
  await db().user.update({ where: { id: user.id }, data: { preferredVerification: method } });
  return ok(undefined);
}

/** 关闭: turning a method off needs no face check (it only takes a way in away). */
export async function credentialDelete(user: User, input: unknown, ip: string): Promise<ActionResult<undefined>> {
  const parsed = parseInput(savedItemSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const gone = await tx.webAuthnCredential.updateMany({ where: { id: parsed.data.id, userId: user.id, deletedAt: null }, data: { deletedAt: now() } });
    if (gone.count !== 1) return fail("该验证方式不存在");
    await accountEvent(tx, user.id, "credential.remove", { id: parsed.data.id }, ip);
    return ok(undefined);
  });
}

export async function signPasswordClear(user: User, ip: string): Promise<ActionResult<undefined>> {
  if (!user.signPasswordHash) return fail("您尚未设置签署密码");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { signPasswordHash: null, signPasswordFails: 0, signPasswordLockedUntil: null, ...(user.preferredVerification === "PASSWORD" ? { preferredVerification: "FACE" } : {}) } });
    await accountEvent(tx, user.id, "signPassword.clear", {}, ip);
  });
  return ok(undefined);
}

import "server-only";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { FaceCheck, User } from "@prisma/client";
import type { IntentMethods, VerifyMethod } from "@/lib/domain/account";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, type ActionResult } from "@/lib/server/result";
import { intentCheckRefSchema, intentProofSchema } from "@/lib/validation/identity";
import { FACE_CHECK_TTL_MS, type FacePurpose } from "./face-check";
import { faceCheckProvider } from "./providers";
import { checkSignPassword } from "./sign-password";
import { activeCredentials, authenticationOptions, verifyAssertion } from "./webauthn";
import { parseInput } from "@/lib/validation/input";

// 意愿验证: a signature, rescission or settlement is held in a pending check (the FaceCheck row
// carries what is held) and carried out once its holder proves it is them by one of the methods
// they have set up. The face check is always available.

export type { IntentMethods, VerifyMethod };

/** What the verification dialog offers this user, the preferred method first. */
export async function intentMethods(user: User): Promise<IntentMethods> {
  const webauthn = (await activeCredentials(user.id)).length > 0;
  const password = Boolean(user.signPasswordHash);
  const wanted = user.preferredVerification as VerifyMethod;
  const preferred = (wanted === "PASSWORD" && password) || (wanted === "WEBAUTHN" && webauthn) ? wanted : "FACE";
  return { preferred, password, webauthn };
}

const EXPIRED = "意愿核验已失效，请重新操作";

async function pendingCheck(userId: string, faceCheckId: string, purposes: FacePurpose[]): Promise<FaceCheck | null> {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId, status: "PENDING" } });
  if (!row || !purposes.includes(row.purpose as FacePurpose) || now().getTime() - row.createdAt.getTime() > FACE_CHECK_TTL_MS) return null;
  return row;
}

/** The WebAuthn challenge for a pending check; a new request replaces the previous challenge. */
export async function intentWebauthnOptions(user: User, input: unknown, purposes: FacePurpose[]): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const parsed = parseInput(intentCheckRefSchema, input);
  if (!parsed.success) return fail("请求无效");
  const row = await pendingCheck(user.id, parsed.data.faceCheckId, purposes);
  if (!row) return fail(EXPIRED);
  const options = await authenticationOptions(user.id);
  if (!options) return fail("您尚未开通指纹或面容 ID 签署");
  await db().faceCheck.updateMany({ where: { id: row.id, status: "PENDING" }, data: { challenge: options.challenge } });
  return ok(options);
}

/**
 * Judges a proof for a pending check of the given purpose. Passed: the row is PASSED with the
 * method, ready for the caller's transaction to consume it with what it holds. A wrong password or
 * a refused assertion leaves the check pending (a field error: the dialog stays open); a wrong
 * password also counts towards the lock.
 */
export async function proveIntent(user: User, input: unknown, purposes: FacePurpose[]): Promise<ActionResult<{ check: FaceCheck; method: VerifyMethod }>> {
  const parsed = parseInput(intentProofSchema, input);
  if (!parsed.success) return fail("请求无效");
  const proof = parsed.data;
  const row = await pendingCheck(user.id, proof.faceCheckId, purposes);
  if (!row) return fail(EXPIRED);
  const settle = async (method: VerifyMethod, passed: boolean) => {
    const moved = await db().faceCheck.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status: passed ? "PASSED" : "FAILED", method, completedAt: now(), challenge: null },
    });
    return moved.count === 1;
  };

  if ("face" in proof) {
    // the verdict is the provider's, asked for by its reference — never the browser's word
    const result = await faceCheckProvider().result(row.providerRef ?? "");
    if (result === "PENDING") return fieldFail("face", "请先完成人脸核验");
    const passed = result === "PASSED";
    if (!(await settle("FACE", passed))) return fail(EXPIRED);
    return passed ? ok({ check: row, method: "FACE" }) : fail("人脸核验未通过，请重试");
  }
  if ("password" in proof) {
    const verdict = await db().$transaction((tx) => checkSignPassword(tx, user, proof.password));
    if (!verdict.ok) return fieldFail("password", verdict.message);
    return (await settle("PASSWORD", true)) ? ok({ check: row, method: "PASSWORD" }) : fail(EXPIRED);
  }
  if (!row.challenge) return fieldFail("webauthn", "请重新发起指纹或面容 ID 验证");
  const passed = await db().$transaction((tx) => verifyAssertion(tx, user.id, proof.webauthn as unknown as AuthenticationResponseJSON, row.challenge!));
  if (!passed) {
    // The challenge is single-use either way; a retry asks for a new one.
    await db().faceCheck.updateMany({ where: { id: row.id, status: "PENDING" }, data: { challenge: null } });
    return fieldFail("webauthn", "指纹或面容 ID 验证未通过，请重试或改用人脸核身");
  }
  return (await settle("WEBAUTHN", true)) ? ok({ check: row, method: "WEBAUTHN" }) : fail(EXPIRED);
}

import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { FaceCheck, User } from "@prisma/client";
import type { IntentMethods, VerifyMethod } from "@/lib/domain/account";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, type ActionResult } from "@/lib/server/result";
import { intentCheckRefSchema, intentProofSchema } from "@/lib/validation/identity";
import { heldPayload, type IntentPayload } from "@/lib/validation/intent";
import { parseInput } from "@/lib/validation/input";
import { FACE_CHECK_TTL_MS, type FacePurpose } from "./face-check";
import { METHODS, PURPOSE_METHODS, methodOf } from "./methods";

// 意愿验证: whatever is to be done (a signature, a rescission or settlement, an account change,
// 实名, the admin second factor) is held in a pending check (the FaceCheck row carries what is
// held) and carried out once its holder proves it is them by one of the methods its purpose
// offers (methods.ts). The caller then consumes the passed check in the transaction that acts.

export type { IntentMethods, VerifyMethod };

/** What the verification dialog offers this user for a purpose, the preferred method first. */
export async function intentMethods(user: User, purpose: FacePurpose = "SIGN"): Promise<IntentMethods> {
  const offered = PURPOSE_METHODS[purpose];
  const usable = async (m: VerifyMethod) => offered.includes(m) && (await METHODS[m].available(user));
  const [face, password, webauthn] = await Promise.all([usable("FACE"), usable("PASSWORD"), usable("WEBAUTHN")]);
  const has: Record<VerifyMethod, boolean> = { FACE: face, PASSWORD: password, WEBAUTHN: webauthn };
  const wanted = user.preferredVerification as VerifyMethod;
  // the face check where offered; a purpose without it falls back to what the user has set up
  const preferred = has[wanted] ? wanted : face ? "FACE" : password ? "PASSWORD" : "WEBAUTHN";
  return { preferred, password, webauthn };
}

const EXPIRED = "意愿核验已失效，请重新操作";
const NOT_OFFERED = "该操作不能使用此验证方式";

/** Which pending checks a caller may prove: of these purposes, and (optionally) holding what it expects. */
type Held<P extends FacePurpose> = (held: IntentPayload<P>) => boolean;

async function pendingCheck<P extends FacePurpose>(userId: string, faceCheckId: string, purposes: readonly P[], holds?: Held<P>): Promise<(FaceCheck & { purpose: P }) | null> {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId, status: "PENDING", purpose: { in: [...purposes] } } });
  if (!row || now().getTime() - row.createdAt.getTime() > FACE_CHECK_TTL_MS) return null;
  const purpose = row.purpose as P;
  if (holds) {
    // e.g. the admin factor's session: a check started elsewhere is not this caller's to prove
    const held = heldPayload(purpose, row.payload);
    if (!held || !holds(held)) return null;
  }
  return { ...row, purpose };
}

/** The WebAuthn challenge for a pending check; a new request replaces the previous challenge. */
export async function intentWebauthnOptions<P extends FacePurpose>(user: User, input: unknown, purposes: readonly P[], holds?: Held<P>): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const parsed = parseInput(intentCheckRefSchema, input);
  if (!parsed.success) return fail("请求无效");
  const row = await pendingCheck(user.id, parsed.data.faceCheckId, purposes, holds);
  if (!row) return fail(EXPIRED);
  const offered = PURPOSE_METHODS[row.purpose];
  const issue = METHODS.WEBAUTHN.challenge;
  if (!issue || !offered.includes("WEBAUTHN")) return fail(NOT_OFFERED);
  return issue({ user, check: row, offered });
}

/** Where a proof leaves a pending check; proveIntent says it as an action result. */
export type IntentVerdict =
  | { kind: "passed"; check: FaceCheck; method: VerifyMethod }
  | { kind: "retry"; field: string; message: string } // still pending: the dialog stays open
  | { kind: "failed"; message: string } // the check is FAILED: a new one must be started
  | { kind: "refused"; message: string } // a malformed request, or a method this purpose does not offer
  | { kind: "expired" }; // no such pending check for this caller (unknown, expired, settled or consumed)

/**
 * Judges a proof for a pending check of one of the given purposes with the method the proof
 * names. Passed: the row is PASSED with the method, ready for the caller's transaction to consume
 * it with what it holds.
 */
export async function judgeIntent<P extends FacePurpose>(user: User, input: unknown, purposes: readonly P[], holds?: Held<P>): Promise<IntentVerdict> {
  const parsed = parseInput(intentProofSchema, input);
  if (!parsed.success) return { kind: "refused", message: "请求无效" };
  const row = await pendingCheck(user.id, parsed.data.faceCheckId, purposes, holds);
  if (!row) return { kind: "expired" };
  const method = methodOf(parsed.data);
  const offered = PURPOSE_METHODS[row.purpose];
  // before judging: a refused method must not count a password try nor ask a provider
  if (!offered.includes(method.method)) return { kind: "refused", message: NOT_OFFERED };
  const judged = await method.judge({ user, check: row, offered }, parsed.data);
  if (judged.kind === "retry") return { kind: "retry", field: method.field, message: judged.message };
  const moved = await db().faceCheck.updateMany({
    where: { id: row.id, status: "PENDING" },
    data: { status: judged.kind === "passed" ? "PASSED" : "FAILED", method: method.method, completedAt: now(), challenge: null },
  });
  if (moved.count !== 1) return { kind: "expired" };
  return judged.kind === "passed" ? { kind: "passed", check: row, method: method.method } : judged;
}

/**
 * judgeIntent as an action result: a wrong password or a refused assertion is a field error (the
 * check stays pending; a wrong password also counts towards the lock).
 */
export async function proveIntent<P extends FacePurpose>(user: User, input: unknown, purposes: readonly P[], holds?: Held<P>): Promise<ActionResult<{ check: FaceCheck; method: VerifyMethod }>> {
  const v = await judgeIntent(user, input, purposes, holds);
  switch (v.kind) {
    case "passed":
      return ok({ check: v.check, method: v.method });
    case "retry":
      return fieldFail(v.field, v.message);
    case "failed":
    case "refused":
      return fail(v.message);
    case "expired":
      return fail(EXPIRED);
  }
}

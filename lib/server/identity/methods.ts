import "server-only";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { FaceCheck, User } from "@prisma/client";
import type { VerifyMethod } from "@/lib/domain/account";
import type { IntentProof } from "@/lib/validation/identity";
import type { IntentPurpose } from "@/lib/validation/intent";
import { db } from "@/lib/server/db";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { log } from "@/lib/server/log";
import { FaceProviderError, faceCheckProvider, type FaceResult } from "./providers";
import { expectedIdentity } from "./face-identity";
import { checkSignPassword } from "./sign-password";
import { activeCredentials, authenticationOptions, verifyAssertion } from "./webauthn";

// 意愿验证 methods, one object each: whether a user has it, what it sets up for a pending check,
// and how it judges a proof. proveIntent (intent.ts) looks the method up here and settles the
// check; a method never decides the check's status itself, so every purpose is settled alike.

/** Which methods prove each purpose. The signing dialog (签署, 解除/结清) offers all three; account
 * changes and 实名 need the face itself; the admin second factor needs what only the admin knows
 * or holds, never a face check anyone at the desk could pass for an open session. */
export const PURPOSE_METHODS: Record<IntentPurpose, readonly VerifyMethod[]> = {
  SIGN: ["FACE", "PASSWORD", "WEBAUTHN"],
  INTENT: ["FACE", "PASSWORD", "WEBAUTHN"],
  ACCOUNT: ["FACE"],
  REAL_NAME: ["FACE"],
  ADMIN_FACTOR: ["PASSWORD", "WEBAUTHN"],
};

/** What a method makes of a proof: passed; retry (a field error, the check stays pending); failed (the check is over). */
export type Judgement = { kind: "passed" } | { kind: "retry"; message: string } | { kind: "failed"; message: string };

/** A pending check being proven, and the methods its purpose offers (messages point to the others). */
export type Proving = { user: User; check: FaceCheck; offered: readonly VerifyMethod[] };

/** The key naming a method in a proof, which is also the dialog field its errors show under. */
type ProofKey = "face" | "password" | "webauthn";
type ProofWith<K extends ProofKey> = Extract<IntentProof, Record<K, unknown>>;

type MethodSpec<K extends ProofKey> = {
  method: VerifyMethod;
  field: K;
  /** Whether this user can prove an intent this way. */
  available(user: User): Promise<boolean>;
  /** Issued on request for a pending check and stored on its row (WebAuthn: the assertion options). */
  challenge?(p: Proving): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>>;
  judge(p: Proving, proof: ProofWith<K>): Promise<Judgement>;
};

export type IntentMethod = Omit<MethodSpec<ProofKey>, "judge"> & {
  /** Judges a proof; only ever given one carrying this method's key (methodOf). */
  judge(p: Proving, proof: IntentProof): Promise<Judgement>;
};

// Each method is written against its own proof shape; the registry holds them all alike.
function defineMethod<K extends ProofKey>(spec: MethodSpec<K>): IntentMethod {
  const owns = (proof: IntentProof): proof is ProofWith<K> => spec.field in proof;
  return {
    ...spec,
    judge: (p, proof) => {
      if (!owns(proof)) throw new Error(`not a ${spec.method} proof`);
      return spec.judge(p, proof);
    },
  };
}

const PASSED: Judgement = { kind: "passed" };
const retry = (message: string): Judgement => ({ kind: "retry", message });

export const METHODS: Record<VerifyMethod, IntentMethod> = {
  FACE: defineMethod({
    method: "FACE",
    field: "face",
    // everyone who can hold a check has a face; the provider decides whether it matches
    available: async () => true,
    // the provider's session is opened when the person turns to the face check (faceCheckLaunch)
    async judge({ user, check }) {
      if (!check.providerRef) return retry("请先完成人脸核验");
      const provider = faceCheckProvider();
      // a session another provider holds (the configuration changed) cannot be asked about here
      if (check.provider !== provider.name) return { kind: "failed", message: "人脸核验已失效，请重新操作" };
      // the verdict is the provider's, asked for by its reference — never the browser's word
      let result: FaceResult;
      try {
        result = await provider.result(check.providerRef, { checkId: check.id, identity: expectedIdentity(check, user) });
      } catch (e) {
        if (!(e instanceof FaceProviderError)) throw e;
        log().warn({ checkId: check.id, err: e.message }, "face check: the provider could not be asked");
        return retry(e.userMessage); // the check stays pending: asked again on the next try
      }
      if (result === "PENDING") return retry("请先完成人脸核验");
      return result === "PASSED" ? PASSED : { kind: "failed", message: "人脸核验未通过，请重试" };
    },
  }),

  PASSWORD: defineMethod({
    method: "PASSWORD",
    field: "password",
    available: async (user) => Boolean(user.signPasswordHash),
    async judge({ user }, proof) {
      // a wrong try is counted towards the lock (checkSignPassword) and the check stays pending
      const verdict = await db().$transaction((tx) => checkSignPassword(tx, user, proof.password));
      return verdict.ok ? PASSED : retry(verdict.message);
    },
  }),

  WEBAUTHN: defineMethod({
    method: "WEBAUTHN",
    field: "webauthn",
    available: async (user) => (await activeCredentials(user.id)).length > 0,
    async challenge({ user, check, offered }) {
      const options = await authenticationOptions(user.id);
      // the signing dialog names the feature as 签署认证方式 sets it up
      if (!options) return fail(offered.includes("FACE") ? "您尚未开通指纹或面容 ID 签署" : "您尚未开通指纹或面容 ID");
      // a new request replaces the previous challenge
      await db().faceCheck.updateMany({ where: { id: check.id, status: "PENDING" }, data: { challenge: options.challenge } });
      return ok(options);
    },
    async judge({ user, check, offered }, proof) {
      // Single-use: the challenge is taken off the row before the assertion is checked, so a
      // retry, a replay or a parallel try has to ask for a new one.
      const challenge = check.challenge;
      const taken = challenge ? await db().faceCheck.updateMany({ where: { id: check.id, status: "PENDING", challenge }, data: { challenge: null } }) : null;
      if (!challenge || taken?.count !== 1) return retry("请重新发起指纹或面容 ID 验证");
      const passed = await db().$transaction((tx) => verifyAssertion(tx, user.id, proof.webauthn as unknown as AuthenticationResponseJSON, challenge));
      if (passed) return PASSED;
      return retry(offered.includes("FACE") ? "指纹或面容 ID 验证未通过，请重试或改用人脸核身" : "指纹或面容 ID 验证未通过");
    },
  }),
};

/** The method a proof is for: the proof names it by its key (face / password / webauthn). */
export function methodOf(proof: IntentProof): IntentMethod {
  const found = Object.values(METHODS).find((m) => m.field in proof);
  if (!found) throw new Error("a proof without a method");
  return found;
}

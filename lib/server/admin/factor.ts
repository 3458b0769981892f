import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { consumeFaceCheck, startFaceCheck, intentWebauthnOptions, proveIntent } from "@/lib/server/identity";
import type { IntentPayload } from "@/lib/validation/intent";
import { adminAudit } from "./audit";

// 管理后台二次验证: once per sign-in session, proven like any other intent — a pending check
// (purpose ADMIN_FACTOR) bound to this admin and this session, proven with the signing password or
// 指纹/面容 ID (the purpose offers nothing else), and consumed in the transaction recording the pass.
export const ADMIN_FACTOR_TTL_MS = 12 * 3600_000;

/** Only a check started in this very session may pass it. */
const forSession = (sessionId: string) => (held: IntentPayload<"ADMIN_FACTOR">) => held.sessionId === sessionId;

/** Opens the pending check the form then proves. */
export async function adminFactorStart(user: User, sessionId: string): Promise<ActionResult<{ faceCheckId: string }>> {
  const faceCheckId = await db().$transaction((tx) => startFaceCheck(tx, user.id, "ADMIN_FACTOR", { sessionId }));
  return ok({ faceCheckId });
}

/** The WebAuthn challenge for this session's pending check (`{ faceCheckId }`). */
export function adminFactorOptions(user: User, sessionId: string, input: unknown): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  return intentWebauthnOptions(user, input, ["ADMIN_FACTOR"], forSession(sessionId));
}

/** Passes the factor for this session with a proof of its pending check; returns when it expires (the caller sets the proxy's cookie). */
export async function adminFactorVerify(user: User, sessionId: string, input: unknown, ip: string): Promise<ActionResult<{ expiresAt: Date }>> {
  const proven = await proveIntent(user, input, ["ADMIN_FACTOR"], forSession(sessionId));
  if (!proven.ok) return proven;
  const { check, method } = proven.data;
  const at = now();
  const expiresAt = new Date(at.getTime() + ADMIN_FACTOR_TTL_MS);
  const passed = await db().$transaction(async (tx) => {
    const taken = await consumeFaceCheck(tx, user.id, check.id, "ADMIN_FACTOR");
    if (!taken || !forSession(sessionId)(taken.payload)) return false;
    await tx.adminFactor.upsert({
      where: { sessionId },
      create: { sessionId, userId: user.id, method, passedAt: at, expiresAt, createdAt: at },
      update: { userId: user.id, method, passedAt: at, expiresAt },
    });
    await adminAudit(tx, user, { action: "admin.factor", targetType: "session", targetId: null, summary: `管理后台二次验证通过（${method === "PASSWORD" ? "签署密码" : "指纹/面容 ID"}）`, ip });
    return true;
  });
  return passed ? ok({ expiresAt }) : fail("意愿核验已失效，请重新操作");
}

import "server-only";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, type ActionResult } from "@/lib/server/result";
import { checkSignPassword } from "@/lib/server/identity/sign-password";
import { authenticationOptions, verifyAssertion } from "@/lib/server/identity/webauthn";
import { adminFactorSchema } from "@/lib/validation/admin";
import { adminAudit } from "./audit";
import { parseInput } from "@/lib/validation/input";

// 管理后台二次验证: once per sign-in session, with the admin's own signing password or 指纹/面容 ID.
export const ADMIN_FACTOR_TTL_MS = 12 * 3600_000;

async function pass(user: User, sessionId: string, method: "PASSWORD" | "WEBAUTHN", ip: string): Promise<Date> {
  const at = now();
  await db().$transaction(async (tx) => {
    await tx.adminFactor.upsert({
      where: { sessionId },
      create: { sessionId, userId: user.id, method, passedAt: at, expiresAt: new Date(at.getTime() + ADMIN_FACTOR_TTL_MS), createdAt: at },
      update: { userId: user.id, method, passedAt: at, expiresAt: new Date(at.getTime() + ADMIN_FACTOR_TTL_MS), challenge: null },
    });
    await adminAudit(tx, user, { action: "admin.factor", targetType: "session", targetId: null, summary: `管理后台二次验证通过（${method === "PASSWORD" ? "签署密码" : "指纹/面容 ID"}）`, ip });
  });
  return new Date(at.getTime() + ADMIN_FACTOR_TTL_MS);
}

export async function adminFactorOptions(user: User, sessionId: string): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const options = await authenticationOptions(user.id);
  if (!options) return fail("您尚未开通指纹或面容 ID");
  const at = now();
  await db().adminFactor.upsert({ where: { sessionId }, create: { sessionId, userId: user.id, challenge: options.challenge, createdAt: at }, update: { challenge: options.challenge } });
  return ok(options);
}

/** Passes the factor for this session; returns when it expires (the caller sets the proxy's cookie). */
export async function adminFactorVerify(user: User, sessionId: string, input: unknown, ip: string): Promise<ActionResult<{ expiresAt: Date }>> {
  const parsed = parseInput(adminFactorSchema, input);
  if (!parsed.success) return fail("请求无效");
  if ("password" in parsed.data) {
    const password = parsed.data.password;
    const verdict = await db().$transaction((tx) => checkSignPassword(tx, user, password));
    if (!verdict.ok) return fieldFail("password", verdict.message);
    return ok({ expiresAt: await pass(user, sessionId, "PASSWORD", ip) });
  }
  const row = await db().adminFactor.findUnique({ where: { sessionId } });
  if (!row?.challenge || row.userId !== user.id) return fail("请重新发起指纹或面容 ID 验证");
  const assertion = parsed.data.webauthn as unknown as AuthenticationResponseJSON;
  const passed = await db().$transaction((tx) => verifyAssertion(tx, user.id, assertion, row.challenge!));
  await db().adminFactor.update({ where: { sessionId }, data: { challenge: null } });
  if (!passed) return fail("指纹或面容 ID 验证未通过");
  return ok({ expiresAt: await pass(user, sessionId, "WEBAUTHN", ip) });
}

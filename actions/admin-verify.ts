"use server";
import { cookies } from "next/headers";
import { requireAdminAccount, currentSessionId, ADMIN_FACTOR_COOKIE, adminFactorCookieValue } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import { adminFactorOptions, adminFactorStart, adminFactorVerify } from "@/lib/server/admin";
import { fail, ok } from "@/lib/server/result";
import { config } from "@/lib/server/config";

export async function adminFactorStartAction() {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  return sid ? adminFactorStart(user, sid) : fail("请重新登录");
}

export async function adminFactorOptionsAction(input: unknown) {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  return sid ? adminFactorOptions(user, sid, input) : fail("请重新登录");
}

export async function adminFactorVerifyAction(input: unknown) {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  if (!sid) return fail("请重新登录");
  const result = await adminFactorVerify(user, sid, input, (await requestMeta()).ip);
  if (!result.ok) return result;
  const { expiresAt } = result.data;
  (await cookies()).set(ADMIN_FACTOR_COOKIE, adminFactorCookieValue(sid, expiresAt), { httpOnly: true, sameSite: "lax", path: "/", expires: expiresAt, secure: config.appUrl.startsWith("https://") });
  return ok(undefined);
}

"use server";
import { requireAdminAccount, currentSessionId } from "@/lib/server/auth/session";
import { requestMeta } from "@/lib/server/request";
import { adminFactorOptions, adminFactorVerify } from "@/lib/server/admin/factor";
import { fail } from "@/lib/server/result";

export async function adminFactorOptionsAction() {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  return sid ? adminFactorOptions(user, sid) : fail("请重新登录");
}

export async function adminFactorVerifyAction(input: unknown) {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  return sid ? adminFactorVerify(user, sid, input, (await requestMeta()).ip) : fail("请重新登录");
}

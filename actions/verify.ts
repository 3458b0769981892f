"use server";
// 意愿验证 with 指纹/面容 ID: the challenge for a pending signature, rescission or settlement.
import { requireUser } from "@/lib/server/auth";
import { intentWebauthnOptions } from "@/lib/server/identity";

export async function verifyOptionsAction(input: unknown) {
  return intentWebauthnOptions(await requireUser(), input, ["SIGN", "INTENT"]);
}

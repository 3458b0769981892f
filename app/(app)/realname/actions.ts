"use server";
import { requireUser } from "@/lib/server/auth/session";
import { realNameStart, realNameFinish } from "@/lib/server/identity/real-name";
import { judgeFaceCheck } from "@/lib/server/identity/face-check";
import { faceCheckResultSchema } from "@/lib/validation/identity";
import { fail, type ActionResult } from "@/lib/server/result";
import { parseInput } from "@/lib/validation/input";
import { requestMeta } from "@/lib/server/request";

export async function realNameStartAction(input: unknown) {
  const user = await requireUser();
  return realNameStart(user.id, input, (await requestMeta()).ip);
}

/** The development face check reports its 模拟 outcome here; a pass completes 实名. */
export async function realNameFaceCheckAction(input: unknown): Promise<ActionResult<undefined>> {
  const user = await requireUser();
  const parsed = parseInput(faceCheckResultSchema, input);
  if (!parsed.success) return fail("人脸核验请求无效");
  const verdict = await judgeFaceCheck(user.id, parsed.data.faceCheckId, { simulatedOutcome: parsed.data.passed });
  if (!verdict.found || verdict.purpose !== "REAL_NAME") return fail("人脸核验已失效，请重新提交");
  if (!verdict.passed) return fail("人脸核验未通过，请重新提交实名信息后再试");
  return realNameFinish(user.id, parsed.data.faceCheckId);
}

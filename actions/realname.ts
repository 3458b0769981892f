"use server";
import { requireUser } from "@/lib/server/auth";
import { realNameStart, realNameFinish, judgeIntent } from "@/lib/server/identity";
import { faceCheckResultSchema } from "@/lib/validation/identity";
import { fail, type ActionResult } from "@/lib/server/result";
import { parseInput } from "@/lib/validation/input";
import { requestMeta } from "@/lib/server/request";

export async function realNameStartAction(input: unknown) {
  const user = await requireUser();
  return realNameStart(user.id, input, (await requestMeta()).ip);
}

/** After the face check at the provider: the server asks the provider for the result; a pass completes 实名. */
export async function realNameFaceCheckAction(input: unknown): Promise<ActionResult<undefined>> {
  const user = await requireUser();
  const parsed = parseInput(faceCheckResultSchema, input);
  if (!parsed.success) return fail("人脸核验请求无效");
  const verdict = await judgeIntent(user, { faceCheckId: parsed.data.faceCheckId, face: true }, ["REAL_NAME"]);
  // not finished at the provider yet, or the provider could not be asked: the check stays open
  if (verdict.kind === "retry") return fail(verdict.message, { face: verdict.message });
  if (verdict.kind === "failed") return fail("人脸核验未通过，请重新提交实名信息后再试");
  if (verdict.kind !== "passed") return fail("人脸核验已失效，请重新提交");
  return realNameFinish(user.id, parsed.data.faceCheckId);
}

"use server";
// 人脸核身: the person turns to the face check of a pending act — the server opens the provider's
// session and says where to do it (the provider's page, or the 模拟 pane). No outcome comes this way.
import { requireUser } from "@/lib/server/auth";
import { faceCheckLaunch } from "@/lib/server/identity";
import { faceCheckResultSchema } from "@/lib/validation/identity";
import { fail } from "@/lib/server/result";
import { parseInput } from "@/lib/validation/input";

export async function faceLaunchAction(input: unknown) {
  const user = await requireUser();
  const parsed = parseInput(faceCheckResultSchema, input);
  if (!parsed.success) return fail("人脸核验请求无效");
  return faceCheckLaunch(user, parsed.data.faceCheckId);
}

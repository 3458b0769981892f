import "server-only";
import type { IntentPayload } from "@/lib/validation/intent";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { encrypt, keyedHash } from "@/lib/server/crypto";
import { maskId } from "@/lib/domain/idcard";
import { shanghaiToday } from "@/lib/domain/dates";
import { realNameSchema } from "@/lib/validation/identity";
import { fail, fieldFail, zodFail, type ActionResult } from "@/lib/server/result";
import { realNameProvider } from "./providers";
import { consumeFaceCheck, startFaceCheck } from "./face-check";
import { consentRecord } from "@/lib/server/consent";
import { parseInput } from "@/lib/validation/input";

type PendingRealName = IntentPayload<"REAL_NAME">;

export const idHash = (idNumber: string) => keyedHash("cn-id", idNumber);

/** Step 1 of 实名认证: check name + ID, then open a face check that will confirm them. */
export async function realNameStart(userId: string, input: unknown, ip = "unknown"): Promise<ActionResult<{ faceCheckId: string }>> {
  const parsed = parseInput(realNameSchema(shanghaiToday(now())), input);
  if (!parsed.success) return zodFail(parsed.error);
  const { name, idType, idNumber, birthDate } = parsed.data;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) return fail("账号不存在");
  if (user.verifiedAt) return fail("您已完成实名认证");
  const hash = idHash(idNumber);
  const owner = await db().user.findUnique({ where: { idNumberHash: hash } });
  if (owner && owner.id !== userId) return fieldFail("idNumber", "该证件号码已被其他账号实名认证");
  const authority = await realNameProvider().verify({ name, idType, idNumber });
  if (!authority.ok) return fieldFail("idNumber", authority.message);
  const pending: PendingRealName = {
    name,
    idType,
    idEnc: encrypt(idNumber),
    idHash: hash,
    idMasked: maskId(idNumber),
    birthDate: `${birthDate.y}-${String(birthDate.m).padStart(2, "0")}-${String(birthDate.d).padStart(2, "0")}`,
  };
  const faceCheckId = await db().$transaction(async (tx) => {
    // the separate consents the form asked for (sensitive personal information, the certificate service)
    await consentRecord(tx, userId, ["SENSITIVE_PI", "CERTIFICATE"], ip);
    return startFaceCheck(tx, userId, "REAL_NAME", pending);
  });
  return { ok: true, data: { faceCheckId } };
}

/** Step 2: after a passed face check, the identity is written to the account. */
export async function realNameFinish(userId: string, faceCheckId: string): Promise<ActionResult<undefined>> {
  try {
    return await db().$transaction(async (tx) => {
      const check = await consumeFaceCheck(tx, userId, faceCheckId, "REAL_NAME");
      if (!check) return fail("人脸核验未通过或已过期，请重新认证");
      const p = check.payload;
      const updated = await tx.user.updateMany({
        where: { id: userId, verifiedAt: null },
        data: {
          realName: p.name,
          idType: p.idType ?? "CN_RESIDENT",
          idNumberEnc: p.idEnc,
          idNumberHash: p.idHash,
          idMasked: p.idMasked,
          birthDate: new Date(`${p.birthDate}T00:00:00Z`),
          verifiedAt: now(),
        },
      });
      if (updated.count !== 1) return fail("您已完成实名认证");
      return { ok: true as const, data: undefined };
    });
  } catch (e) {
    // Two accounts racing for one ID number: the unique index decides.
    if ((e as { code?: string }).code === "P2002") return fieldFail("idNumber", "该证件号码已被其他账号实名认证");
    throw e;
  }
}

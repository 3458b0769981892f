import { z } from "zod";
import { parseResidentId, ageOn } from "@/lib/domain/idcard";
import { shanghaiToday } from "@/lib/domain/dates";

/** The youngest age at which an account may complete real-name (full civil capacity). */
export const REAL_NAME_MIN_AGE = 18;

export const personNameField = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(2, "姓名至少2个字")
  .max(30, "姓名最多30个字")
  .regex(/^[\u4e00-\u9fa5·•A-Za-z ]+$/, "姓名只能包含汉字、字母和间隔号");

/** Built per request: the age rules depend on "today" (Asia/Shanghai). */
export function realNameSchema(today = shanghaiToday(new Date())) {
  return z.object({
    name: personNameField,
    idNumber: z
      .string({ error: "请输入身份证号" })
      .trim()
      .min(1, "请输入身份证号")
      .superRefine((v, ctx) => {
        const parsed = parseResidentId(v, today);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: parsed.error });
          return;
        }
        if (ageOn(parsed.birthDate, today) < REAL_NAME_MIN_AGE) {
          ctx.addIssue({ code: "custom", message: "未满18周岁，暂不能完成实名认证" });
        }
      })
      .transform((v) => v.trim().toUpperCase()),
  });
}
export type RealNameInput = z.input<ReturnType<typeof realNameSchema>>;

export const faceCheckResultSchema = z.object({
  faceCheckId: z.string().min(1).max(40),
  passed: z.boolean(),
});

const checkId = z.string().min(1).max(40);

/**
 * 意愿验证: how the holder of a pending check proves it is them — the face check (the
 * development provider's 模拟 verdict), the signing password, or a WebAuthn assertion.
 */
export const intentProofSchema = z.union([
  z.object({ faceCheckId: checkId, passed: z.boolean() }),
  z.object({ faceCheckId: checkId, password: z.string().max(32) }),
  z.object({ faceCheckId: checkId, webauthn: z.looseObject({ id: z.string().max(1024), type: z.literal("public-key") }) }),
]);
export type IntentProof = z.infer<typeof intentProofSchema>;
export const intentCheckRefSchema = z.object({ faceCheckId: checkId });

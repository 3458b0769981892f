import { z } from "zod";
import { ageOn, parsePersonId, ID_TYPES } from "@/lib/domain/idcard";
import { parseYmd, shanghaiToday } from "@/lib/domain/dates";
import { CERTIFICATE_CONSENT_MESSAGE, SENSITIVE_CONSENT_MESSAGE, ticked } from "./consent";

/** The youngest age at which an account may complete real-name (full civil capacity). */
export const REAL_NAME_MIN_AGE = 18;

export const personNameField = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(2, "姓名至少2个字")
  .max(30, "姓名最多30个字")
  .regex(/^[\u4e00-\u9fa5·•A-Za-z ]+$/, "姓名只能包含汉字、字母和间隔号");

/**
 * Built per request: the age rules depend on "today" (Asia/Shanghai). 居民身份证 and 港澳台居民居住证
 * carry the birth date; a 港澳居民来往内地通行证 holder enters it.
 */
export function realNameSchema(today = shanghaiToday(new Date())) {
  return z
    .object({
      name: personNameField,
      idType: z.enum(ID_TYPES).default("CN_RESIDENT"),
      idNumber: z.string({ error: "请输入证件号码" }).trim(),
      birthDate: z.string().trim().max(10).default(""),
      // asked separately, before anything is collected (个人信息保护法 第二十九条)
      sensitiveConsent: ticked(SENSITIVE_CONSENT_MESSAGE),
      certificateConsent: ticked(CERTIFICATE_CONSENT_MESSAGE),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (!v.idNumber) return issue("idNumber", v.idType === "CN_RESIDENT" ? "请输入身份证号" : "请输入证件号码");
      const parsed = parsePersonId(v.idType, v.idNumber, today);
      if (!parsed.ok) return issue("idNumber", parsed.error);
      const birth = parsed.birthDate ?? parseYmd(v.birthDate);
      if (!birth) return issue("birthDate", "请选择出生日期");
      if (ageOn(birth, today) < REAL_NAME_MIN_AGE) issue(parsed.birthDate ? "idNumber" : "birthDate", "未满18周岁，暂不能完成实名认证");
    })
    .transform((v) => {
      const parsed = parsePersonId(v.idType, v.idNumber, today);
      const birth = (parsed.ok && parsed.birthDate) || parseYmd(v.birthDate)!;
      return { name: v.name, idType: v.idType, idNumber: parsed.ok ? parsed.normalized : v.idNumber, birthDate: birth };
    });
}
export type RealNameInput = z.input<ReturnType<typeof realNameSchema>>;

/** After the face check at the provider: only which check — its result is the provider's to give. */
export const faceCheckResultSchema = z.object({
  faceCheckId: z.string().min(1).max(40),
});

const checkId = z.string().min(1).max(40);

/**
 * 意愿验证: how the holder of a pending check proves it is them — the face check (completed at
 * the provider, whose result the server asks for), the signing password, or a WebAuthn assertion.
 */
export const intentProofSchema = z.union([
  z.object({ faceCheckId: checkId, face: z.literal(true) }),
  z.object({ faceCheckId: checkId, password: z.string().max(32) }),
  z.object({ faceCheckId: checkId, webauthn: z.looseObject({ id: z.string().max(1024), type: z.literal("public-key") }) }),
]);
export type IntentProof = z.infer<typeof intentProofSchema>;
export const intentCheckRefSchema = z.object({ faceCheckId: checkId });

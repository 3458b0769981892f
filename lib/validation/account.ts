// 我的印章与签名: one schema per form, shared by the page and its server actions.
import { z } from "zod";
import { SEAL_STYLES } from "@/lib/domain/seal";
import { emailField, signaturePngField } from "./contract";
import { codeField, phoneField } from "./auth";
import { personNameField } from "./identity";

const id = z.string().min(1).max(40);
export const savedItemSchema = z.object({ id });
export const sealCreateSchema = z.object({ style: z.enum(Object.keys(SEAL_STYLES) as [keyof typeof SEAL_STYLES, ...(keyof typeof SEAL_STYLES)[]], { error: "请选择印章样式" }) });
export const signatureAddSchema = z.object({ png: signaturePngField });

// 签署认证方式
export const signPasswordSetSchema = z
  .object({
    password: z.string({ error: "请输入签署密码" }).regex(/^\d{6}$/, "签署密码须为6位数字"),
    confirm: z.string({ error: "请再次输入签署密码" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });
export const preferredMethodSchema = z.object({ method: z.enum(["FACE", "PASSWORD", "WEBAUTHN"], { error: "请选择验证方式" }) });
export const credentialStartSchema = z.object({ label: z.enum(["FINGERPRINT", "FACE_ID"], { error: "请选择指纹或面容 ID" }) });

// 更换手机号 / 更换邮箱 / 更名
export const phoneCodeSchema = z.object({ phone: phoneField });
export const phoneChangeSchema = z.object({ phone: phoneField, code: codeField });
export const emailCodeSchema = z.object({ email: emailField });
export const emailChangeSchema = z.object({ email: emailField, code: codeField });
export const renameSchema = z.object({
  name: personNameField,
  accepted: z.literal(true, { error: "请阅读并同意《实名变更须知》" }),
});

/** The face check that carries out a held account change; registering 指纹/面容 ID adds the attestation. */
export const accountVerifiedSchema = z.object({
  faceCheckId: id,
  attestation: z.looseObject({ id: z.string().max(1024), type: z.literal("public-key") }).optional(),
});

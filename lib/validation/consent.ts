import { z } from "zod";

/** A box the person must tick themselves (个人信息保护法: consent is given, never presumed). */
export const ticked = (message: string) =>
  z
    .union([z.boolean(), z.enum(["true", "false"])], { error: message }) // a form posts strings, a checkbox a boolean
    .refine((v) => v === true || v === "true", message)
    .transform(() => true as const);

export const TERMS_CONSENT_MESSAGE = "请阅读并勾选同意《用户协议》和《隐私政策》";
export const SENSITIVE_CONSENT_MESSAGE = "请勾选同意处理您的证件号码和人脸信息，否则无法完成实名认证";
export const CERTIFICATE_CONSENT_MESSAGE = "请阅读并勾选同意《数字证书服务协议》";

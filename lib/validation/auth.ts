import { z } from "zod";
import { CN_MOBILE_RE, normalizePhone } from "@/lib/domain/phone";
import { TERMS_CONSENT_MESSAGE, ticked } from "./consent";

/** Mainland mobile number, normalised (spaces, dashes, +86 removed). */
export const phoneField = z
  .string({ error: "请输入手机号" })
  .transform(normalizePhone)
  .pipe(z.string().min(1, "请输入手机号").regex(CN_MOBILE_RE, "请输入正确的11位大陆手机号"));

export const codeField = z.string({ error: "请输入验证码" }).trim().regex(/^\d{6}$/, "验证码为6位数字");

/** 登录 asks for 《用户协议》 and 《隐私政策》 each time, with an unticked box. */
const agree = ticked(TERMS_CONSENT_MESSAGE);

export const requestCodeSchema = z.object({ phone: phoneField, agree });
export type RequestCodeInput = z.input<typeof requestCodeSchema>;

export const signInSchema = z.object({
  phone: phoneField,
  code: codeField,
  agree,
});
export type SignInInput = z.input<typeof signInSchema>;

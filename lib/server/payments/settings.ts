import "server-only";
import fs from "node:fs";
import crypto, { type KeyObject } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/server/config";
import { normalisePem } from "./wechatpay-protocol";

// The payment gateway's settings, read from the environment here (README: PAY_GATEWAY, WECHATPAY_*)
// and checked with zod: PAY_GATEWAY=sandbox (default, 模拟支付) or wechatpay. A WeChat Pay gateway
// with a missing or unreadable setting refuses at start-up and at first use, naming each one.

export const PAY_GATEWAYS = ["sandbox", "wechatpay"] as const;
export type PayGatewayName = (typeof PAY_GATEWAYS)[number];

export type WechatPaySettings = {
  mchid: string;
  appId: string;
  /** the merchant API certificate's serial number (serial_no in Authorization) */
  serialNo: string;
  privateKey: KeyObject;
  apiV3Key: string;
  /** 微信支付公钥 and its id (PUB_KEY_ID_…): responses and notifications are signed with its pair */
  platformPublicKey: KeyObject;
  platformPublicKeyId: string;
  baseUrl: string;
  notifyUrl: string;
  timeoutMs: number;
  /** the 公众号's AppSecret, for 网页授权 (snsapi_base) to learn a JSAPI payer's openid; empty: no JSAPI */
  appSecret: string;
  oauthBaseUrl: string;
};

export const WECHATPAY_ENV = [
  "WECHATPAY_MCHID",
  "WECHATPAY_APPID",
  "WECHATPAY_SERIAL_NO",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_APIV3_KEY",
  "WECHATPAY_PLATFORM_PUBLIC_KEY",
  "WECHATPAY_PLATFORM_PUBLIC_KEY_ID",
  "WECHATPAY_BASE_URL",
  "WECHATPAY_NOTIFY_URL",
  "WECHATPAY_TIMEOUT_MS",
  "WECHATPAY_APP_SECRET",
  "WECHATPAY_OAUTH_BASE_URL",
] as const;

/** PAY_GATEWAY, or why it cannot be used. */
export function payGatewayName(): { ok: true; name: PayGatewayName } | { ok: false; problem: string } {
  const raw = (process.env.PAY_GATEWAY ?? "").trim() || "sandbox";
  return (PAY_GATEWAYS as readonly string[]).includes(raw) ? { ok: true, name: raw as PayGatewayName } : { ok: false, problem: `PAY_GATEWAY 应为 ${PAY_GATEWAYS.join(" 或 ")}（现为 ${raw}）` };
}

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }, `${name} 应为 http(s):// 开头的网址`)
    .transform((v) => v.replace(/\/+$/, ""));

const required = (name: string, what: string) => z.string({ error: `${name} 未设置（${what}）` }).trim().min(1, `${name} 未设置（${what}）`);

/** A PEM given inline or as the path of a file holding it. */
function readPem(value: string): string {
  if (value.includes("-----BEGIN")) return normalisePem(value);
  return fs.readFileSync(value, "utf8");
}

function rsaKey(kind: "private" | "public", name: string) {
  return (value: string, ctx: z.RefinementCtx): KeyObject => {
    let key: KeyObject;
    try {
      const pem = readPem(value);
      key = kind === "private" ? crypto.createPrivateKey(pem) : crypto.createPublicKey(pem);
    } catch {
      ctx.addIssue({ code: "custom", message: `${name} 无法读取（应为 PEM 文本或 PEM 文件的路径）` });
      return z.NEVER;
    }
    if (key.asymmetricKeyType !== "rsa" || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
      ctx.addIssue({ code: "custom", message: `${name} 应为 2048 位及以上的 RSA ${kind === "private" ? "私钥" : "公钥"}` });
      return z.NEVER;
    }
    return key;
  };
}

const wechatPaySchema = z.object({
  WECHATPAY_MCHID: required("WECHATPAY_MCHID", "商户号").regex(/^\d{6,32}$/, "WECHATPAY_MCHID 应为数字商户号"),
  WECHATPAY_APPID: required("WECHATPAY_APPID", "公众号 / 应用的 AppID").regex(/^wx[0-9A-Za-z]{16}$/, "WECHATPAY_APPID 应为 wx 开头的 18 位 AppID"),
  WECHATPAY_SERIAL_NO: required("WECHATPAY_SERIAL_NO", "商户 API 证书序列号").regex(/^[0-9A-Fa-f]{8,64}$/, "WECHATPAY_SERIAL_NO 应为十六进制的证书序列号"),
  WECHATPAY_PRIVATE_KEY: required("WECHATPAY_PRIVATE_KEY", "商户 API 私钥 apiclient_key.pem 的内容或路径").transform(rsaKey("private", "WECHATPAY_PRIVATE_KEY")),
  WECHATPAY_APIV3_KEY: required("WECHATPAY_APIV3_KEY", "APIv3 密钥").refine((v) => Buffer.byteLength(v, "utf8") === 32, "WECHATPAY_APIV3_KEY 应为 32 字节"),
  WECHATPAY_PLATFORM_PUBLIC_KEY: required("WECHATPAY_PLATFORM_PUBLIC_KEY", "微信支付公钥 pub_key.pem 的内容或路径").transform(rsaKey("public", "WECHATPAY_PLATFORM_PUBLIC_KEY")),
  WECHATPAY_PLATFORM_PUBLIC_KEY_ID: required("WECHATPAY_PLATFORM_PUBLIC_KEY_ID", "微信支付公钥 ID").regex(/^PUB_KEY_ID_[0-9A-Za-z_]+$/, "WECHATPAY_PLATFORM_PUBLIC_KEY_ID 应为 PUB_KEY_ID_ 开头"),
  WECHATPAY_BASE_URL: httpUrl("WECHATPAY_BASE_URL").default("https://api.mch.weixin.qq.com"),
  WECHATPAY_NOTIFY_URL: httpUrl("WECHATPAY_NOTIFY_URL").optional(),
  WECHATPAY_TIMEOUT_MS: z.coerce.number({ error: "WECHATPAY_TIMEOUT_MS 应为毫秒数" }).int("WECHATPAY_TIMEOUT_MS 应为整数毫秒").min(100, "WECHATPAY_TIMEOUT_MS 至少 100").max(60_000, "WECHATPAY_TIMEOUT_MS 至多 60000").default(10_000),
  WECHATPAY_APP_SECRET: z.string().trim().default(""),
  WECHATPAY_OAUTH_BASE_URL: httpUrl("WECHATPAY_OAUTH_BASE_URL").default("https://api.weixin.qq.com"),
});

/** The environment with empty values treated as unset (as the rest of the app does). */
function env(): Record<string, string | undefined> {
  return Object.fromEntries(WECHATPAY_ENV.map((k) => [k, process.env[k]?.trim() ? process.env[k] : undefined]));
}

/** The WeChat Pay settings, checked, or every problem found (in Chinese, naming the variable; never a value). */
export function wechatPaySettings(): { ok: true; settings: WechatPaySettings } | { ok: false; problems: string[] } {
  const parsed = wechatPaySchema.safeParse(env());
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const e = parsed.data;
  return {
    ok: true,
    settings: {
      mchid: e.WECHATPAY_MCHID,
      appId: e.WECHATPAY_APPID,
      serialNo: e.WECHATPAY_SERIAL_NO.toUpperCase(),
      privateKey: e.WECHATPAY_PRIVATE_KEY,
      apiV3Key: e.WECHATPAY_APIV3_KEY,
      platformPublicKey: e.WECHATPAY_PLATFORM_PUBLIC_KEY,
      platformPublicKeyId: e.WECHATPAY_PLATFORM_PUBLIC_KEY_ID,
      baseUrl: e.WECHATPAY_BASE_URL,
      notifyUrl: e.WECHATPAY_NOTIFY_URL ?? `${config.appUrl.replace(/\/+$/, "")}/api/payments/notify`,
      timeoutMs: e.WECHATPAY_TIMEOUT_MS,
      appSecret: e.WECHATPAY_APP_SECRET,
      oauthBaseUrl: e.WECHATPAY_OAUTH_BASE_URL,
    },
  };
}

/** What is wrong with the payment settings (empty when the configured gateway can run). */
export function paymentConfigProblems(): string[] {
  const gw = payGatewayName();
  if (!gw.ok) return [gw.problem];
  if (gw.name === "sandbox") return [];
  const s = wechatPaySettings();
  return s.ok ? [] : s.problems;
}

/** A key that changes whenever a setting does (the gateway object is rebuilt then). */
export function paymentSettingsKey(): string {
  const all = JSON.stringify([process.env.PAY_GATEWAY ?? "", config.appUrl, ...WECHATPAY_ENV.map((k) => process.env[k] ?? "")]);
  return crypto.createHash("sha256").update(all).digest("hex");
}

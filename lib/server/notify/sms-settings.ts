import "server-only";
import { config } from "@/lib/server/config";
import { SMS_TEMPLATE_KEYS, isSmsTemplate, type SmsTemplate } from "@/lib/domain/sms-templates";

export const SMS_GATEWAYS = ["tencent", "aliyun"] as const;
export type SmsGateway = (typeof SMS_GATEWAYS)[number];

/** A real gateway's settings, checked: every template has its id. */
export type SmsGatewaySettings = {
  gateway: SmsGateway;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateIds: Record<SmsTemplate, string>;
  /** protocol and host[:port] of an overriding endpoint (SMS_ENDPOINT), else null */
  endpoint: { protocol: "http" | "https"; host: string } | null;
  region: string;
  timeoutMs: number;
};

function parseTemplateIds(raw: string, problems: string[]): Partial<Record<SmsTemplate, string>> {
  if (!raw.trim()) {
    problems.push("SMS_TEMPLATE_IDS 未设置（JSON：{\"模板\": \"模板ID\"}）");
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push("SMS_TEMPLATE_IDS 不是有效的 JSON");
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push("SMS_TEMPLATE_IDS 应为 JSON 对象 {\"模板\": \"模板ID\"}");
    return {};
  }
  const ids: Partial<Record<SmsTemplate, string>> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!isSmsTemplate(key)) unknown.push(key);
    else if ((typeof value === "string" && value.trim()) || typeof value === "number") ids[key] = String(value).trim();
  }
  if (unknown.length) problems.push(`SMS_TEMPLATE_IDS 含未知模板：${unknown.join("、")}`);
  return ids;
}

function parseEndpoint(raw: string, problems: string[]): SmsGatewaySettings["endpoint"] {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
    return { protocol: url.protocol === "http:" ? "http" : "https", host: url.host };
  } catch {
    problems.push("SMS_ENDPOINT 应为 http(s):// 开头的网址");
    return null;
  }
}

/**
 * The configured gateway's settings, or every problem with them: an unknown SMS_PROVIDER, a
 * missing key, sign or app id, and each template without an id (a message of that template could
 * never be sent, so the server refuses to start rather than fail later).
 */
export function smsGatewayCheck(): { settings: SmsGatewaySettings | null; problems: string[] } {
  const provider = config.smsProvider;
  if (provider === "dev") return { settings: null, problems: [] };
  if (!(SMS_GATEWAYS as readonly string[]).includes(provider)) return { settings: null, problems: [`SMS_PROVIDER=${provider} 无效（可选 dev、tencent、aliyun）`] };
  const gateway = provider as SmsGateway;
  const s = config.sms;
  const problems: string[] = [];
  if (!s.secretId) problems.push(gateway === "tencent" ? "SMS_SECRET_ID（SecretId）未设置" : "SMS_SECRET_ID（AccessKey ID）未设置");
  if (!s.secretKey) problems.push(gateway === "tencent" ? "SMS_SECRET_KEY（SecretKey）未设置" : "SMS_SECRET_KEY（AccessKey Secret）未设置");
  if (gateway === "tencent" && !s.sdkAppId) problems.push("SMS_SDK_APP_ID（短信应用 SmsSdkAppId）未设置");
  if (!process.env.SMS_SIGN_NAME) problems.push("SMS_SIGN_NAME（已审核的短信签名）未设置");
  const ids = parseTemplateIds(s.templateIds, problems);
  const missing = SMS_TEMPLATE_KEYS.filter((k) => !ids[k]);
  if (missing.length && s.templateIds.trim()) problems.push(`SMS_TEMPLATE_IDS 缺少模板ID：${missing.join("、")}`);
  const endpoint = parseEndpoint(s.endpoint, problems);
  if (problems.length) return { settings: null, problems };
  return {
    settings: {
      gateway,
      secretId: s.secretId,
      secretKey: s.secretKey,
      sdkAppId: s.sdkAppId,
      signName: s.signName,
      templateIds: ids as Record<SmsTemplate, string>,
      endpoint,
      region: s.region || (gateway === "tencent" ? "ap-guangzhou" : "cn-hangzhou"),
      timeoutMs: s.timeoutMs,
    },
    problems: [],
  };
}

/** For the start-up check: what keeps the configured SMS gateway from sending every message. */
export function smsConfigProblems(): string[] {
  return smsGatewayCheck().problems;
}

import "server-only";
import { z } from "zod";

// 人脸核身 / 实名核验 settings (README: FACE_PROVIDER, TENCENTCLOUD_*, FACEID_*), read from the
// environment where used so a test can switch them; never shown anywhere.

export const FACE_PROVIDERS = ["dev", "tencent"] as const;
export type FaceProviderKind = (typeof FACE_PROVIDERS)[number];

/** Tencent Cloud FaceID (慧眼人脸核身), checked. */
export type TencentFaceSettings = {
  secretId: string;
  secretKey: string;
  /** the 业务流程 RuleId created in the FaceID console */
  ruleId: string;
  /** protocol and host[:port] of an overriding endpoint (FACEID_ENDPOINT), else null: faceid.tencentcloudapi.com */
  endpoint: { protocol: "http" | "https"; host: string } | null;
  /** DetectAuth does not need one; sent when set */
  region: string;
  timeoutMs: number;
};

const blank = (v: string | undefined) => (v ?? "").trim();

const endpointSchema = z
  .string()
  .transform((raw, ctx) => {
    if (!raw) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === "http:" || url.protocol === "https:") return { protocol: url.protocol === "http:" ? ("http" as const) : ("https" as const), host: url.host };
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "FACEID_ENDPOINT 应为 http(s):// 开头的网址" });
    return z.NEVER;
  });

const timeoutSchema = z
  .string()
  .transform((raw, ctx) => {
    if (!raw) return 10_000;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 100 && n <= 120_000) return n;
    ctx.addIssue({ code: "custom", message: "FACEID_TIMEOUT_MS 应为 100–120000 之间的整数（毫秒）" });
    return z.NEVER;
  });

const tencentSchema = z.object({
  secretId: z.string().min(1, "TENCENTCLOUD_SECRET_ID（SecretId）未设置"),
  secretKey: z.string().min(1, "TENCENTCLOUD_SECRET_KEY（SecretKey）未设置"),
  ruleId: z.string().min(1, "FACEID_RULE_ID（人脸核身控制台的业务流程 RuleId）未设置"),
  endpoint: endpointSchema,
  region: z.string(),
  timeoutMs: timeoutSchema,
});

/** FACE_PROVIDER: dev (the 模拟 pane, no network; the default) | tencent. */
export function faceProviderKind(): string {
  return blank(process.env.FACE_PROVIDER) || "dev";
}

/**
 * The configured face provider's settings, or every problem with them (an unknown FACE_PROVIDER,
 * a missing key or RuleId, a malformed endpoint or timeout): the start-up check refuses to start
 * with the same list, and the provider is not built from an incomplete configuration.
 */
export function faceSettingsCheck(): { kind: "dev"; settings: null; problems: [] } | { kind: "tencent"; settings: TencentFaceSettings | null; problems: string[] } | { kind: null; settings: null; problems: string[] } {
  const kind = faceProviderKind();
  if (kind === "dev") return { kind, settings: null, problems: [] };
  if (kind !== "tencent") return { kind: null, settings: null, problems: [`FACE_PROVIDER=${kind} 无效（可选 dev、tencent）`] };
  const parsed = tencentSchema.safeParse({
    secretId: blank(process.env.TENCENTCLOUD_SECRET_ID),
    secretKey: blank(process.env.TENCENTCLOUD_SECRET_KEY),
    ruleId: blank(process.env.FACEID_RULE_ID),
    endpoint: blank(process.env.FACEID_ENDPOINT),
    region: blank(process.env.FACEID_REGION),
    timeoutMs: blank(process.env.FACEID_TIMEOUT_MS),
  });
  if (!parsed.success) return { kind, settings: null, problems: parsed.error.issues.map((i) => i.message) };
  return { kind, settings: parsed.data, problems: [] };
}

/** For the start-up check: what keeps the configured face provider from working. */
export function faceConfigProblems(): string[] {
  return faceSettingsCheck().problems;
}

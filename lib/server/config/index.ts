import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

export type SmsSettings = {
  secretId: string;
  secretKey: string;
  /** Tencent's SmsSdkAppId */
  sdkAppId: string;
  signName: string;
  /** JSON {template: gateway template id}, as configured (parsed and checked by notify) */
  templateIds: string;
  /** URL of the gateway's API, for a private endpoint or a test's fake server; empty: the provider's own */
  endpoint: string;
  region: string;
  timeoutMs: number;
  /** the shared secret in the delivery-report callback URL */
  callbackToken: string;
};

/** Everything the server reads from the environment, in one place (the README lists each). */
export const config = {
  get dataDir() {
    return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data"); // an empty DATA_DIR is unset, never the working folder
  },
  get databaseUrl() {
    return process.env.DATABASE_URL ?? "";
  },
  smtpUrl: process.env.SMTP_URL ?? "",
  mailFrom: process.env.MAIL_FROM ?? "个人电子签 <no-reply@localhost>",
  /** dev (the outbox, 模拟) | tencent | aliyun */
  get smsProvider() {
    return process.env.SMS_PROVIDER || "dev";
  },
  /** The real SMS gateway's settings (README: SMS_*); read where used, never shown. */
  get sms(): SmsSettings {
    const n = Number(process.env.SMS_TIMEOUT_MS);
    return {
      secretId: process.env.SMS_SECRET_ID ?? "",
      secretKey: process.env.SMS_SECRET_KEY ?? "",
      sdkAppId: process.env.SMS_SDK_APP_ID ?? "",
      signName: process.env.SMS_SIGN_NAME || "个人电子签",
      templateIds: process.env.SMS_TEMPLATE_IDS ?? "",
      endpoint: process.env.SMS_ENDPOINT ?? "",
      region: process.env.SMS_REGION ?? "",
      timeoutMs: Number.isInteger(n) && n > 0 ? n : 10_000,
      callbackToken: process.env.SMS_CALLBACK_TOKEN ?? "",
    };
  },
  adminPhones: (process.env.ADMIN_PHONES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  get loginIpHourlyCap(): number | undefined {
    const n = Number(process.env.LOGIN_IP_HOURLY_CAP);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  },
  appUrl: process.env.APP_URL ?? "http://localhost:3000",
  /** The platform CA's certificates and keys; generated there on first start when absent. */
  get pkiDir() {
    return path.resolve(/*turbopackIgnore: true*/ process.env.PKI_DIR ?? path.join(this.dataDir, "pki"));
  },
  /** LibreOffice for DOC / DOCX / XLSX uploads, and how long one conversion may take. */
  get sofficeBin() {
    return process.env.SOFFICE_BIN ?? "soffice";
  },
  /** bubblewrap, the sandbox every conversion runs in (Debian package bubblewrap). */
  get sandboxBin() {
    return process.env.SANDBOX_BIN ?? "bwrap";
  },
  get convertTimeoutMs() {
    const n = Number(process.env.CONVERT_TIMEOUT_MS);
    return Number.isInteger(n) && n > 0 ? n : 120_000;
  },
  /** s3://bucket[/prefix]?endpoint=…&region=…&pathStyle=1 — files on S3-compatible storage; unset: DATA_DIR/files. */
  get storageUrl() {
    return process.env.STORAGE_URL ?? "";
  },
  get jobsEnabled() {
    return process.env.JOBS_DISABLED !== "1";
  },
};

/** True when SMS/e-mail stay in the outbox (development providers): enables /dev pages. */
export function devProvidersActive(): boolean {
  return config.smsProvider === "dev";
}

export function usesPostgresServer(): boolean {
  return /^postgres(ql)?:\/\//.test(config.databaseUrl) && config.databaseUrl !== "postgresql://pglite/local";
}

type Secrets = { authSecret: string; idEncKey: string; hashKey: string; paySandboxKey: string };
let cached: Secrets | null = null;

/**
 * Keys come from the environment in production. When one is missing, a development key is
 * generated once into the data folder so sessions and encrypted IDs survive restarts.
 */
export function secrets(): Secrets {
  if (cached) return cached;
  const file = path.join(config.dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
  const gen = () => crypto.randomBytes(32).toString("base64");
  const merged: Secrets = {
    authSecret: process.env.NEXTAUTH_SECRET ?? stored.authSecret ?? gen(),
    idEncKey: process.env.ID_ENC_KEY ?? stored.idEncKey ?? gen(),
    hashKey: process.env.ID_HASH_KEY ?? stored.hashKey ?? gen(),
    // the sandbox gateway signs its notifications with it (as a real gateway signs with its key)
    paySandboxKey: process.env.PAY_SANDBOX_KEY ?? stored.paySandboxKey ?? gen(),
  };
  const toStore = {
    authSecret: stored.authSecret ?? (process.env.NEXTAUTH_SECRET ? undefined : merged.authSecret),
    idEncKey: stored.idEncKey ?? (process.env.ID_ENC_KEY ? undefined : merged.idEncKey),
    hashKey: stored.hashKey ?? (process.env.ID_HASH_KEY ? undefined : merged.hashKey),
    paySandboxKey: stored.paySandboxKey ?? (process.env.PAY_SANDBOX_KEY ? undefined : merged.paySandboxKey),
  };
  if (JSON.stringify(toStore) !== JSON.stringify(stored)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
  }
  cached = merged;
  return merged;
}

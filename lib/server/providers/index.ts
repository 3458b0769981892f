import "server-only";
import { config, devProvidersActive } from "@/lib/server/config";
import { tsaUrls } from "@/lib/server/pki";
import { notifyProviders } from "@/lib/server/notify";
import { faceCheckProvider, realNameProvider } from "@/lib/server/identity";
import { paymentGateway } from "@/lib/server/payments";

export type ProviderStatus = { kind: string; label: string; name: string; simulated: boolean; configured: boolean };

const statusOf = (kind: string, label: string, get: () => { name: string; simulated: boolean }): ProviderStatus => {
  try {
    const p = get();
    return { kind, label, name: p.name, simulated: p.simulated, configured: true };
  } catch {
    return { kind, label, name: "未配置", simulated: false, configured: false };
  }
};

/**
 * Which provider serves each capability, and whether it is the development one (模拟): for
 * /api/health and the admin overview. Names only — never a key, a URL with credentials or an id.
 */
export function providerStatus(): ProviderStatus[] {
  const { sms, email } = notifyProviders();
  return [
    statusOf("sms", "短信", sms),
    statusOf("email", "邮件", email),
    statusOf("realName", "实名核验", realNameProvider),
    statusOf("faceCheck", "人脸核身", faceCheckProvider),
    statusOf("payment", "支付", paymentGateway),
    { kind: "storage", label: "文件存储", name: config.storageUrl ? "s3" : "local", simulated: false, configured: true },
    // RFC 3161 services named by TSA_URLS, else the built-in one (development only)
    tsaUrls().length
      ? { kind: "timestamp", label: "时间戳", name: `rfc3161 ×${tsaUrls().length}`, simulated: false, configured: true }
      : { kind: "timestamp", label: "时间戳", name: "platform-tsa", simulated: true, configured: devProvidersActive() },
  ];
}

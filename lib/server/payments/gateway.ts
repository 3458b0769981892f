import "server-only";
import type { PaymentGateway } from "./gateway-types";
import { SandboxGateway } from "./sandbox";
import { WechatPayGateway } from "./wechatpay";
import { payGatewayName, paymentSettingsKey, wechatPaySettings } from "./settings";

// The payment gateway in use, chosen by PAY_GATEWAY: sandbox (模拟支付, the default; no network) or
// wechatpay (WeChat Pay API v3 with the WECHATPAY_* settings). Callers use the PaymentGateway
// interface only, so neither the orders nor the notify route know which one runs.

export * from "./gateway-types";
export { signNotice, verifyNotice, NOTICE_MAX_AGE_MS, NOTIFY_PATH, type NoticeBody, type SignedNotice } from "./sandbox";

let current: { key: string; gateway: PaymentGateway } | null = null;

/** The configured gateway; throws, naming each problem, when its settings are incomplete. */
export function paymentGateway(): PaymentGateway {
  const key = paymentSettingsKey();
  if (current?.key === key) return current.gateway;
  const name = payGatewayName();
  if (!name.ok) throw new Error(`支付配置有误：${name.problem}`);
  let gateway: PaymentGateway;
  if (name.name === "wechatpay") {
    const s = wechatPaySettings();
    if (!s.ok) throw new Error(`支付配置不完整（PAY_GATEWAY=wechatpay）：${s.problems.join("；")}`);
    gateway = new WechatPayGateway(s.settings);
  } else {
    gateway = new SandboxGateway();
  }
  current = { key, gateway };
  return gateway;
}

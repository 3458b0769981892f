// Which WeChat Pay product serves a payer, decided on the server from the request's User-Agent
// (a client cannot pick a cheaper or riskier flow by saying so — it only changes how it is asked):
//   jsapi  — inside WeChat's own browser (微信内置浏览器): the page calls WeixinJSBridge;
//   h5     — a phone browser outside WeChat: WeChat's H5 cashier, which opens the WeChat app;
//   native — anything else (a desktop browser): a QR code the payer scans with WeChat.

export const PAY_CHANNELS = ["native", "h5", "jsapi"] as const;
export type PayChannel = (typeof PAY_CHANNELS)[number];

const WECHAT = /\bMicroMessenger\//i;
// 企业微信 (wxwork) is not WeChat: its browser cannot pay with JSAPI; mini-program web-views cannot either
const NOT_JSAPI = /\bwxwork\/|\bminiProgram\b/i;
const PHONE = /\b(Android|iPhone|iPod|iPad|Mobile|HarmonyOS|OpenHarmony|Windows Phone)\b/i;

export function payChannelFor(userAgent: string | null | undefined): PayChannel {
  const ua = userAgent ?? "";
  if (WECHAT.test(ua) && !NOT_JSAPI.test(ua)) return "jsapi";
  if (PHONE.test(ua)) return "h5";
  return "native";
}

/** An IPv4 or IPv6 address as WeChat Pay's H5 scene_info.payer_client_ip wants it (no port, no zone). */
export function isPayerIp(ip: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(ip)) return true;
  return /^[0-9a-f:]+$/i.test(ip) && ip.includes(":") && ip.length <= 39 && (ip.match(/::/g)?.length ?? 0) <= 1;
}

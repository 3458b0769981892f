import "server-only";
import crypto, { type KeyObject } from "node:crypto";

// WeChat Pay API v3's wire rules, with node:crypto only (no wrapper library):
// - a request is signed SHA256withRSA (PKCS#1 v1.5) with the merchant's API key over
//   "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n" and sent in
//   Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…";
// - a response and a notification carry Wechatpay-Timestamp / -Nonce / -Signature / -Serial and are
//   verified with WeChat Pay's public key (微信支付公钥) over "TIMESTAMP\nNONCE\nBODY\n";
// - a notification's resource is AEAD_AES_256_GCM with the APIv3 key: base64(ciphertext ‖ 16-byte tag),
//   a 12-character nonce and associated_data, all as UTF-8;
// - JSAPI 调起支付 is signed over "APPID\nTIMESTAMP\nNONCE\nprepay_id=…\n".
// The tests check each against the worked examples WeChat Pay's documentation publishes.

export const AUTH_SCHEMA = "WECHATPAY2-SHA256-RSA2048";
export const WECHATPAY_HEADERS = { timestamp: "wechatpay-timestamp", nonce: "wechatpay-nonce", signature: "wechatpay-signature", serial: "wechatpay-serial" } as const;

/** The request's signed message: method, the URL's path and query (no host), timestamp, nonce, body; each line ends in \n. */
export function requestMessage(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The message a response or notification is signed over. An empty body (204) leaves a line with only \n. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function rsaSign(message: string, privateKey: KeyObject | string): string {
  return crypto.sign("sha256", Buffer.from(message, "utf8"), privateKey).toString("base64");
}

export function rsaVerify(message: string, signatureBase64: string, publicKey: KeyObject | string): boolean {
  const sig = Buffer.from(signatureBase64, "base64");
  if (sig.length === 0) return false;
  try {
    return crypto.verify("sha256", Buffer.from(message, "utf8"), publicKey, sig);
  } catch {
    return false;
  }
}

/** 32 uppercase hex characters, like the documentation's nonce. */
export const newNonce = () => crypto.randomBytes(16).toString("hex").toUpperCase();

export function authorization(p: { mchid: string; serialNo: string; nonce: string; timestamp: string; signature: string }): string {
  return `${AUTH_SCHEMA} mchid="${p.mchid}",nonce_str="${p.nonce}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serialNo}"`;
}

/** The Authorization header of one request. */
export function signRequest(p: { method: string; pathAndQuery: string; body: string; mchid: string; serialNo: string; privateKey: KeyObject | string; timestamp: string; nonce: string }): string {
  const signature = rsaSign(requestMessage(p.method, p.pathAndQuery, p.timestamp, p.nonce, p.body), p.privateKey);
  return authorization({ mchid: p.mchid, serialNo: p.serialNo, nonce: p.nonce, timestamp: p.timestamp, signature });
}

/** Reads an Authorization header back into its fields (any order, as the documentation allows); null when it is not ours. */
export function parseAuthorization(header: string): Record<"mchid" | "nonce_str" | "signature" | "timestamp" | "serial_no", string> | null {
  if (!header.startsWith(`${AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  const keys = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"] as const;
  return keys.every((k) => typeof fields[k] === "string") ? (fields as Record<(typeof keys)[number], string>) : null;
}

export type EncryptedResource = { algorithm: string; ciphertext: string; associated_data?: string; nonce: string; original_type?: string };

/** AEAD_AES_256_GCM with the APIv3 key; throws when the tag does not match (tampered, or another key). */
export function decryptResource(r: EncryptedResource, apiV3Key: string): string {
  if (r.algorithm !== "AEAD_AES_256_GCM") throw new Error(`unsupported algorithm ${r.algorithm}`);
  const key = Buffer.from(apiV3Key, "utf8");
  const data = Buffer.from(r.ciphertext, "base64");
  if (key.length !== 32 || data.length <= 16) throw new Error("bad key or ciphertext");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(r.nonce, "utf8"));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(r.associated_data ?? "", "utf8"));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
}

/** The gateway's side of the same (for the local fake server and the tests). */
export function encryptResource(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = crypto.createCipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString("base64");
}

/** JSAPI 调起支付: the fields WeixinJSBridge getBrandWCPayRequest takes, signed with the merchant key. */
export function jsapiPayRequest(p: { appId: string; prepayId: string; privateKey: KeyObject | string; timestamp: string; nonce: string }) {
  const pkg = `prepay_id=${p.prepayId}`;
  const paySign = rsaSign(`${p.appId}\n${p.timestamp}\n${p.nonce}\n${pkg}\n`, p.privateKey);
  return { appId: p.appId, timeStamp: p.timestamp, nonceStr: p.nonce, package: pkg, signType: "RSA" as const, paySign };
}

/** RFC 3339 in Beijing time, as time_expire wants it: 2026-12-07T10:34:56+08:00. */
export function beijingRfc3339(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${shifted}+08:00`;
}

/** A PEM given inline (with real or \n-escaped newlines) or as a file path's contents. */
export function normalisePem(text: string): string {
  return text.includes("\\n") && !text.includes("\n") ? text.replaceAll("\\n", "\n") : text;
}

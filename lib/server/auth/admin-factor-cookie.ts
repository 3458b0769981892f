import crypto from "node:crypto";
import { secrets } from "@/lib/server/config";

/**
 * The proof, carried by a cookie, that this sign-in passed the admin second factor: the proxy
 * checks it on every /admin request (a page, a soft navigation's RSC request, an action, an API
 * route) before anything renders, without a database round trip. The pages and actions check the
 * database row again (requireAdmin), so a revoked factor or session ends at once.
 */
export const ADMIN_FACTOR_COOKIE = "dzq_admin_factor";

const mac = (sid: string, expiresAtMs: number) =>
  crypto.createHmac("sha256", secrets().authSecret).update(`admin-factor:${sid}:${expiresAtMs}`).digest("base64url");

export function adminFactorCookieValue(sid: string, expiresAt: Date): string {
  return `${expiresAt.getTime()}.${mac(sid, expiresAt.getTime())}`;
}

export function adminFactorCookieValid(value: string | undefined, sid: unknown, nowMs: number): boolean {
  if (!value || typeof sid !== "string") return false;
  const [exp, sig] = value.split(".");
  const expiresAtMs = Number(exp);
  if (!Number.isSafeInteger(expiresAtMs) || expiresAtMs <= nowMs || !sig) return false;
  const want = Buffer.from(mac(sid, expiresAtMs));
  const got = Buffer.from(sig);
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

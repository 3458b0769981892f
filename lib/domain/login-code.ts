// Rules for SMS sign-in codes. Pure: the caller reads/writes the rows and passes times in ms.
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_TRIES = 5;
export const CODE_RESEND_MS = 60_000;
export const PHONE_HOURLY_CAP = 10;
export const IP_HOURLY_CAP = 30;

const HOUR_SEC = 3600;

/** `attempts` counts wrong entries so far. */
export type CodeState = {
  createdAt: number;
  expiresAt: number;
  attempts: number;
  consumedAt: number | null;
  voidedAt: number | null;
};

export type IssueVerdict =
  | { ok: true }
  | { ok: false; reason: "RESEND_TOO_SOON" | "PHONE_CAP" | "IP_CAP"; retryAfterSec: number; message: string };

/** Counts are codes already issued in the last hour; the cap-th code is the last one allowed. */
export function canIssueCode(input: {
  now: number;
  lastCodeAt: number | null;
  phoneCodesLastHour: number;
  ipCodesLastHour: number;
  /** Operators may raise the per-IP cap (e.g. behind carrier-grade NAT); default IP_HOURLY_CAP. */
  ipHourlyCap?: number;
}): IssueVerdict {
  const { now, lastCodeAt } = input;
  if (lastCodeAt !== null && now - lastCodeAt < CODE_RESEND_MS) {
    // Clamp so a clock skew (lastCodeAt in the future) never asks for more than one interval.
    const ms = Math.min(CODE_RESEND_MS, lastCodeAt + CODE_RESEND_MS - now);
    const retryAfterSec = Math.max(1, Math.ceil(ms / 1000));
    return { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec, message: `验证码发送过于频繁，请 ${retryAfterSec} 秒后再试` };
  }
  if (input.phoneCodesLastHour >= PHONE_HOURLY_CAP) {
    return { ok: false, reason: "PHONE_CAP", retryAfterSec: HOUR_SEC, message: "该手机号本小时获取验证码次数已达上限，请 1 小时后再试" };
  }
  if (input.ipCodesLastHour >= (input.ipHourlyCap ?? IP_HOURLY_CAP)) {
    return { ok: false, reason: "IP_CAP", retryAfterSec: HOUR_SEC, message: "当前网络获取验证码次数过多，请稍后再试" };
  }
  return { ok: true };
}

export type CheckVerdict =
  | { result: "OK" }
  | { result: "WRONG"; remaining: number; voidNow: boolean; message: string }
  | { result: "EXPIRED" | "EXHAUSTED" | "USED"; message: string };

/**
 * Judges one entry of a code. `matches` is whether the entered code is right; it is ignored
 * once the code is used, void, exhausted or expired. On WRONG the caller stores attempts + 1,
 * and sets voidedAt when voidNow is true.
 */
export function checkCode(state: CodeState, now: number, matches: boolean): CheckVerdict {
  if (state.consumedAt !== null) return { result: "USED", message: "验证码已使用，请重新获取" };
  if (state.voidedAt !== null || state.attempts >= CODE_MAX_TRIES) {
    return { result: "EXHAUSTED", message: "验证码已失效，请重新获取" };
  }
  if (now >= state.expiresAt) return { result: "EXPIRED", message: "验证码已过期，请重新获取" };
  if (matches) return { result: "OK" };

  const remaining = CODE_MAX_TRIES - (state.attempts + 1);
  if (remaining <= 0) {
    return { result: "WRONG", remaining: 0, voidNow: true, message: "验证码错误次数过多，已失效，请重新获取" };
  }
  return { result: "WRONG", remaining, voidNow: false, message: `验证码错误，还可尝试 ${remaining} 次` };
}

/** 6 digits, leading zeros kept. Pass a uniform source such as crypto.randomInt. */
export function generateCode(randomInt: (maxExclusive: number) => number): string {
  const n = randomInt(1_000_000);
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`randomInt 返回值越界: ${n}`);
  return String(n).padStart(6, "0");
}

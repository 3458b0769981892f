// 签署密码 rules. Pure: the caller passes the holder's birth date and the clock's reading.

export const SIGN_PASSWORD_MAX_TRIES = 5;
export const SIGN_PASSWORD_LOCK_MS = 30 * 60_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** The six-digit spellings of a birth date people reach for: YYMMDD, MMDDYY, DDMMYY, YYYYMM, MMYYYY. */
export function birthDateSpellings(birth: { y: number; m: number; d: number }): string[] {
  const yy = pad(birth.y % 100);
  const mm = pad(birth.m);
  const dd = pad(birth.d);
  return [yy + mm + dd, mm + dd + yy, dd + mm + yy, `${birth.y}${mm}`, `${mm}${birth.y}`];
}

/** Why a chosen password is refused, or null. Trivial: one digit, a run up or down, a repeated pair or triple. */
export function signPasswordError(password: string, birth: { y: number; m: number; d: number } | null): string | null {
  if (!/^\d{6}$/.test(password)) return "签署密码须为6位数字";
  const d = [...password].map(Number);
  const steps = d.slice(1).map((x, i) => (x - d[i]! + 10) % 10);
  if (steps.every((s) => s === 0)) return "密码过于简单，请勿使用相同的数字";
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return "密码过于简单，请勿使用连续的数字";
  if (password.slice(0, 2).repeat(3) === password || password.slice(0, 3).repeat(2) === password) return "密码过于简单，请勿使用重复的数字组合";
  if (birth && birthDateSpellings(birth).includes(password)) return "请勿使用您的出生日期作为签署密码";
  return null;
}

export type PasswordLock = { fails: number; lockedUntil: number | null };

/** Whether a try may be made now; a lock that has run out lets the holder start over. */
export function passwordLockedFor(lock: PasswordLock, now: number): number {
  return lock.lockedUntil !== null && lock.lockedUntil > now ? lock.lockedUntil - now : 0;
}

/** The lock after one wrong try: the fifth in a row locks for 30 minutes and starts the count again. */
export function afterWrongPassword(lock: PasswordLock, now: number): PasswordLock & { remaining: number; message: string } {
  const fails = (lock.lockedUntil !== null && lock.lockedUntil <= now ? 0 : lock.fails) + 1;
  if (fails >= SIGN_PASSWORD_MAX_TRIES) {
    return { fails: 0, lockedUntil: now + SIGN_PASSWORD_LOCK_MS, remaining: 0, message: "签署密码错误次数过多，已锁定30分钟，请使用人脸核身" };
  }
  const remaining = SIGN_PASSWORD_MAX_TRIES - fails;
  return { fails, lockedUntil: null, remaining, message: `签署密码错误，还可尝试${remaining}次` };
}

export function lockedMessage(ms: number): string {
  return `签署密码已锁定，请${Math.max(1, Math.ceil(ms / 60_000))}分钟后再试，或使用人脸核身`;
}

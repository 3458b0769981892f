import { describe, expect, it } from "vitest";
import { afterWrongPassword, birthDateSpellings, passwordLockedFor, signPasswordError, SIGN_PASSWORD_LOCK_MS } from "./sign-password";

const birth = { y: 1990, m: 1, d: 15 };

describe("signPasswordError", () => {
  it.each([
    ["12345", "签署密码须为6位数字"],
    ["1234567", "签署密码须为6位数字"],
    ["12a456", "签署密码须为6位数字"],
    ["１２３４５６", "签署密码须为6位数字"],
    ["000000", "密码过于简单，请勿使用相同的数字"],
    ["888888", "密码过于简单，请勿使用相同的数字"],
    ["123456", "密码过于简单，请勿使用连续的数字"],
    ["654321", "密码过于简单，请勿使用连续的数字"],
    ["012345", "密码过于简单，请勿使用连续的数字"],
    ["789012", "密码过于简单，请勿使用连续的数字"],
    ["121212", "密码过于简单，请勿使用重复的数字组合"],
    ["520520", "密码过于简单，请勿使用重复的数字组合"],
    ["900115", "请勿使用您的出生日期作为签署密码"],
    ["011590", "请勿使用您的出生日期作为签署密码"],
    ["150190", "请勿使用您的出生日期作为签署密码"],
    ["199001", "请勿使用您的出生日期作为签署密码"],
    ["011990", "请勿使用您的出生日期作为签署密码"],
  ])("%s is refused: %s", (pw, message) => {
    expect(signPasswordError(pw, birth)).toBe(message);
  });

  it.each(["135790", "902741", "112358", "900116", "482913"])("%s is accepted", (pw) => {
    expect(signPasswordError(pw, birth)).toBeNull();
  });

  it("checks the birth date only when it is known", () => {
    expect(signPasswordError("900115", null)).toBeNull();
  });

  it("spells a birth date five ways", () => {
    expect(birthDateSpellings({ y: 2001, m: 12, d: 3 })).toEqual(["011203", "120301", "031201", "200112", "122001"]);
  });
});

describe("password lock", () => {
  const t = 1_000_000;
  it("counts down four wrong tries, then locks for 30 minutes on the fifth", () => {
    let lock = { fails: 0, lockedUntil: null as number | null };
    for (const remaining of [4, 3, 2, 1]) {
      const next = afterWrongPassword(lock, t);
      expect(next.remaining).toBe(remaining);
      expect(next.lockedUntil).toBeNull();
      lock = next;
    }
    const locked = afterWrongPassword(lock, t);
    expect(locked.lockedUntil).toBe(t + SIGN_PASSWORD_LOCK_MS);
    expect(locked.message).toContain("锁定30分钟");
    expect(passwordLockedFor(locked, t + 60_000)).toBe(SIGN_PASSWORD_LOCK_MS - 60_000);
    expect(passwordLockedFor(locked, t + SIGN_PASSWORD_LOCK_MS)).toBe(0);
  });

  it("starts counting afresh once a lock has run out", () => {
    const next = afterWrongPassword({ fails: 0, lockedUntil: t - 1 }, t);
    expect(next).toMatchObject({ fails: 1, remaining: 4, lockedUntil: null });
  });
});

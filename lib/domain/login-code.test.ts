import { describe, expect, it } from "vitest";
import {
  CODE_MAX_TRIES,
  CODE_RESEND_MS,
  CODE_TTL_MS,
  IP_HOURLY_CAP,
  PHONE_HOURLY_CAP,
  canIssueCode,
  checkCode,
  generateCode,
  type CodeState,
} from "./login-code";

const T0 = Date.UTC(2026, 4, 20, 2, 0, 0);

describe("constants", () => {
  it("match the product rules", () => {
    expect([CODE_TTL_MS, CODE_MAX_TRIES, CODE_RESEND_MS, PHONE_HOURLY_CAP, IP_HOURLY_CAP]).toEqual([
      300_000, 5, 60_000, 10, 30,
    ]);
  });
});

describe("canIssueCode", () => {
  const base = { now: T0, lastCodeAt: null as number | null, phoneCodesLastHour: 0, ipCodesLastHour: 0 };
  it.each([
    ["first code", {}, { ok: true }],
    ["60s after the last", { lastCodeAt: T0 - 60_000 }, { ok: true }],
    ["61s after the last", { lastCodeAt: T0 - 61_000 }, { ok: true }],
    [
      "59s after the last",
      { lastCodeAt: T0 - 59_000 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 1, message: "验证码发送过于频繁，请 1 秒后再试" },
    ],
    [
      "59.5s after the last (rounds up)",
      { lastCodeAt: T0 - 59_500 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 1, message: "验证码发送过于频繁，请 1 秒后再试" },
    ],
    [
      "10s after the last",
      { lastCodeAt: T0 - 10_000 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 50, message: "验证码发送过于频繁，请 50 秒后再试" },
    ],
    [
      "same instant",
      { lastCodeAt: T0 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 60, message: "验证码发送过于频繁，请 60 秒后再试" },
    ],
    [
      "last code in the future (clock skew)",
      { lastCodeAt: T0 + 600_000 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 60, message: "验证码发送过于频繁，请 60 秒后再试" },
    ],
    ["9 phone codes this hour", { phoneCodesLastHour: 9 }, { ok: true }],
    [
      "10 phone codes this hour",
      { phoneCodesLastHour: 10 },
      { ok: false, reason: "PHONE_CAP", retryAfterSec: 3600, message: "该手机号本小时获取验证码次数已达上限，请 1 小时后再试" },
    ],
    ["29 IP codes this hour", { ipCodesLastHour: 29 }, { ok: true }],
    [
      "30 IP codes this hour",
      { ipCodesLastHour: 30 },
      { ok: false, reason: "IP_CAP", retryAfterSec: 3600, message: "当前网络获取验证码次数过多，请稍后再试" },
    ],
    ["30 IP codes under a configured cap of 100", { ipCodesLastHour: 30, ipHourlyCap: 100 }, { ok: true }],
    [
      "100 IP codes at a configured cap of 100",
      { ipCodesLastHour: 100, ipHourlyCap: 100 },
      { ok: false, reason: "IP_CAP", retryAfterSec: 3600, message: "当前网络获取验证码次数过多，请稍后再试" },
    ],
    [
      "too soon wins over caps",
      { lastCodeAt: T0 - 30_000, phoneCodesLastHour: 10, ipCodesLastHour: 30 },
      { ok: false, reason: "RESEND_TOO_SOON", retryAfterSec: 30, message: "验证码发送过于频繁，请 30 秒后再试" },
    ],
    [
      "phone cap wins over IP cap",
      { phoneCodesLastHour: 12, ipCodesLastHour: 31 },
      { ok: false, reason: "PHONE_CAP", retryAfterSec: 3600, message: "该手机号本小时获取验证码次数已达上限，请 1 小时后再试" },
    ],
  ])("%s", (_name, over, expected) => {
    expect(canIssueCode({ ...base, ...over })).toEqual(expected);
  });
});

describe("checkCode", () => {
  const fresh: CodeState = { createdAt: T0, expiresAt: T0 + CODE_TTL_MS, attempts: 0, consumedAt: null, voidedAt: null };
  const at = (ms: number) => T0 + ms;

  it.each([
    ["right code at once", fresh, at(0), true, { result: "OK" }],
    ["right code 1ms before expiry", fresh, at(CODE_TTL_MS - 1), true, { result: "OK" }],
    ["right code exactly at expiry", fresh, at(CODE_TTL_MS), true, { result: "EXPIRED", message: "验证码已过期，请重新获取" }],
    ["wrong code after expiry", fresh, at(CODE_TTL_MS + 1), false, { result: "EXPIRED", message: "验证码已过期，请重新获取" }],
    ["right code after 4 wrong", { ...fresh, attempts: 4 }, at(1000), true, { result: "OK" }],
    [
      "right code after 5 wrong",
      { ...fresh, attempts: 5 },
      at(1000),
      true,
      { result: "EXHAUSTED", message: "验证码已失效，请重新获取" },
    ],
    ["voided code", { ...fresh, voidedAt: at(500) }, at(1000), true, { result: "EXHAUSTED", message: "验证码已失效，请重新获取" }],
    ["used code", { ...fresh, consumedAt: at(500) }, at(1000), true, { result: "USED", message: "验证码已使用，请重新获取" }],
    [
      "used code after expiry",
      { ...fresh, consumedAt: at(500) },
      at(CODE_TTL_MS + 1),
      false,
      { result: "USED", message: "验证码已使用，请重新获取" },
    ],
  ])("%s", (_name, state, now, matches, expected) => {
    expect(checkCode(state, now, matches)).toEqual(expected);
  });

  // attempts = wrong entries before this one; the 5th wrong entry voids the code.
  it.each([
    [0, { result: "WRONG", remaining: 4, voidNow: false, message: "验证码错误，还可尝试 4 次" }],
    [1, { result: "WRONG", remaining: 3, voidNow: false, message: "验证码错误，还可尝试 3 次" }],
    [2, { result: "WRONG", remaining: 2, voidNow: false, message: "验证码错误，还可尝试 2 次" }],
    [3, { result: "WRONG", remaining: 1, voidNow: false, message: "验证码错误，还可尝试 1 次" }],
    [4, { result: "WRONG", remaining: 0, voidNow: true, message: "验证码错误次数过多，已失效，请重新获取" }],
    [5, { result: "EXHAUSTED", message: "验证码已失效，请重新获取" }],
  ])("wrong entry after %i wrong", (attempts, expected) => {
    expect(checkCode({ ...fresh, attempts }, at(1000), false)).toEqual(expected);
  });
});

describe("generateCode", () => {
  it.each([
    [0, "000000"],
    [42, "000042"],
    [123456, "123456"],
    [999_999, "999999"],
  ])("randomInt → %i gives %s", (n, code) => {
    const asked: number[] = [];
    expect(generateCode((max) => (asked.push(max), n))).toBe(code);
    expect(asked).toEqual([1_000_000]);
  });

  it.each([-1, 1_000_000, 1.5, Number.NaN])("rejects out-of-range source value %s", (n) => {
    expect(() => generateCode(() => n)).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { CN_MOBILE_RE, maskPhone, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["13812345678", "13812345678"],
    [" 138 1234 5678 ", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["86-138-1234-5678", "13812345678"],
    ["138\u30001234\u30005678", "13812345678"], // full-width spaces from IME input
    ["86138123456", "86138123456"], // 11 digits: "86" is not a prefix here
    ["", ""],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized);
  });
});

describe("CN_MOBILE_RE", () => {
  it.each([
    ["13812345678", true],
    ["19912345678", true],
    ["16612345678", true],
    ["12812345678", false],
    ["10012345678", false],
    ["1381234567", false],
    ["138123456789", false],
    ["1381234567a", false],
    ["23812345678", false],
  ])("%s → %s", (p, ok) => {
    expect(CN_MOBILE_RE.test(p)).toBe(ok);
  });
});

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["19900001111", "199****1111"],
    ["1234567", "*******"],
    ["", ""],
  ])("%s → %s", (p, masked) => {
    expect(maskPhone(p)).toBe(masked);
  });
});

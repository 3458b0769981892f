import { describe, expect, it } from "vitest";
import { ageOn, idCheckChar, maskId, parseHkMoPermit, parsePersonId, parseResidencePermit, parseResidentId, HK_MO_PERMIT_ERROR, RESIDENCE_PERMIT_PREFIX_ERROR } from "./idcard";

const TODAY = { y: 2026, m: 5, d: 20 };
const FORMAT = "身份证号应为18位，最后一位可以是数字或X";
const BIRTH = "身份证号中的出生日期无效";
const CHECK = "身份证号校验位不正确，请核对";

describe("idCheckChar", () => {
  // Expected values worked out by hand/independently from the GB 11643 weights.
  it.each([
    ["11010519491231002", "X"], // the example printed in GB 11643
    ["11010119900307447", "7"],
    ["44030420000229123", "6"],
    ["31011520040615002", "5"],
    ["51010719800101001", "3"],
    ["32050219491001000", "9"],
    ["11010120080808888", "X"],
  ])("%s → %s", (base, expected) => {
    expect(idCheckChar(base)).toBe(expected);
  });

  it.each(["1101051949123100", "110105194912310021", "1101051949123100A"])("rejects %s", (bad) => {
    expect(() => idCheckChar(bad)).toThrow(RangeError);
  });
});

describe("parseResidentId: valid", () => {
  it.each([
    ["11010519491231002X", "11010519491231002X", { y: 1949, m: 12, d: 31 }, "F"],
    ["11010519491231002x", "11010519491231002X", { y: 1949, m: 12, d: 31 }, "F"],
    ["  110101199003074477 ", "110101199003074477", { y: 1990, m: 3, d: 7 }, "M"],
    ["440304200002291236", "440304200002291236", { y: 2000, m: 2, d: 29 }, "M"],
    ["310115200406150025", "310115200406150025", { y: 2004, m: 6, d: 15 }, "F"],
    ["510107198001010013", "510107198001010013", { y: 1980, m: 1, d: 1 }, "M"],
    ["11010120080808888x", "11010120080808888X", { y: 2008, m: 8, d: 8 }, "F"],
  ] as const)("%s", (raw, normalized, birthDate, sex) => {
    expect(parseResidentId(raw, TODAY)).toEqual({ ok: true, normalized, birthDate, sex });
  });

  it("accepts a birth date equal to today", () => {
    const base = "11010120260520001";
    expect(parseResidentId(base + idCheckChar(base), TODAY)).toMatchObject({ ok: true, birthDate: TODAY });
  });
});

describe("parseResidentId: invalid", () => {
  // Bases are given a correct check char so only the date is at fault.
  const withCheck = (base: string) => base + idCheckChar(base);
  it.each([
    ["", FORMAT],
    ["11010519491231002", FORMAT],
    ["11010519491231002XX", FORMAT],
    ["1101051949123100XX", FORMAT],
    ["11010519491231002Y", FORMAT],
    ["110105 19491231002X", FORMAT],
    ["１１０１０５１９４９１２３１００２Ｘ", FORMAT],
    ["110105194912310021", CHECK],
    ["110101199003074478", CHECK],
    ["110105194912310020", CHECK],
    [withCheck("11010119900230001"), BIRTH], // 30 Feb
    [withCheck("11010119901301001"), BIRTH], // month 13
    [withCheck("11010118991231001"), BIRTH], // before 1900
    [withCheck("11010119900000001"), BIRTH], // month 0
    [withCheck("11010119900100001"), BIRTH], // day 0
    [withCheck("11010119900431001"), BIRTH], // 31 Apr
    [withCheck("11010119000229001"), BIRTH], // 1900 is not a leap year
    [withCheck("11010120260521001"), BIRTH], // tomorrow
    [withCheck("11010120300101001"), BIRTH], // future year
  ])("%s → %s", (raw, error) => {
    expect(parseResidentId(raw, TODAY)).toEqual({ ok: false, error });
  });
});

describe("ageOn", () => {
  it.each([
    [{ y: 2004, m: 5, d: 20 }, { y: 2026, m: 5, d: 19 }, 21], // day before 22nd birthday
    [{ y: 2004, m: 5, d: 20 }, { y: 2026, m: 5, d: 20 }, 22], // on it
    [{ y: 2004, m: 5, d: 20 }, { y: 2026, m: 5, d: 21 }, 22],
    [{ y: 1951, m: 12, d: 31 }, { y: 2026, m: 12, d: 30 }, 74], // day before 75th
    [{ y: 1951, m: 12, d: 31 }, { y: 2026, m: 12, d: 31 }, 75],
    [{ y: 1951, m: 1, d: 1 }, { y: 2026, m: 12, d: 31 }, 75],
    [{ y: 2008, m: 5, d: 20 }, { y: 2026, m: 5, d: 19 }, 17],
    [{ y: 2008, m: 5, d: 20 }, { y: 2026, m: 5, d: 20 }, 18],
    [{ y: 2000, m: 2, d: 29 }, { y: 2026, m: 2, d: 28 }, 25], // common year: not yet
    [{ y: 2000, m: 2, d: 29 }, { y: 2026, m: 3, d: 1 }, 26], // counts from 1 Mar
    [{ y: 2000, m: 2, d: 29 }, { y: 2028, m: 2, d: 28 }, 27], // leap year: day before
    [{ y: 2000, m: 2, d: 29 }, { y: 2028, m: 2, d: 29 }, 28],
    [{ y: 2026, m: 5, d: 20 }, { y: 2026, m: 5, d: 20 }, 0],
  ])("%o on %o → %i", (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });
});

describe("maskId", () => {
  it.each([
    ["11010519491231002X", "1101**********002X"],
    ["110101199003074477", "1101**********4477"],
    ["12345678", "********"],
    ["123456789", "1234*6789"],
    ["", ""],
  ])("%s → %s", (id, masked) => {
    expect(maskId(id)).toBe(masked);
  });
});

describe("港澳居民来往内地通行证", () => {
  it.each(["H12345678", "M87654321", "h12345678", " H 1234 5678 ", "H1234567890"])("%s is accepted", (n) => {
    expect(parseHkMoPermit(n).ok).toBe(true);
  });
  it.each(["", "12345678", "A12345678", "H1234567", "H123456789", "H12345678X", "T12345678"])("%s is refused", (n) => {
    expect(parseHkMoPermit(n)).toEqual({ ok: false, error: HK_MO_PERMIT_ERROR });
  });
});

describe("港澳台居民居住证", () => {
  const today = { y: 2026, m: 11, d: 26 };
  const permit = (region: string) => {
    const first17 = `${region}19900101123`;
    return first17 + idCheckChar(first17);
  };
  it.each(["810000", "820000", "830000"])("region %s is accepted with its birth date", (region) => {
    expect(parseResidencePermit(permit(region), today)).toMatchObject({ ok: true, birthDate: { y: 1990, m: 1, d: 1 } });
  });
  it("a mainland region is refused", () => {
    expect(parseResidencePermit(permit("110105"), today)).toEqual({ ok: false, error: RESIDENCE_PERMIT_PREFIX_ERROR });
  });
  it("a wrong check character is refused in the permit's words", () => {
    const p = permit("810000");
    expect(parseResidencePermit(p.slice(0, 17) + (p[17] === "1" ? "2" : "1"), today)).toEqual({ ok: false, error: "居住证号码校验位不正确，请核对" });
  });
  it("parsePersonId dispatches by type; a permit carries no birth date", () => {
    expect(parsePersonId("HK_MO_PERMIT", "H12345678", today)).toEqual({ ok: true, normalized: "H12345678", birthDate: null });
    expect(parsePersonId("HKMT_RESIDENCE", permit("820000"), today)).toMatchObject({ ok: true, birthDate: { y: 1990 } });
    expect(parsePersonId("CN_RESIDENT", "H12345678", today).ok).toBe(false);
  });
});

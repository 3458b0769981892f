// Mainland 18-digit resident identity number (GB 11643-1999).
// Layout: 6-digit region · 8-digit birth date YYYYMMDD · 3-digit sequence (odd = male) · check char.
export type Ymd = { y: number; m: number; d: number };

export type IdParseResult =
  | { ok: true; birthDate: Ymd; sex: "M" | "F"; normalized: string }
  | { ok: false; error: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export const ID_FORMAT_ERROR = "身份证号应为18位，最后一位可以是数字或X";
export const ID_BIRTH_ERROR = "身份证号中的出生日期无效";
export const ID_CHECK_ERROR = "身份证号校验位不正确，请核对";

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("身份证号前17位必须为数字");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Negative / zero / positive like a comparator, by calendar date. */
function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function parseResidentId(raw: string, today: Ymd): IdParseResult {
  const normalized = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, error: ID_FORMAT_ERROR };

  const birthDate = {
    y: Number(normalized.slice(6, 10)),
    m: Number(normalized.slice(10, 12)),
    d: Number(normalized.slice(12, 14)),
  };
  const { y, m, d } = birthDate;
  const realDate = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  if (!realDate || compareYmd(birthDate, today) > 0) return { ok: false, error: ID_BIRTH_ERROR };

  if (idCheckChar(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, error: ID_CHECK_ERROR };

  const sex = Number(normalized[16]) % 2 === 1 ? "M" : "F";
  return { ok: true, birthDate, sex, normalized };
}

/** Age in completed years. A 29 Feb birthday falls on 1 Mar in common years. */
export function ageOn(birth: Ymd, today: Ymd): number {
  let bm = birth.m;
  let bd = birth.d;
  if (bm === 2 && bd === 29 && !isLeap(today.y)) {
    bm = 3;
    bd = 1;
  }
  const hadBirthday = today.m > bm || (today.m === bm && today.d >= bd);
  return today.y - birth.y - (hadBirthday ? 0 : 1);
}

/** Keeps the first 4 and last 4 characters: "1101**********123X". */
export function maskId(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return id.slice(0, 4) + "*".repeat(id.length - 8) + id.slice(-4);
}

// Identity documents of Hong Kong, Macau and Taiwan residents, accepted once the account has
// switched on 同港澳台居民签署合同.
export const ID_TYPES = ["CN_RESIDENT", "HK_MO_PERMIT", "HKMT_RESIDENCE"] as const;
export type IdType = (typeof ID_TYPES)[number];

export const HK_MO_PERMIT_ERROR = "港澳居民来往内地通行证号码应为H或M加8位数字（旧版为10位数字）";
export const RESIDENCE_PERMIT_PREFIX_ERROR = "港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头";

/** 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) and 8 digits; older cards 10 digits. */
export function parseHkMoPermit(raw: string): { ok: true; normalized: string } | { ok: false; error: string } {
  const normalized = raw.trim().toUpperCase().replace(/\s/g, "");
  return /^[HM](\d{8}|\d{10})$/.test(normalized) ? { ok: true, normalized } : { ok: false, error: HK_MO_PERMIT_ERROR };
}

/** 港澳台居民居住证: the resident-ID layout (date, check character) with region 810000 / 820000 / 830000. */
export function parseResidencePermit(raw: string, today: Ymd): IdParseResult {
  const parsed = parseResidentId(raw, today);
  if (!parsed.ok) return { ok: false, error: parsed.error.replace("身份证号", "居住证号码") };
  return /^8[123]0000/.test(parsed.normalized) ? parsed : { ok: false, error: RESIDENCE_PERMIT_PREFIX_ERROR };
}

/** Any accepted document: its normal form, and the birth date where the number carries one. */
export function parsePersonId(type: IdType, raw: string, today: Ymd): { ok: true; normalized: string; birthDate: Ymd | null } | { ok: false; error: string } {
  if (type === "HK_MO_PERMIT") {
    const p = parseHkMoPermit(raw);
    return p.ok ? { ok: true, normalized: p.normalized, birthDate: null } : p;
  }
  const p = type === "HKMT_RESIDENCE" ? parseResidencePermit(raw, today) : parseResidentId(raw, today);
  return p.ok ? { ok: true, normalized: p.normalized, birthDate: p.birthDate } : p;
}

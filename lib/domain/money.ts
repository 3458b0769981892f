// Money is held as integer fen (分); 1 元 = 100 分. Never parse amounts through floats.

export type YuanParse = { ok: true; fen: number } | { ok: false; error: string };

/**
 * What a phone keyboard or a pasted figure gives, as plain ASCII: full-width digits and point
 * (１２３４．５), and thousands separators in their places ("1,000", "12，345.67"). A comma
 * anywhere else is left in, and refused.
 */
export function normalizeAmount(input: string): string {
  const ascii = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, ".").replace(/，/g, ",");
  return /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(ascii) ? ascii.replace(/,/g, "") : ascii;
}

/** "1234" / "1234.5" / "1234.56" / "0.01" (also "1,234.56", "１２３４") → fen. */
export function yuanToFen(input: string): YuanParse {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(normalizeAmount(input));
  if (!m) return { ok: false, error: "请输入正确的金额" };
  const intPart = m[1]!;
  const decPart = m[2] ?? "";
  if (decPart.length > 2) return { ok: false, error: "金额最多保留两位小数" };
  // BigInt on the digit string: exact, and lets us refuse amounts beyond safe integers.
  const fen = BigInt(intPart + decPart.padEnd(2, "0"));
  if (fen === 0n) return { ok: false, error: "金额必须大于0" };
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: "金额超出允许范围" };
  return { ok: true, fen: Number(fen) };
}

/** 123450 → "¥1,234.50". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const D = (n: number) => DIGITS[n]!;

/** 1..9999 without leading 零; inner runs of zeros become one 零, trailing zeros vanish. */
function section(n: number): string {
  const units = ["仟", "佰", "拾", ""];
  let out = "";
  let pendingZero = false;
  for (let i = 0, div = 1000; i < 4; i++, div /= 10) {
    const digit = Math.floor(n / div) % 10;
    if (digit === 0) {
      if (out !== "") pendingZero = true;
    } else {
      if (pendingZero) out += "零";
      pendingZero = false;
      out += D(digit) + units[i]!;
    }
  }
  return out;
}

/** Positive integer yuan. A 零 joins a higher part to a lower part that does not fill its top digit. */
function integerYuan(n: number): string {
  if (n >= 1e8) {
    const low = n % 1e8;
    const head = integerYuan(Math.floor(n / 1e8)) + "亿";
    return low === 0 ? head : head + (low < 1e7 ? "零" : "") + integerYuan(low);
  }
  if (n >= 1e4) {
    const low = n % 1e4;
    const head = section(Math.floor(n / 1e4)) + "万";
    return low === 0 ? head : head + (low < 1e3 ? "零" : "") + section(low);
  }
  return section(n);
}

/**
 * 大写金额 for financial documents (《支付结算办法》 conventions): "壹仟贰佰叁拾肆元伍角整".
 * 整 closes any amount without 分; 零 marks a 0 元 digit before 角, or a 0 角 between 元 and 分.
 */
export function toChineseUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额必须为非负整数分: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (fen === 0) return "零元整";

  let out = yuan > 0 ? integerYuan(yuan) + "元" : "";
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += "零";
    out += D(jiao) + "角";
  } else if (fenDigit > 0 && yuan > 0) {
    out += "零";
  }
  return fenDigit > 0 ? out + D(fenDigit) + "分" : out + "整";
}

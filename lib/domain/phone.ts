// Mainland China mobile numbers: 11 digits, starting 13–19.
export const CN_MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * Removes spaces and dashes and a +86 / 86 country prefix. Does not validate:
 * check the result with CN_MOBILE_RE.
 */
export function normalizePhone(raw: string): string {
  const s = raw.replace(/[\s\-\u2010-\u2015\u3000]/g, "");
  if (s.startsWith("+86")) return s.slice(3);
  // Bare "86" is only a prefix when it makes the number 13 digits long.
  if (/^86\d{11}$/.test(s)) return s.slice(2);
  return s;
}

/** "13812345678" → "138****5678". Shorter strings are fully hidden. */
export function maskPhone(p: string): string {
  if (p.length < 8) return "*".repeat(p.length);
  return p.slice(0, 3) + "*".repeat(p.length - 7) + p.slice(-4);
}

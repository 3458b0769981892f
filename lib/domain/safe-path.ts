/**
 * A return address (callbackUrl, next) taken from a link: only a path on this site. Browsers read
 * "/\evil.example", "//evil.example", "/\t/evil.example" and their percent-encoded forms as another
 * host, so anything with a backslash, a control or space character, or a second leading slash, in
 * any decoding, lands on "/".
 */
export function sameOriginPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  let s = raw;
  for (let i = 0; i < 3; i++) {
    if (!isPlainPath(s)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return fallback;
    }
    if (decoded === s) break;
    s = decoded;
  }
  if (!isPlainPath(s)) return fallback;
  const base = "http://same-origin.invalid";
  const url = new URL(raw, base);
  return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}

function isPlainPath(s: string): boolean {
  return s.startsWith("/") && !s.startsWith("//") && !/[\\\u0000-\u0020\u007f-\u00a0\u2028\u2029]/.test(s);
}

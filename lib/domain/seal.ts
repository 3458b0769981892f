// 个人印章: a red seal drawn as SVG from the holder's real name. Pure and deterministic: the same
// name and style always give the same drawing, so a seal can be re-generated rather than stored.

export const SEAL_STYLES = {
  SQUARE_YIN: "方章·姓名之印",
  SQUARE_NAME: "方章·姓名",
  ROUND: "圆章",
} as const;
export type SealStyle = keyof typeof SEAL_STYLES;

const RED = "#d6262b";
const FONT = "'Noto Serif SC','Noto Sans SC','Songti SC',serif";

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The characters a seal shows: 姓名 + 之印 to make four, or the name itself. */
export function sealCharacters(name: string, style: SealStyle): string[] {
  const chars = [...name.replace(/[\s·•]/g, "")].slice(0, 4);
  if (style !== "SQUARE_YIN") return chars;
  if (chars.length === 2) return [...chars, "之", "印"];
  if (chars.length === 3) return [...chars, "印"];
  return chars;
}

/**
 * Square seals read right-to-left, top-to-bottom in columns (传统篆刻 order): with four characters
 * the first two stand in the right column. Round seals put the name across the middle.
 */
export function personalSealSvg(name: string, style: SealStyle, size = 160): string {
  const chars = sealCharacters(name, style);
  const glyph = (c: string, x: number, y: number, fs: number) =>
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${fs.toFixed(1)}" font-family="${FONT}" font-weight="700" fill="${RED}" text-anchor="middle" dominant-baseline="central">${escapeXml(c)}</text>`;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${escapeXml(name)}的印章">`;
  if (style === "ROUND") {
    const r = size / 2 - 4;
    const fs = Math.min(size / (chars.length + 1), size * 0.3);
    const body = chars.map((c, i) => glyph(c, size / 2 + (i - (chars.length - 1) / 2) * fs, size / 2, fs)).join("");
    const star = `<text x="${size / 2}" y="${(size * 0.27).toFixed(1)}" font-size="${(size * 0.16).toFixed(1)}" fill="${RED}" text-anchor="middle" dominant-baseline="central">★</text>`;
    return `${open}<circle cx="${size / 2}" cy="${size / 2}" r="${r}" fill="none" stroke="${RED}" stroke-width="${(size * 0.04).toFixed(1)}"/>${star}${body}</svg>`;
  }
  const pad = size * 0.12;
  const inner = size - pad * 2;
  let body: string;
  if (chars.length <= 2) {
    // one column per character, right to left
    const fs = Math.min(inner / chars.length, inner * 0.9) * 0.9;
    body = chars.map((c, i) => glyph(c, size - pad - (inner / chars.length) * (i + 0.5), size / 2, fs)).join("");
  } else if (chars.length === 3) {
    // the family name fills the right column, the given name the left
    const fs = (inner / 2) * 0.9;
    body = glyph(chars[0]!, size - pad - inner / 4, size / 2, fs * 1.3) + glyph(chars[1]!, pad + inner / 4, pad + inner / 4, fs) + glyph(chars[2]!, pad + inner / 4, size - pad - inner / 4, fs);
  } else {
    const fs = (inner / 2) * 0.9;
    const cell = (i: number) => ({ x: i < 2 ? size - pad - inner / 4 : pad + inner / 4, y: i % 2 === 0 ? pad + inner / 4 : size - pad - inner / 4 });
    body = chars.map((c, i) => glyph(c, cell(i).x, cell(i).y, fs)).join("");
  }
  const border = `<rect x="${(size * 0.03).toFixed(1)}" y="${(size * 0.03).toFixed(1)}" width="${(size * 0.94).toFixed(1)}" height="${(size * 0.94).toFixed(1)}" rx="${(size * 0.04).toFixed(1)}" fill="none" stroke="${RED}" stroke-width="${(size * 0.05).toFixed(1)}"/>`;
  return `${open}${border}${body}</svg>`;
}

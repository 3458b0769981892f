import { describe, expect, it } from "vitest";
import { SEAL_STYLES, personalSealSvg, sealCharacters, type SealStyle } from "./seal";

const styles = Object.keys(SEAL_STYLES) as SealStyle[];

describe("sealCharacters", () => {
  it.each<[string, SealStyle, string[]]>([
    ["张三", "SQUARE_YIN", ["张", "三", "之", "印"]],
    ["王小明", "SQUARE_YIN", ["王", "小", "明", "印"]],
    ["欧阳娜娜", "SQUARE_YIN", ["欧", "阳", "娜", "娜"]],
    ["张三", "SQUARE_NAME", ["张", "三"]],
    ["阿卜杜·热合曼", "SQUARE_NAME", ["阿", "卜", "杜", "热"]],
    ["李四", "ROUND", ["李", "四"]],
  ])("%s · %s", (name, style, chars) => expect(sealCharacters(name, style)).toEqual(chars));
});

describe("personalSealSvg", () => {
  it.each(styles.flatMap((s) => ["张三", "王小明", "欧阳娜娜"].map((n) => [n, s] as const)))("%s · %s is deterministic, red and holds each character", (name, style) => {
    const svg = personalSealSvg(name, style);
    expect(personalSealSvg(name, style)).toBe(svg);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('fill="#d6262b"');
    for (const c of sealCharacters(name, style)) expect(svg).toContain(`>${c}</text>`);
  });
  it("styles differ for the same name", () => {
    expect(new Set(styles.map((s) => personalSealSvg("张三", s))).size).toBe(styles.length);
  });
  it("escapes what is not a name (it never becomes markup)", () => {
    const svg = personalSealSvg("<b>&", "SQUARE_NAME");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;");
    expect(svg).toContain("&amp;");
  });
});

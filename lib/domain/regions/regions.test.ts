import { describe, expect, it } from "vitest";
import { checkRegion, findCity, findProvince, provinces, regionByCode } from "./index";

const r = (province: string, city = "", district = "", code?: string) => ({ province, city, district, ...(code === undefined ? {} : { code }) });

describe("the division data", () => {
  it("holds every province-level division once, with real codes", () => {
    const all = provinces();
    expect(all).toHaveLength(34);
    expect(new Set(all.map((p) => p.name)).size).toBe(34);
    expect(all.map((p) => p.code)).toEqual(expect.arrayContaining(["110000", "440000", "650000", "710000", "810000", "820000"]));
    const counties = all.flatMap((p) => p.cities.flatMap((c) => c.districts));
    expect(counties.length).toBeGreaterThan(2800);
    // six digits, within the province (and city) above, unique, no 功能区 (x71–x80)
    for (const p of all)
      for (const c of p.cities) {
        expect(c.code).toMatch(new RegExp(`^${p.code.slice(0, 2)}\\d{4}$`));
        for (const d of c.districts) {
          expect(d.code).toMatch(new RegExp(`^${p.code.slice(0, 2)}\\d{4}$`));
          expect(Number(d.code.slice(4)) >= 71 && Number(d.code.slice(4)) <= 80).toBe(false);
        }
      }
    const codes = all.flatMap((p) => [p.code, ...p.cities.flatMap((c) => [c.code, ...c.districts.map((d) => d.code)])]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ["110105", { province: "北京市", city: "北京市", district: "朝阳区" }],
    ["500229", { province: "重庆市", city: "重庆市", district: "城口县" }], // a 县 of 重庆 under the one city
    ["152502", { province: "内蒙古自治区", city: "锡林郭勒盟", district: "锡林浩特市" }],
    ["429004", { province: "湖北省", city: "仙桃市", district: "" }], // 省直辖县级
    ["441900", { province: "广东省", city: "东莞市", district: "" }],
    ["810000", { province: "香港特别行政区", city: "", district: "" }],
    ["130171", undefined], // 石家庄高新技术产业开发区: 统计局's 功能区, not GB/T 2260
    ["999999", undefined],
  ])("code %s → %j", (code, names) => {
    expect(regionByCode(code)).toEqual(names);
  });

  it("finds a city only within its province", () => {
    expect(findCity(findProvince("广东省"), "深圳市")?.code).toBe("440300");
    expect(findCity(findProvince("广西壮族自治区"), "深圳市")).toBeUndefined();
    expect(findCity(findProvince("广东"), "深圳市")).toBeUndefined();
  });
});

describe("checkRegion", () => {
  it.each([
    ["a valid triple", r("广东省", "深圳市", "南山区"), { ok: true, code: "440305" }],
    ["the code of the triple", r("广东省", "深圳市", "南山区", "440305"), { ok: true, code: "440305" }],
    ["an old value without code", r("北京市", "北京市", "朝阳区"), { ok: true, code: "110105" }],
    ["spaces around the names", r(" 浙江省 ", "杭州市 ", " 西湖区"), { ok: true, code: "330106" }],
    ["a municipality", r("上海市", "上海市", "闵行区", "310112"), { ok: true, code: "310112" }],
    ["重庆's counties", r("重庆市", "重庆市", "忠县"), { ok: true, code: "500233" }],
    ["省直辖县级: the city, no 区县", r("海南省", "琼海市", "", "469002"), { ok: true, code: "469002" }],
    ["a city without 区县", r("广东省", "东莞市"), { ok: true, code: "441900" }],
    ["香港: the province only", r("香港特别行政区", "", "", "810000"), { ok: true, code: "810000" }],
    ["a 盟 and its 市", r("内蒙古自治区", "锡林郭勒盟", "锡林浩特市"), { ok: true, code: "152502" }],
    ["nothing chosen", r(""), { ok: false, part: "province", problem: "missing" }],
    ["no city", r("广东省"), { ok: false, part: "city", problem: "missing" }],
    ["no 区县", r("广东省", "深圳市"), { ok: false, part: "district", problem: "missing" }],
    ["a free-text province", r("广东", "深圳市", "南山区"), { ok: false, part: "province", problem: "unknown" }],
    ["a city not in the province", r("广西壮族自治区", "深圳市", "南山区"), { ok: false, part: "city", problem: "unknown" }],
    ["a 区县 not in the city", r("广东省", "广州市", "南山区"), { ok: false, part: "district", problem: "unknown" }],
    ["a made-up 区县", r("内蒙古自治区", "锡林郭勒盟", "示例旗"), { ok: false, part: "district", problem: "unknown" }],
    ["a 功能区", r("江苏省", "苏州市", "苏州工业园区"), { ok: false, part: "district", problem: "unknown" }],
    ["a forged code", r("广东省", "深圳市", "南山区", "440304"), { ok: false, part: "district", problem: "unknown" }],
    ["a code of the level above", r("广东省", "深圳市", "南山区", "440300"), { ok: false, part: "district", problem: "unknown" }],
    ["a code that is not one", r("北京市", "北京市", "朝阳区", "<script>"), { ok: false, part: "district", problem: "unknown" }],
    ["a forged code for 东莞", r("广东省", "东莞市", "", "441901"), { ok: false, part: "city", problem: "unknown" }],
    ["a 区县 under 东莞", r("广东省", "东莞市", "南城街道"), { ok: false, part: "district", problem: "unknown" }],
    ["a city under 香港", r("香港特别行政区", "九龙"), { ok: false, part: "city", problem: "unknown" }],
    ["the old 市辖区 form", r("北京市", "市辖区", "朝阳区"), { ok: false, part: "city", problem: "unknown" }],
  ] as const)("%s", (_, value, expected) => {
    expect(checkRegion(value)).toEqual(expected);
  });
});

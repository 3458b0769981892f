import { describe, expect, it } from "vitest";
import { idCheckChar } from "../idcard";
import { chineseOrdinal, disputeSection, sentence } from "./clauses";
import {
  addMonths,
  checkbox,
  date,
  defineTemplate,
  describeTerm,
  isShown,
  lineTotalFen,
  list,
  money,
  number,
  partyAgeError,
  periodError,
  phone,
  region,
  select,
  shownStepFields,
  signSteps,
  step,
  text,
  textarea,
  textError,
  time,
  type AnyField,
  type FormOf,
} from "./engine";

const today = { y: 2026, m: 3, d: 10 };
const ctx = { today };

// A small template exercising every field kind, defined the way real templates are.
const steps = [
  step("全部字段", [
    text("name", "名称", { max: 10 }),
    textarea("note", "说明", { max: 20, required: false }),
    phone("mobile", "手机号", { required: false }),
    money("price", "价格", { maxFen: 100_000 }),
    number("count", "数量", { min: 1, max: 5, unit: "个" }),
    number("ratio", "比例", { decimals: 1, min: 0, max: 10, required: false }),
    date("due", "日期", { notBefore: 0, notAfter: 30 }),
    time("at", "时间", { required: false }),
    select("mode", "方式", { A: "甲", B: "乙" }),
    checkbox("more", "更多"),
    text("detail", "补充", { max: 10, showWhen: { field: "more", equals: true } }),
    text("deeper", "再补充", { max: 10, showWhen: { field: "detail", filled: true } }),
    checkbox("agree", "同意", { mustBeTrue: "请先同意" }),
    region("where", "地址", { required: false }),
    list("rows", "明细", [text("item", "项目", { max: 5 }), money("amount", "金额")], { maxRows: 2 }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

const demoMeta = {
  id: "demo",
  name: "演示合同",
  category: "money",
  summary: "演示",
  roles: [
    { key: "A", label: "甲", asMe: "我是甲" },
    { key: "B", label: "乙", asMe: "我是乙" },
  ],
  initiators: ["A"],
  defaultInitiator: "A",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
} as const;

const demo = defineTemplate({
  ...demoMeta,
  steps,
  sample: (): Partial<Form> => ({
    name: "示例",
    price: "100",
    count: "2",
    due: "2026-03-12",
    mode: "B",
    agree: true,
    rows: [{ item: "一", amount: "1" }],
  }),
  facts: (f: Form) => ({ name: f.name }),
  body: (x) => ({ sections: [], closing: false, intro: [{ type: "paragraph", text: x.name }] }),
});

const issues = (form: Record<string, unknown>) => {
  const r = demo.schema(ctx).safeParse(form);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};
const good = demo.sample(today);

describe("field checks", () => {
  it("accepts a good form and derives the empty form from the declarations", () => {
    expect(issues(good)).toEqual({});
    const empty = demo.emptyForm(today);
    expect(empty).toMatchObject({ name: "", mode: "A", more: false, where: { province: "", city: "", district: "", detail: "", code: "" } });
    expect(empty.rows).toEqual([{ item: "", amount: "" }]); // a required list starts with one row
  });

  it.each([
    [{ name: "" }, "name", "请填写名称"],
    [{ name: "一二三四五六七八九十一" }, "name", "名称最多10个字"],
    [{ name: "a\tb" }, "name", "名称含有不可见的控制字符，请删除后重新输入"],
    [{ note: "\u0000" }, "note", "说明含有不可见的控制字符，请删除后重新输入"],
    [{ mobile: "12345" }, "mobile", "请输入正确的11位大陆手机号"],
    [{ price: "1000.01" }, "price", "价格最高¥1,000.00"],
    [{ price: "0.00" }, "price", "价格必须大于0"],
    [{ price: "-3" }, "price", "价格必须大于0"],
    [{ count: "2.5" }, "count", "数量请填写整数"],
    [{ count: "0" }, "count", "数量不能小于1个"],
    [{ count: "6" }, "count", "数量不能大于5个"],
    [{ ratio: "1.25" }, "ratio", "比例请填写数字，最多1位小数"],
    [{ due: "2026-02-30" }, "due", "请选择有效的日期"],
    [{ due: "2026-03-09" }, "due", "日期不能早于今天"],
    [{ due: "2026-04-10" }, "due", "日期不能晚于2026年4月9日"],
    [{ at: "25:00" }, "at", "时间格式应为时:分，如14:30"],
    [{ mode: "C" }, "mode", "请选择方式"],
    [{ agree: false }, "agree", "请先同意"],
    [{ more: true }, "detail", "请填写补充"],
    [{ rows: [] }, "rows", "请至少填写1项明细"],
    [{ rows: [{ item: "一", amount: "1" }, { item: "二", amount: "1" }, { item: "三", amount: "1" }] }, "rows", "明细最多2项"],
    [{ rows: [{ item: "", amount: "0" }] }, "rows.0.item", "请填写项目"],
    [{ rows: [{ item: "一", amount: "0" }] }, "rows.0.amount", "金额必须大于0"],
    [{ where: { province: "广东省", city: "", district: "", detail: "" } }, "where.detail", undefined],
    [{ where: { province: "广东省", city: "", district: "", detail: "" } }, "where.city", "请选择城市"], // optional, but once begun whole
    [{ where: { province: "", city: "", district: "", detail: "1号" } }, "where.province", "请选择省份"],
    [{ where: { province: "广东省", city: "深圳市", district: "南山", detail: "" } }, "where.district", "所选地区不存在"],
    [{ where: "广东" }, "where", "地址格式不正确"],
    [{ rows: [{ item: 3, amount: "1" }] }, "rows", "明细格式不正确"],
  ] as const)("%j → %s: %s", (change, path, message) => {
    expect(issues({ ...good, ...change })[path]).toBe(message);
  });

  it("checks conditional fields only while shown, through chains of conditions", () => {
    expect(issues({ ...good, more: false, detail: "" }).detail).toBeUndefined();
    // deeper depends on detail, which depends on more: hiding `more` hides both
    expect(issues({ ...good, more: false, detail: "x" }).deeper).toBeUndefined();
    expect(issues({ ...good, more: true, detail: "x" }).deeper).toBe("请填写再补充");
    const parsed = demo.schema(ctx).parse({ ...good, more: false, detail: "旧值", deeper: "旧值" });
    expect(parsed.detail).toBe("");
    expect(parsed.deeper).toBe("");
  });

  it("trims text, including list cells and region parts", () => {
    const parsed = demo.schema(ctx).parse({
      ...good,
      name: "  示例  ",
      rows: [{ item: " 一 ", amount: " 1 " }],
      where: { province: " 广东省 ", city: "深圳市", district: "南山区", detail: " 1号 " },
    });
    expect(parsed.name).toBe("示例");
    expect(parsed.rows).toEqual([{ item: "一", amount: "1" }]);
    expect(parsed.where).toEqual({ province: "广东省", city: "深圳市", district: "南山区", detail: "1号", code: "440305" });
  });

  it("lists a step's shown fields for rendering and per-step validation", () => {
    expect(shownStepFields(demo.steps, 0, { ...good, more: false }).map((f) => f.name)).not.toContain("detail");
    expect(shownStepFields(demo.steps, 0, { ...good, more: true }).map((f) => f.name)).toContain("detail");
    expect(shownStepFields(demo.steps, 5, good)).toEqual([]);
  });

  it("resets a hidden list to no rows", () => {
    const hidden = list("extra", "附加", [text("x", "项", { max: 5 })], { showWhen: { field: "flag", equals: true } });
    const t2 = defineTemplate({
      ...demoMeta,
      id: "demo2",
      steps: [step("s", [checkbox("flag", "开关"), hidden])] as const,
      sample: () => ({}),
      facts: () => ({}),
      body: () => ({ sections: [], closing: false }),
    });
    expect(t2.emptyForm(today).extra).toEqual([{ x: "" }]);
    expect(t2.schema(ctx).parse({ flag: false, extra: [{ x: "旧" }] }).extra).toEqual([]);
  });

  it("drops unknown keys", () => {
    const parsed = demo.schema(ctx).parse({ ...good, injected: "<script>" });
    expect("injected" in parsed).toBe(false);
  });
});

describe("definition checks", () => {
  const base = {
    id: "bad",
    name: "坏",
    category: "money" as const,
    summary: "",
    roles: demo.roles,
    initiators: ["A"],
    defaultInitiator: "A",
    signOrder: "counterparty-first" as const,
    ageRange: { min: 18, max: 75 },
    sample: () => ({}),
    facts: () => ({}),
    body: () => ({ sections: [], closing: false as const }),
  };
  it("refuses duplicate field names and conditions on unknown fields at load", () => {
    expect(() => defineTemplate({ ...base, steps: [step("x", [text("a", "甲"), text("a", "乙")])] })).toThrow(/duplicate field a/);
    expect(() => defineTemplate({ ...base, steps: [step("x", [text("a", "甲", { showWhen: { field: "zz", equals: "1" } })])] })).toThrow(/unknown field zz/);
  });
});

describe("text", () => {
  it("counts characters, not UTF-16 units, and refuses invisible controls", () => {
    // 𠀀 (U+20000) is one character in two UTF-16 units
    expect(textError("x", "𠀀".repeat(5), 5)).toBeNull();
    expect(textError("x", "𠀀".repeat(6), 5)).toBe("x最多5个字");
    // emoji have no glyph in the contract fonts: refused rather than printed as boxes
    expect(textError("x", "房子🏠", 5)).toBe("x暂不支持表情符号，请删除后重新输入");
    expect(textError("x", "❤\uFE0F", 5)).toBe("x暂不支持表情符号，请删除后重新输入");
    expect(textError("x", "a\u202Eb", 5)).toContain("控制字符"); // right-to-left override
    expect(textError("x", "a\uFEFFb", 5)).toContain("控制字符");
    expect(textError("x", "\uD800", 5)).toContain("控制字符"); // lone surrogate
    expect(textError("x", "<b>&amp;</b>", 20)).toBeNull();
    expect(textError("x", "一\n二", 5)).toContain("控制字符");
    expect(textError("x", "一\r\n二\t三", 10, true)).toBeNull();
  });
});

describe("dates and terms", () => {
  it.each([
    [{ y: 2026, m: 1, d: 31 }, 1, { y: 2026, m: 2, d: 28 }],
    [{ y: 2028, m: 1, d: 31 }, 1, { y: 2028, m: 2, d: 29 }],
    [{ y: 2026, m: 11, d: 15 }, 3, { y: 2027, m: 2, d: 15 }],
    [{ y: 2026, m: 3, d: 10 }, 240, { y: 2046, m: 3, d: 10 }],
    [{ y: 2026, m: 3, d: 10 }, -3, { y: 2025, m: 12, d: 10 }],
  ])("addMonths(%j, %i) = %j", (from, n, to) => {
    expect(addMonths(from, n)).toEqual(to);
  });

  it.each([
    ["2026-01-01", "2026-12-31", "1年"],
    ["2026-01-01", "2026-01-31", "1个月"],
    ["2026-01-01", "2026-01-15", "15天"],
    ["2026-01-15", "2027-03-20", "1年2个月6天"],
    ["2026-01-01", "2026-01-01", "1天"],
  ])("describeTerm(%s..%s) = %s", (a, b, s) => {
    const [y1, m1, d1] = a.split("-").map(Number) as [number, number, number];
    const [y2, m2, d2] = b.split("-").map(Number) as [number, number, number];
    expect(describeTerm({ y: y1, m: m1, d: d1 }, { y: y2, m: m2, d: d2 })).toBe(s);
  });

  it("checks inclusive periods", () => {
    expect(periodError("2026-01-01", "2025-12-31")).toBe("结束日期不能早于开始日期");
    expect(periodError("2026-01-01", "2026-01-01")).toBeNull();
    expect(periodError("2026-01-01", "2026-01-30", { minMonths: 1, what: "租期" })).toBe("租期至少1个月");
    expect(periodError("2026-01-01", "2026-01-31", { minMonths: 1 })).toBeNull();
    expect(periodError("2026-01-01", "2045-12-31", { maxMonths: 240 })).toBeNull();
    expect(periodError("2026-01-01", "2046-01-01", { maxMonths: 240, what: "租期" })).toBe("租期最长20年");
    expect(periodError("", "2026-01-01")).toBeNull(); // the field check reports the missing date
  });
});

describe("money helpers", () => {
  it.each([
    [9950, "2", 19900],
    [9950, "2.5", 24875],
    [333, "0.5", 167], // 166.5 rounds half up
    [1, "0.01", 0],
    [1_000_000_000, "1000000", 1_000_000_000_000_000], // ¥10,000,000 × 1,000,000: exact
    [999_999_999, "999999.99", 999_999_989_000_000], // a float product would drift here
    [100, "1.234", 0], // more decimals than allowed: not a quantity
  ])("lineTotalFen(%i, %s) = %i", (unit, qty, total) => {
    expect(lineTotalFen(unit, qty)).toBe(total);
  });
});

describe("conditions", () => {
  const a = checkbox("a", "甲");
  const b = text("b", "乙", { showWhen: { field: "a", equals: true } });
  const c = text("c", "丙", { showWhen: { all: [{ field: "a", equals: true }, { field: "b", oneOf: ["x", "y"] }] } });
  const byName = new Map<string, AnyField>([a, b, c].map((f) => [f.name, f]));
  it("evaluates equals, oneOf and all", () => {
    expect(isShown(b, { a: true }, byName)).toBe(true);
    expect(isShown(b, { a: false }, byName)).toBe(false);
    expect(isShown(c, { a: true, b: "y" }, byName)).toBe(true);
    expect(isShown(c, { a: true, b: "z" }, byName)).toBe(false);
    expect(isShown(c, { a: false, b: "x" }, byName)).toBe(false);
  });
});

describe("signing order and parties", () => {
  const receiptLike = { signOrder: "receipt" as const, roles: [{ key: "PAYEE", label: "收款人", asMe: "" }, { key: "PAYER", label: "付款人", asMe: "" }] as const };
  it("derives who acts when", () => {
    expect(signSteps({ ...receiptLike }, "PAYEE")).toEqual([
      { by: "initiator", action: "sign" },
      { by: "counterparty", action: "claim" },
    ]);
    expect(signSteps({ ...receiptLike }, "PAYER")).toEqual([
      { by: "initiator", action: "confirm" },
      { by: "counterparty", action: "sign" },
    ]);
    expect(signSteps({ ...receiptLike, signOrder: "counterparty-first" }, "PAYEE")[0]).toEqual({ by: "counterparty", action: "sign" });
    expect(signSteps({ ...receiptLike, signOrder: "initiator-first" }, "PAYEE")[0]).toEqual({ by: "initiator", action: "sign" });
  });

  it("applies the template's age range to a resident ID", () => {
    const id = (birth: string) => {
      const first17 = `110101${birth}123`;
      return first17 + idCheckChar(first17);
    };
    const meta = { name: "收据", ageRange: { min: 18, max: 75 } };
    expect(partyAgeError(meta, id("20080310"), today)).toBeNull(); // 18 today
    expect(partyAgeError(meta, id("20080311"), today)).toBe("收据仅支持18–75周岁的大陆居民签署");
    expect(partyAgeError(meta, id("19500310"), today)).toBe("收据仅支持18–75周岁的大陆居民签署"); // 76
    expect(partyAgeError(meta, "110101200001011234", today)).toMatch(/校验位/);
  });
});

describe("clause helpers", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [14, "十四"],
    [20, "二十"],
    [23, "二十三"],
  ])("chineseOrdinal(%i) = %s", (n, s) => expect(chineseOrdinal(n)).toBe(s));

  it("ends free text as a sentence once", () => {
    expect(sentence("按时缴费")).toBe("按时缴费。");
    expect(sentence("按时缴费。")).toBe("按时缴费。");
    expect(sentence("按时缴费！")).toBe("按时缴费！");
  });

  it("names the court by venue", () => {
    const text = (v: Parameters<typeof disputeSection>[0]) => disputeSection(v).blocks.map((b) => (b.type === "paragraph" ? b.text : "")).join("");
    expect(text({ kind: "general" })).toContain("被告住所地或合同履行地");
    expect(text({ kind: "property", what: "房屋" })).toContain("房屋所在地");
    expect(text({ kind: "land" })).toContain("农村土地承包仲裁机构");
  });
});

// Table-driven checks over the whole registry: every wizard template's sample passes its own
// schema, typical bad inputs are refused on the right field, and the rendered document carries the
// title, both parties and the amounts in 大写.
import { describe, expect, it } from "vitest";
import { toChineseUppercase } from "../money";
import { fieldsOf, isoDay, shownFieldNames, type AnyField, type FormValues, type Row } from "./engine";
import { TEMPLATES, TEMPLATE_CATEGORIES, wizardTemplateById, type WizardTemplate } from "./registry";
import { ctx, docText, issueAt, issuesOf, render, signersFor, today } from "./templates.test-helpers";

const wizards: readonly WizardTemplate[] = TEMPLATES;

const NAMES = [
  "借条",
  "收据",
  "保证合同",
  "债务转移协议（三方）",
  "租房合同",
  "买卖合同",
  "服务合同",
  "交通事故和解协议",
  "兼职合同",
  "图片许可使用合同",
  "家政服务合同",
  "商铺租赁合同",
  "物品租赁合同",
  "车位租赁合同",
  "装饰装修合同",
  "赠与合同",
  "对账单",
  "简易对账单",
  "上门喂养宠物服务合同",
  "草场流转合同",
];

const sampleOf = (t: WizardTemplate) => t.sample(today);
const shown = (t: WizardTemplate, form: FormValues) => {
  const names = new Set(shownFieldNames(t.steps, form));
  return fieldsOf(t.steps).filter((f) => names.has(f.name));
};

/** The value that leaves a field empty. */
function emptyOf(f: AnyField): FormValues[string] {
  if (f.kind === "list") return [];
  if (f.kind === "checkbox") return false;
  if (f.kind === "region") return { province: "", city: "", district: "", detail: "", code: "" };
  return "";
}

/** A value of the controlling field that makes `c` true, and one that makes it false. */
function toggles(c: NonNullable<AnyField["showWhen"]>, byName: Map<string, AnyField>) {
  if ("all" in c || "filled" in c) return null;
  const target = byName.get(c.field)!;
  if ("equals" in c) {
    if (typeof c.equals === "boolean") return { field: c.field, show: c.equals, hide: !c.equals };
    const other = target.kind === "select" || target.kind === "radio" ? target.options.find((o) => o.value !== c.equals)?.value : "";
    return other === undefined ? null : { field: c.field, show: c.equals, hide: other };
  }
  const other = target.kind === "select" || target.kind === "radio" ? target.options.find((o) => !c.oneOf.includes(o.value))?.value : undefined;
  return other === undefined ? null : { field: c.field, show: c.oneOf[0]!, hide: other };
}

/** Date-order cases: the change that puts a later date before an earlier one, and the field blamed. */
const ORDER: Record<string, { change: FormValues; path: string } | null> = {
  iou: { change: { loanDate: isoDay(today, 0), repayMode: "ONCE", repayDate: isoDay(today, -1) }, path: "repayDate" },
  receipt: null, // a single date
  guarantee: null, // a single date
  "debt-transfer": { change: { transferOn: isoDay(today, 10), repayBy: isoDay(today, 5) }, path: "repayBy" },
  gift: null, // a single date
  rental: { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5), handoverDate: isoDay(today, 1) }, path: "endDate" },
  sale: { change: { paymentMode: "FULL_BEFORE", deliveryDate: isoDay(today, 3), payDate: isoDay(today, 4) }, path: "payDate" },
  service: { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5), advanceDate: isoDay(today, 1) }, path: "endDate" },
  "traffic-settlement": { change: { accidentDate: isoDay(today, -1), payDate: isoDay(today, -2) }, path: "payDate" },
  "part-time": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  "image-license": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  housekeeping: { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  "shop-lease": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5), handoverDate: isoDay(today, 1) }, path: "endDate" },
  "item-lease": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  "parking-lease": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  renovation: { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  statement: { change: { periodStart: isoDay(today, -5), periodEnd: isoDay(today, -10), lines: [] }, path: "periodEnd" },
  "simple-statement": { change: { periodStart: isoDay(today, -5), asOf: isoDay(today, -10) }, path: "asOf" },
  "pet-feeding": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
  "grassland-transfer": { change: { startDate: isoDay(today, 10), endDate: isoDay(today, 5) }, path: "endDate" },
};

// ─── the registry ───

describe("registry", () => {
  it("holds exactly the official templates, in library order, with unique ids", () => {
    expect(TEMPLATES).toHaveLength(NAMES.length);
    expect(TEMPLATES.map((t) => t.name)).toEqual(NAMES);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(NAMES.length);
    for (const t of TEMPLATES) expect(t.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("holds the 借条 as a template like the others, with its own rules", () => {
    const iou = wizardTemplateById("iou")!;
    expect(iou.roles.map((r) => r.key)).toEqual(["LENDER", "BORROWER"]);
    expect(iou.ageRange).toEqual({ min: 22, max: 75 });
    expect(iou.settleable).toBe(true);
    expect(wizardTemplateById("rental")?.name).toBe("租房合同");
    expect(wizardTemplateById("nope")).toBeUndefined();
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))("%s: two or more distinct roles, sensible initiators, a known category", (_, t) => {
    expect(t.roles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(t.roles.map((r) => r.key)).size).toBe(t.roles.length);
    for (const r of t.roles) {
      expect(r.key).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(r.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.asMe).toMatch(/^我/);
    }
    const keys = t.roles.map((r) => r.key);
    expect(t.initiators.length).toBeGreaterThan(0);
    for (const k of t.initiators) expect(keys).toContain(k);
    expect(t.initiators).toContain(t.defaultInitiator);
    expect(TEMPLATE_CATEGORIES.map((c) => c.id)).toContain(t.category);
    expect(t.summary.length).toBeGreaterThan(5);
  });

  it("uses every category, and the contract templates sign counterparty first", () => {
    for (const c of TEMPLATE_CATEGORIES) expect(TEMPLATES.some((t) => t.category === c.id)).toBe(true);
    const order: Record<string, string> = { receipt: "receipt", iou: "initiator-first" };
    for (const t of wizards) expect(t.signOrder).toBe(order[t.id] ?? "counterparty-first");
    for (const t of wizards) expect(t.ageRange).toEqual(t.id === "iou" ? { min: 22, max: 75 } : { min: 18, max: 75 });
  });
});

// ─── every wizard template ───

describe.each(wizards.map((t) => [t.name, t] as const))("%s", (_, t) => {
  const sample = sampleOf(t);
  const byName = new Map(fieldsOf(t.steps).map((f) => [f.name, f]));

  it("has a real wizard: enough fields, each labelled in Chinese and bounded", () => {
    const fields = fieldsOf(t.steps);
    expect(fields.length).toBeGreaterThanOrEqual(7);
    expect(fields.filter((f) => f.required).length).toBeGreaterThanOrEqual(4);
    expect(t.steps.every((s) => s.title && s.fields.length > 0)).toBe(true);
    for (const f of fields) expect(f.label).toMatch(/[\u4e00-\u9fa5]/);
    // every free text is bounded
    for (const f of fields) if (f.kind === "text") expect(f.max).toBeLessThanOrEqual(200);
    for (const f of fields) if (f.kind === "textarea") expect(f.max).toBeLessThanOrEqual(1000);
  });

  it("accepts its sample", () => {
    expect(issuesOf(t, sample)).toEqual([]);
  });

  it.each([
    { y: 2028, m: 2, d: 29 },
    { y: 2026, m: 12, d: 31 },
    { y: 2027, m: 1, d: 31 },
  ])("accepts its sample on other days too (%j)", (day) => {
    const r = t.schema({ today: day }).safeParse(t.sample(day));
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it("reads a stored form back exactly, and tolerates an older or damaged one", () => {
    const parsed = t.schema(ctx).parse(sample);
    expect(t.read(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    const partial = t.read({ [fieldsOf(t.steps)[0]!.name]: 42 });
    expect(Object.keys(partial).sort()).toEqual(fieldsOf(t.steps).map((f) => f.name).sort());
    expect(() => t.document(t.facts(t.read(null)), signersFor(t), { number: "T" })).not.toThrow();
  });

  it("refuses the empty form and reports on required fields", () => {
    const issues = issuesOf(t, t.emptyForm(today));
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("refuses an empty required field", () => {
    const f = shown(t, sample).find((x) => (x.kind === "text" || x.kind === "textarea" || x.kind === "money" || x.kind === "date") && x.required)!;
    expect(f).toBeDefined();
    const issue = issueAt(t, { ...sample, [f.name]: "   " }, f.name);
    expect(issue?.message).toMatch(/^请(填写|选择)/);
  });

  it("refuses over-long text, control characters and emoji, accepts HTML as plain text", () => {
    const f = shown(t, sample).find((x) => x.kind === "text")!;
    if (f.kind !== "text") throw new Error("no text field");
    expect(issueAt(t, { ...sample, [f.name]: "长".repeat(f.max + 1) }, f.name)?.message).toBe(`${f.label}最多${f.max}个字`);
    expect(issueAt(t, { ...sample, [f.name]: "示例\u0007文字" }, f.name)?.message).toContain("控制字符");
    expect(issueAt(t, { ...sample, [f.name]: "示例\u202E文字" }, f.name)?.message).toContain("控制字符");
    expect(issueAt(t, { ...sample, [f.name]: "第一行\n第二行" }, f.name)?.message).toContain("控制字符");
    if (!f.pattern) {
      const html = "<b>示例</b>".slice(0, f.max);
      const parsed = t.schema(ctx).safeParse({ ...sample, [f.name]: `  ${html}  ` });
      expect(parsed.success).toBe(true);
      expect(parsed.data?.[f.name]).toBe(html); // trimmed, otherwise untouched
      expect(issueAt(t, { ...sample, [f.name]: "🏠".repeat(Math.min(f.max, 10)) }, f.name)?.message).toContain("暂不支持表情符号");
    }
    const area = shown(t, sample).find((x) => x.kind === "textarea");
    if (area?.kind === "textarea") {
      expect(issueAt(t, { ...sample, [area.name]: "第一行\n第二行" }, area.name)).toBeUndefined();
      expect(issueAt(t, { ...sample, [area.name]: "字".repeat(area.max + 1) }, area.name)?.message).toContain("最多");
      expect(issueAt(t, { ...sample, [area.name]: "文字\u0000" }, area.name)?.message).toContain("控制字符");
    }
  });

  it("refuses zero and negative amounts", () => {
    const top = shown(t, sample).find((x) => x.kind === "money");
    let target: { path: string; form: (v: string) => FormValues };
    if (top) target = { path: top.name, form: (v) => ({ ...sample, [top.name]: v }) };
    else {
      const l = shown(t, sample).find((x) => x.kind === "list" && x.columns.some((c) => c.kind === "money"));
      if (l?.kind !== "list") throw new Error("template without amounts");
      const col = l.columns.find((c) => c.kind === "money")!;
      const rows = sample[l.name] as Row[];
      target = { path: `${l.name}.0.${col.name}`, form: (v) => ({ ...sample, [l.name]: rows.map((r, i) => (i === 0 ? { ...r, [col.name]: v } : r)) }) };
    }
    expect(issueAt(t, target.form("0"), target.path)?.message).toMatch(/必须大于0/);
    expect(issueAt(t, target.form("-100"), target.path)?.message).toMatch(/必须大于0/);
    expect(issueAt(t, target.form("12.345"), target.path)?.message).toBe("金额最多保留两位小数");
    expect(issueAt(t, target.form("一百"), target.path)?.message).toBe("请输入正确的金额");
  });

  it("refuses a later date before an earlier one", () => {
    const c = ORDER[t.id];
    expect(c, `missing ORDER entry for ${t.id}`).not.toBeUndefined();
    if (!c) return;
    expect(issueAt(t, { ...sample, ...c.change }, c.path)).toBeDefined();
  });

  it("requires a conditional field only while it is shown", () => {
    let checked = 0;
    for (const f of fieldsOf(t.steps)) {
      if (!f.showWhen || !f.required) continue;
      const tg = toggles(f.showWhen, byName);
      if (!tg) continue;
      const show = { ...sample, [tg.field]: tg.show, [f.name]: emptyOf(f) };
      const hide = { ...sample, [tg.field]: tg.hide, [f.name]: emptyOf(f) };
      expect(issueAt(t, show, f.name), `${f.name} shown`).toBeDefined();
      expect(issueAt(t, hide, f.name), `${f.name} hidden`).toBeUndefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("resets hidden fields in the parsed output", () => {
    let checked = 0;
    for (const f of fieldsOf(t.steps)) {
      const tg = f.showWhen && toggles(f.showWhen, byName);
      if (!tg || !["text", "textarea", "money", "number", "date"].includes(f.kind)) continue;
      const parsed = t.schema(ctx).safeParse({ ...sample, [tg.field]: tg.hide, [f.name]: "隐藏时残留的旧值" });
      if (!parsed.success) continue; // the other value needs facts the sample lacks
      expect(parsed.data[f.name], f.name).toBe("");
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("refuses values of the wrong type, and tolerates missing hidden values", () => {
    const f = shown(t, sample).find((x) => x.kind === "text")!;
    expect(issueAt(t, { ...sample, [f.name]: 5 }, f.name)?.message).toBe(`${f.label}格式不正确`);
    expect(issueAt(t, { ...sample, [f.name]: { a: 1 } }, f.name)?.message).toBe(`${f.label}格式不正确`);
    expect(t.schema(ctx).safeParse(null).success).toBe(false);
    expect(t.schema(ctx).safeParse("text").success).toBe(false);
    // react-hook-form may unregister hidden inputs: their keys are simply absent
    const visible = new Set(shownFieldNames(t.steps, sample));
    const onlyShown = Object.fromEntries(Object.entries(sample).filter(([k]) => visible.has(k)));
    expect(issuesOf(t, onlyShown)).toEqual([]);
  });

  it("renders the sample with the title, both parties and the amounts in 大写", () => {
    const doc = render(t, sample);
    const text = docText(doc);
    expect(doc.title).toBe(t.name);
    expect(text).toContain("张三");
    expect(text).toContain("李四");
    for (const r of t.roles) expect(text).toContain(r.label);
    expect(text).toContain("T-0001");
    const headline = t.headlineFen(t.facts(t.schema(ctx).parse(sample)));
    if (headline !== null && headline > 0) expect(text).toContain(toChineseUppercase(headline));
    expect(text).toMatch(/[壹贰叁肆伍陆柒捌玖]/);
    expect(text).not.toMatch(/undefined|NaN|null|\[object/);
    expect(doc.signers.map((s) => s.roleLabel)).toEqual(t.roles.map((r) => r.label));
  });

  it("prints （待对方补充） while the counterparty has not filled in their identity", () => {
    const text = docText(render(t, sample, signersFor(t, "")));
    expect(text).toContain("（待对方补充）");
    expect(text).not.toContain("李四");
  });

  it("carries the standard closing clauses (except the receipt statement)", () => {
    const text = docText(render(t, sample));
    if (t.id === "receipt") return expect(text).toContain("电子签名");
    expect(text).toContain("争议解决");
    expect(text).toContain("人民法院");
    expect(text).toContain("电子签名法");
    expect(text).toContain("电子原件");
  });

  it("renders every option of every choice without gaps", () => {
    for (const f of fieldsOf(t.steps)) {
      if (f.kind !== "select" && f.kind !== "radio") continue;
      for (const o of f.options) {
        const form = { ...sample, [f.name]: o.value };
        const r = t.schema(ctx).safeParse(form);
        if (!r.success) continue; // the option needs other facts the sample does not have
        const text = docText(t.document(t.facts(r.data), signersFor(t), { number: "T" }));
        expect(text, `${f.name}=${o.value}`).not.toMatch(/undefined|NaN|null|\[object/);
      }
    }
  });
});

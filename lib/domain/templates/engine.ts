// The template engine: what a template definition is, and the generic machinery every template
// shares — field kinds, conditional visibility, the wizard's zod schema built from the field
// definitions, empty forms, and small parsing helpers for facts. Pure: no I/O, no React.
//
// A template declares its wizard as data (steps → fields). From that one declaration the engine
// derives the form type (FormOf), the empty form, and the schema that checks every shown field
// (required, length, control characters, money, dates, lists). The template adds only its own
// cross-field rules (dates in order, term limits, totals) and its clauses. So the UI, the server
// action and the renderer can never disagree about which fields exist.
import { z } from "zod";
import { addDays, compareYmd, daysBetween, formatYmd, formatYmdChinese, parseYmd, type YMD } from "../dates";
import { ageOn, parsePersonId, type IdType } from "../idcard";
import { formatYuan, yuanToFen } from "../money";
import { hasEmoji, HIDDEN_CHARS } from "../typed-text";
import { CN_MOBILE_RE, normalizePhone } from "../phone";
import type { ContractDocument } from "./document";
import { blank, renderDocument, type DocumentBody } from "./clauses";

// ───────────────────────────── template metadata ─────────────────────────────

/** Library categories; the labels and their order live in registry.ts. */
export type CategoryId = "money" | "lease" | "trade" | "labour" | "agreement";

/** A signing party of a template. `key` is what Party.role stores. */
export type RoleDef = {
  key: string; // UPPER_SNAKE ascii: LANDLORD, TENANT …
  label: string; // 出租方
  /** The initiator's role switch in the wizard: 我是房东 / 我是租客. */
  asMe: string;
};

/**
 * Who acts in which order once the initiator has finished the wizard.
 * - initiator-first: the initiator signs, then the counterparty signs (借条).
 * - counterparty-first: the counterparty supplies/checks their identity and signs, then the
 *   initiator signs (租房合同 and the other contract templates, as in the reference product).
 * - receipt: roles[0] (收款人) is the only one who signs; when the payee initiates, they sign
 *   and the payer claims (确认领取); when the payer initiates, they confirm (确认开具) and the
 *   payee signs.
 */
export type SignOrder = "initiator-first" | "counterparty-first" | "receipt";

export type SignStep = { by: "initiator" | "counterparty"; action: "sign" | "claim" | "confirm" };

export type TemplateMeta = {
  id: string; // kebab-case ascii; Contract.kind
  name: string; // 租房合同
  category: CategoryId;
  summary: string; // one line for the library card
  /** Exactly two parties; roles[0] is printed as 甲方, roles[1] as 乙方. */
  roles: readonly [RoleDef, RoleDef];
  /** Role keys that may start the contract. */
  initiators: readonly string[];
  defaultInitiator: string;
  signOrder: SignOrder;
  /** Both parties' age bounds in completed years (checked from the ID number). */
  ageRange: { min: number; max: number };
  /** The age rule's message, when the kind words it its own way (借条); default: `${name}仅支持…`. */
  ageMessage?: (age: number, who: "self" | "other") => string;
  /** Upper bound of the headline amount, where the product has such a rule. */
  maxAmountFen?: number;
  /** 对方填 may be invited by link or QR code alone (the phone is then optional). */
  inviteByLink?: boolean;
  /** Contract number prefix: HT20261203…; 借条 JT. */
  numberPrefix?: string;
  /** What the document calls itself in running text: 借条, 合同 (default). */
  noun?: string;
  /** Whether 结清 (settlement) applies once effective. */
  settleable?: boolean;
  /** 告知书: read and accepted before the wizard opens. */
  notice?: readonly string[];
  /** Extra links on the template preview (e.g. 判例库). */
  previewLinks?: readonly { href: string; label: string }[];
};

export function signSteps(meta: Pick<TemplateMeta, "signOrder" | "roles">, initiatorRole: string): SignStep[] {
  switch (meta.signOrder) {
    case "initiator-first":
      return [
        { by: "initiator", action: "sign" },
        { by: "counterparty", action: "sign" },
      ];
    case "counterparty-first":
      return [
        { by: "counterparty", action: "sign" },
        { by: "initiator", action: "sign" },
      ];
    case "receipt":
      return initiatorRole === meta.roles[0].key
        ? [
            { by: "initiator", action: "sign" },
            { by: "counterparty", action: "claim" },
          ]
        : [
            { by: "initiator", action: "confirm" },
            { by: "counterparty", action: "sign" },
          ];
  }
}

/** The age rule for a party's resident ID under a template; null when acceptable. */
export function partyAgeError(meta: Pick<TemplateMeta, "ageRange" | "name" | "ageMessage">, idNumber: string, today: YMD, type: IdType = "CN_RESIDENT"): string | null {
  const parsed = parsePersonId(type, idNumber, today);
  if (!parsed.ok) return parsed.error;
  // A 回乡证 number carries no birth date: the holder's age is checked from their own real-name record when they sign.
  return parsed.birthDate ? ageRangeError(meta, parsed.birthDate, today) : null;
}

/** The template's age rule for a party born on `born` (the initiator, or a counterparty who supplies their identity). */
export function ageRangeError(meta: Pick<TemplateMeta, "ageRange" | "name" | "ageMessage">, born: YMD, today: YMD, who: "self" | "other" = "other"): string | null {
  const age = ageOn(born, today);
  const { min, max } = meta.ageRange;
  if (age >= min && age <= max) return null;
  return meta.ageMessage ? meta.ageMessage(age, who) : `${meta.name}仅支持${min}–${max}周岁的大陆居民签署`;
}

// ───────────────────────────── fields ─────────────────────────────

/** Conditional visibility, as data so that it can be shown, tested and evaluated anywhere. */
export type Condition =
  | { field: string; equals: string | boolean }
  | { field: string; oneOf: readonly string[] }
  | { field: string; filled: true }
  | { all: readonly Condition[] };

type FieldBase<N extends string> = {
  name: N;
  label: string;
  help?: string;
  placeholder?: string;
  /** Default true (false for checkboxes). A conditional field is required only while shown. */
  required: boolean;
  showWhen?: Condition;
};

export type TextField<N extends string = string> = FieldBase<N> & {
  kind: "text" | "textarea";
  /** In characters (code points): an emoji counts as one. */
  max: number;
  pattern?: { regex: RegExp; message: string };
};
export type PhoneField<N extends string = string> = FieldBase<N> & { kind: "phone" };
export type MoneyField<N extends string = string> = FieldBase<N> & {
  kind: "money";
  maxFen: number;
  /** Shown after the input: 元, 元/月 … */
  unit: string;
};
export type NumberField<N extends string = string> = FieldBase<N> & {
  kind: "number";
  /** 0 for integers. */
  decimals: number;
  min: number;
  max: number;
  unit?: string; // ㎡, 亩, 天 …
};
export type DateField<N extends string = string> = FieldBase<N> & {
  kind: "date";
  /** Bounds in days from today (Asia/Shanghai): 0 = today; undefined = unbounded. */
  notBefore?: number;
  notAfter?: number;
  /** Pre-filled in the empty form as today + this many days. */
  defaultOffset?: number;
};
export type TimeField<N extends string = string> = FieldBase<N> & { kind: "time" }; // "14:30"
export type Option<V extends string = string> = { value: V; label: string };
export type ChoiceField<N extends string = string, V extends string = string> = FieldBase<N> & {
  /** select renders a dropdown, radio a row of buttons; both hold one value. */
  kind: "select" | "radio";
  options: readonly Option<V>[];
  default: V;
};
export type CheckboxField<N extends string = string> = FieldBase<N> & {
  kind: "checkbox";
  default: boolean;
  /** When set, the box must be ticked; the message says why. */
  mustBeTrue?: string;
};
export type RegionValue = { province: string; city: string; district: string; detail: string };
export type RegionField<N extends string = string> = FieldBase<N> & { kind: "region" };

/** What a list row may hold: small single-line inputs. */
export type ColumnField = TextField | MoneyField | NumberField | DateField | ChoiceField;
export type ListField<N extends string = string, C extends readonly ColumnField[] = readonly ColumnField[]> = FieldBase<N> & {
  kind: "list";
  columns: C;
  minRows: number;
  maxRows: number;
  /** The add-row button: 添加家具 */
  addLabel: string;
  /** Buttons that fill the rows from the rest of the form (分期: 3期 / 6期 / 12期). */
  presets?: ListPresets;
};
export type ListPresets = {
  label: string;
  counts: readonly number[];
  /** The rows for `count`, or null while the fields they derive from are not filled yet. */
  rows: (form: FormValues, count: number, ctx: TemplateContext) => Row[] | null;
};

export type AnyField =
  | TextField
  | PhoneField
  | MoneyField
  | NumberField
  | DateField
  | TimeField
  | ChoiceField
  | CheckboxField
  | RegionField
  | ListField;
export type FieldKind = AnyField["kind"];

export type StepDef = { title: string; help?: string; fields: readonly AnyField[] };

// The form types, derived from the declarations: what react-hook-form holds.
export type ValueOf<F> = F extends { kind: "checkbox" }
  ? boolean
  : F extends { kind: "select" | "radio"; options: readonly Option<infer V>[] }
    ? V
    : F extends { kind: "region" }
      ? RegionValue
      : F extends { kind: "list"; columns: infer C extends readonly ColumnField[] }
        ? RowOf<C>[]
        : string;
export type RowOf<C extends readonly ColumnField[]> = { [K in C[number] as K["name"]]: ValueOf<K> };
export type FormOf<S extends readonly StepDef[]> = { [F in S[number]["fields"][number] as F["name"]]: ValueOf<F> };

export type Row = { [column: string]: string };
export type FieldValue = string | boolean | RegionValue | Row[];
export type FormValues = { [name: string]: FieldValue };

// Builders keep the literal field names and option values, so FormOf can type each template's form.
type Opts<F> = Partial<Omit<F, "name" | "label" | "kind">>;
const base = <N extends string>(name: N, label: string, required = true) => ({ name, label, required });

/** Single-line text; 200 characters unless `max` says otherwise. */
export const text = <const N extends string>(name: N, label: string, o: Opts<TextField> = {}): TextField<N> => ({
  ...base(name, label),
  kind: "text",
  max: 200,
  ...o,
});
export const textarea = <const N extends string>(name: N, label: string, o: Opts<TextField> = {}): TextField<N> => ({
  ...base(name, label),
  kind: "textarea",
  max: 1000,
  ...o,
});
export const phone = <const N extends string>(name: N, label: string, o: Opts<PhoneField> = {}): PhoneField<N> => ({
  ...base(name, label),
  kind: "phone",
  placeholder: "11位手机号",
  ...o,
});
/** Money typed in yuan ("1234.50"), parsed to fen. Default cap ¥10,000,000. */
export const money = <const N extends string>(name: N, label: string, o: Opts<MoneyField> = {}): MoneyField<N> => ({
  ...base(name, label),
  kind: "money",
  maxFen: DEFAULT_MAX_FEN,
  unit: "元",
  placeholder: "0.00",
  ...o,
});
export const number = <const N extends string>(name: N, label: string, o: Opts<NumberField> & { min: number; max: number }): NumberField<N> => ({
  ...base(name, label),
  kind: "number",
  decimals: 0,
  ...o,
});
export const date = <const N extends string>(name: N, label: string, o: Opts<DateField> = {}): DateField<N> => ({
  ...base(name, label),
  kind: "date",
  ...o,
});
export const time = <const N extends string>(name: N, label: string, o: Opts<TimeField> = {}): TimeField<N> => ({
  ...base(name, label),
  kind: "time",
  placeholder: "14:30",
  ...o,
});
/** Options as { VALUE: "标签" } in display order; values are stable ascii codes kept in the facts. */
export function select<const N extends string, const V extends string>(
  name: N,
  label: string,
  options: Record<V, string>,
  o: Opts<ChoiceField<N, NoInfer<V>>> = {},
): ChoiceField<N, V> {
  const list = toOptions(options);
  return { ...base(name, label), kind: "select", options: list, default: list[0]!.value, ...o };
}
export function radio<const N extends string, const V extends string>(
  name: N,
  label: string,
  options: Record<V, string>,
  o: Opts<ChoiceField<N, NoInfer<V>>> = {},
): ChoiceField<N, V> {
  return { ...select(name, label, options, o), kind: "radio" };
}
export const checkbox = <const N extends string>(name: N, label: string, o: Opts<CheckboxField> = {}): CheckboxField<N> => ({
  ...base(name, label, false),
  kind: "checkbox",
  default: false,
  ...o,
});
export const region = <const N extends string>(name: N, label: string, o: Opts<RegionField> = {}): RegionField<N> => ({
  ...base(name, label),
  kind: "region",
  ...o,
});
export function list<const N extends string, const C extends readonly ColumnField[]>(
  name: N,
  label: string,
  columns: C,
  o: Opts<ListField<N, C>> = {},
): ListField<N, C> {
  const required = o.required ?? true;
  return { ...base(name, label), kind: "list", columns, minRows: required ? 1 : 0, maxRows: 50, addLabel: `添加${label}`, ...o };
}
export const step = <const F extends readonly AnyField[]>(title: string, fields: F, help?: string) => ({ title, fields, help });

function toOptions<V extends string>(options: Record<V, string>): Option<V>[] {
  return (Object.keys(options) as V[]).map((value) => ({ value, label: options[value] }));
}

/** The label of a choice's value, for clauses: labelOf(cycleField, "MONTHLY") → 月付. */
export function labelOf<V extends string>(field: ChoiceField<string, V>, value: V): string {
  return field.options.find((o) => o.value === value)?.label ?? value;
}

/** The usual ways individuals pay each other. */
export const PAY_METHODS = { BANK: "银行转账", WECHAT: "微信", ALIPAY: "支付宝", CASH: "现金" } as const;

/** Mainland licence plates: 京A12345, new-energy 粤BD12345, trailer/coach/HK-Macau suffixes. */
export const PLATE_PATTERN = {
  regex: /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/i,
  message: "请输入正确的车牌号，如京A12345",
};

// ───────────────────────────── limits and messages ─────────────────────────────

/**
 * Default cap of a money field: ¥10,000,000 (a template may set a lower one), and of a contract's
 * headline amount (a total such as price × quantity): ¥20,000,000. Amounts are stored as 32-bit
 * fen (at most ¥21,474,836.47); both caps keep every amount a person can type below that.
 */
export const DEFAULT_MAX_FEN = 1_000_000_000;
export const MAX_CONTRACT_FEN = 2_000_000_000;

/**
 * Characters a person never means to type, refused in every text: C0/C1 controls (tabs and line
 * breaks are allowed in multi-line text only), bidi overrides that can make printed contract text
 * read differently from the stored text, line/paragraph separators, the BOM, and lone surrogates.
 */
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]|\p{Cs}/u;
const CONTROL_MULTI = HIDDEN_CHARS; // the boundary check's own set (line breaks and tabs allowed)

export const charCount = (s: string) => [...s].length;

/** Null when `s` (already trimmed) is acceptable free text. */
export function textError(label: string, s: string, max: number, multiline = false): string | null {
  // A character is one or two UTF-16 units, so the exact count is needed only between max and 2·max.
  if (s.length > 2 * max || (s.length > max && charCount(s) > max)) return `${label}最多${max}个字`;
  if ((multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s)) return `${label}含有不可见的控制字符，请删除后重新输入`;
  if (hasEmoji(s)) return `${label}暂不支持表情符号，请删除后重新输入`;
  return null;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

// ───────────────────────────── visibility ─────────────────────────────

export function fieldsOf(steps: readonly StepDef[]): AnyField[] {
  return steps.flatMap((s) => [...s.fields]);
}

export function isFilled(v: FieldValue | undefined): boolean {
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && Object.values(v).some((x) => x.trim() !== "");
}

/**
 * Whether a field is shown for these values. A condition on a hidden field is false, so a chain
 * of conditional fields collapses together (hiding A hides what depends on A).
 */
export function isShown(field: Pick<AnyField, "showWhen">, values: FormValues, byName: ReadonlyMap<string, AnyField>): boolean {
  const holds = (c: Condition, depth: number): boolean => {
    if (depth > 10) return false; // a cycle is a definition bug; checkDefinition refuses it at load
    if ("all" in c) return c.all.every((x) => holds(x, depth + 1));
    const target = byName.get(c.field);
    if (!target || (target.showWhen && !holds(target.showWhen, depth + 1))) return false;
    const v = values[c.field];
    if ("equals" in c) return v === c.equals;
    if ("oneOf" in c) return typeof v === "string" && c.oneOf.includes(v);
    return isFilled(v);
  };
  return !field.showWhen || holds(field.showWhen, 0);
}

/** The names of the fields shown for these values, in wizard order. */
export function shownFieldNames(steps: readonly StepDef[], values: FormValues): string[] {
  const all = fieldsOf(steps);
  const byName = new Map(all.map((f) => [f.name, f]));
  return all.filter((f) => isShown(f, values, byName)).map((f) => f.name);
}

/** The fields of one wizard step shown for these values: what to render, and what to validate
 *  (react-hook-form's trigger(names)) before moving on to the next step. */
export function shownStepFields(steps: readonly StepDef[], stepIndex: number, values: FormValues): AnyField[] {
  const byName = new Map(fieldsOf(steps).map((f) => [f.name, f]));
  return (steps[stepIndex]?.fields ?? []).filter((f) => isShown(f, values, byName));
}

// ───────────────────────────── empty values ─────────────────────────────

function emptyValue(f: AnyField, today: YMD | null): FieldValue {
  switch (f.kind) {
    case "select":
    case "radio":
    case "checkbox":
      return f.default;
    case "region":
      return { province: "", city: "", district: "", detail: "" };
    case "list":
      // A required list starts with one blank row, so the form shows where to type.
      return f.minRows > 0 ? [emptyRow(f.columns)] : [];
    case "date":
      return today && f.defaultOffset !== undefined ? formatYmd(addDays(today, f.defaultOffset)) : "";
    default:
      return "";
  }
}

/** What a hidden field is reset to: nothing carried over, not even a blank list row or a default date. */
function clearedValue(f: AnyField): FieldValue {
  return f.kind === "list" ? [] : emptyValue(f, null);
}

export function emptyRow(columns: readonly ColumnField[]): Row {
  return Object.fromEntries(columns.map((c) => [c.name, c.kind === "select" || c.kind === "radio" ? c.default : ""]));
}

// ───────────────────────────── per-field checks ─────────────────────────────

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Days-from-today bound → message fragment. */
const boundText = (offset: number, today: YMD) =>
  offset === 0 ? "今天" : offset === -1 ? "昨天" : offset === 1 ? "明天" : formatYmdChinese(addDays(today, offset));

function checkScalar(f: Exclude<AnyField, RegionField | ListField | CheckboxField>, raw: string, path: Path, today: YMD, report: Report) {
  const v = raw.trim();
  if (v === "") {
    if (f.required) report(path, f.kind === "select" || f.kind === "radio" || f.kind === "date" || f.kind === "time" ? `请选择${f.label}` : `请填写${f.label}`);
    return;
  }
  switch (f.kind) {
    case "text":
    case "textarea": {
      const e = textError(f.label, v, f.max, f.kind === "textarea");
      if (e) report(path, e);
      else if (f.pattern && !f.pattern.regex.test(v)) report(path, f.pattern.message);
      return;
    }
    case "phone": {
      if (!CN_MOBILE_RE.test(normalizePhone(v))) report(path, "请输入正确的11位大陆手机号");
      return;
    }
    case "money": {
      // A leading minus is refused by yuanToFen's pattern; say so plainly.
      if (v.startsWith("-")) return report(path, `${f.label}必须大于0`);
      const r = yuanToFen(v);
      if (!r.ok) return report(path, r.error === "金额必须大于0" ? `${f.label}必须大于0` : r.error);
      if (r.fen > f.maxFen) report(path, `${f.label}最高${formatYuan(f.maxFen)}`);
      return;
    }
    case "number": {
      const n = parseNumber(v, f.decimals);
      if (n === null) return report(path, f.decimals === 0 ? `${f.label}请填写整数` : `${f.label}请填写数字，最多${f.decimals}位小数`);
      if (n < f.min) report(path, `${f.label}不能小于${f.min}${f.unit ?? ""}`);
      else if (n > f.max) report(path, `${f.label}不能大于${f.max}${f.unit ?? ""}`);
      return;
    }
    case "date": {
      const d = parseYmd(v);
      if (!d) return report(path, `请选择有效的${f.label}`);
      if (f.notBefore !== undefined && compareYmd(d, addDays(today, f.notBefore)) < 0) report(path, `${f.label}不能早于${boundText(f.notBefore, today)}`);
      else if (f.notAfter !== undefined && compareYmd(d, addDays(today, f.notAfter)) > 0) report(path, `${f.label}不能晚于${boundText(f.notAfter, today)}`);
      return;
    }
    case "time": {
      if (!TIME_RE.test(v)) report(path, `${f.label}格式应为时:分，如14:30`);
      return;
    }
    case "select":
    case "radio":
      if (!f.options.some((o) => o.value === v)) report(path, `请选择${f.label}`);
  }
}

function checkField(f: AnyField, value: FieldValue, today: YMD, report: Report) {
  const path = [f.name];
  switch (f.kind) {
    case "checkbox":
      if (f.mustBeTrue && value !== true) report(path, f.mustBeTrue);
      return;
    case "region": {
      const r = value as RegionValue;
      if (f.required && !r.province.trim()) report([f.name, "province"], "请选择省份");
      if (f.required && !r.city.trim()) report([f.name, "city"], "请选择城市");
      for (const part of ["province", "city", "district"] as const) {
        const e = textError(f.label, r[part].trim(), 20);
        if (e) report([f.name, part], e);
      }
      checkScalar(text(f.name, `${f.label}的详细地址`, { required: f.required }), r.detail, [f.name, "detail"], today, report);
      return;
    }
    case "list": {
      const rows = value as Row[];
      if (rows.length < f.minRows) report(path, f.minRows === 1 ? `请至少填写1项${f.label}` : `${f.label}至少${f.minRows}项`);
      if (rows.length > f.maxRows) return report(path, `${f.label}最多${f.maxRows}项`);
      rows.forEach((row, i) => f.columns.forEach((c) => checkScalar(c, row[c.name] ?? "", [f.name, i, c.name], today, report)));
      return;
    }
    default:
      checkScalar(f, value as string, path, today, report);
  }
}

// ───────────────────────────── schema ─────────────────────────────

export type TemplateContext = {
  /** Today in Asia/Shanghai (the server's clock on the server). */
  today: YMD;
  /** The one-year LPR in basis points (admin setting), for advice on rates. */
  lprBp?: number;
};

/** Report a cross-field problem on a field of the form (first segment typed to the form). */
export type IssueFn<Form> = (path: [keyof Form & string, ...(string | number)[]], message: string) => void;
export type Rules<Form> = (form: Form, ctx: TemplateContext, issue: IssueFn<Form>) => void;

const str = (v: unknown): string | null => (typeof v === "string" ? v : v === undefined || v === null ? "" : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Raw input (anything a client may post) → well-typed values. A missing value is empty — a form
 * may unregister hidden inputs — and a value of the wrong type becomes empty and is reported as
 * malformed if the field is shown. Every later step can then rely on the types.
 */
function coerce(f: AnyField, v: unknown): { value: FieldValue; ok: boolean } {
  switch (f.kind) {
    case "checkbox":
      return typeof v === "boolean" ? { value: v, ok: true } : { value: false, ok: v === undefined };
    case "region": {
      if (v === undefined) return { value: emptyValue(f, null), ok: true };
      if (!isRecord(v)) return { value: emptyValue(f, null), ok: false };
      const parts = (["province", "city", "district", "detail"] as const).map((k) => str(v[k]));
      const [province, city, district, detail] = parts.map((x) => x ?? "") as [string, string, string, string];
      return { value: { province, city, district, detail }, ok: parts.every((x) => x !== null) };
    }
    case "list": {
      if (v === undefined) return { value: [], ok: true };
      if (!Array.isArray(v) || !v.every(isRecord)) return { value: [], ok: false };
      let ok = true;
      const rows = v.map((r) =>
        Object.fromEntries(
          f.columns.map((c) => {
            const cell = str(r[c.name]);
            if (cell === null) ok = false;
            return [c.name, cell ?? ""];
          }),
        ),
      );
      return { value: rows, ok };
    }
    default: {
      const s = str(v);
      return { value: s ?? "", ok: s !== null };
    }
  }
}

function coerceAll(fields: readonly AnyField[], raw: Record<string, unknown>) {
  const values: FormValues = {};
  const malformed = new Set<string>();
  for (const f of fields) {
    const c = coerce(f, raw[f.name]);
    values[f.name] = c.value;
    if (!c.ok) malformed.add(f.name);
  }
  return { values, malformed };
}

const isChoice = (f: AnyField | ColumnField): f is ChoiceField => f.kind === "select" || f.kind === "radio";
const validChoice = (f: ChoiceField, v: FieldValue | undefined): string => (typeof v === "string" && f.options.some((o) => o.value === v) ? v : f.default);

/** A choice holding a value its field does not offer (a stale option, a damaged record) falls back to the default. */
function withValidChoices(fields: readonly AnyField[], values: FormValues): FormValues {
  const out = { ...values };
  for (const f of fields) {
    if (isChoice(f)) out[f.name] = validChoice(f, out[f.name]);
    else if (f.kind === "list")
      out[f.name] = (out[f.name] as Row[]).map((row) => Object.fromEntries(f.columns.map((c) => [c.name, isChoice(c) ? validChoice(c, row[c.name]) : (row[c.name] ?? "")])));
  }
  return out;
}

const trimRegion = (r: RegionValue): RegionValue => ({ province: r.province.trim(), city: r.city.trim(), district: r.district.trim(), detail: r.detail.trim() });

/** Trims every text and resets hidden fields, so stored facts never carry a stale hidden answer. */
function normalise(fields: readonly AnyField[], byName: ReadonlyMap<string, AnyField>, v: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const value = v[f.name]!;
    if (!isShown(f, v, byName)) out[f.name] = clearedValue(f);
    else if (typeof value === "string") out[f.name] = value.trim();
    else if (Array.isArray(value)) out[f.name] = value.map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, x.trim()])));
    else if (typeof value === "object") out[f.name] = trimRegion(value);
    else out[f.name] = value;
  }
  return out;
}

function buildSchema<Form extends FormValues>(fields: readonly AnyField[], ctx: TemplateContext, rules?: Rules<Form>): z.ZodType<Form, Form> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const schema = z
    .record(z.string(), z.unknown(), { error: "表单数据格式不正确" })
    .superRefine((raw, zc) => {
      const { values, malformed } = coerceAll(fields, raw);
      // One message per path: the first (field-level) problem is the one to fix first.
      const seen = new Set<string>();
      const report: Report = (path, message) => {
        const key = path.join(".");
        if (seen.has(key)) return;
        seen.add(key);
        zc.addIssue({ code: "custom", path, message });
      };
      for (const f of fields) {
        if (!isShown(f, values, byName)) continue; // hidden fields are neither required nor checked
        if (malformed.has(f.name)) report([f.name], `${f.label}格式不正确`);
        else checkField(f, values[f.name]!, ctx.today, report);
      }
      rules?.(normalise(fields, byName, values) as Form, ctx, (path, message) => report(path, message));
    })
    .transform((raw) => normalise(fields, byName, coerceAll(fields, raw).values));
  // The shape is built at run time from the declarations, so zod cannot infer Form; FormOf
  // derives the same shape at the type level from the same declarations.
  return schema as unknown as z.ZodType<Form, Form>;
}

/** Refuses definition mistakes at module load: duplicate names, conditions on unknown fields. */
function checkDefinition(id: string, fields: readonly AnyField[]) {
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.name)) throw new Error(`template ${id}: duplicate field ${f.name}`);
    names.add(f.name);
  }
  const refs = (c: Condition): string[] => ("all" in c ? c.all.flatMap(refs) : [c.field]);
  for (const f of fields) {
    for (const r of f.showWhen ? refs(f.showWhen) : []) {
      if (!names.has(r) || r === f.name) throw new Error(`template ${id}: ${f.name} depends on unknown field ${r}`);
    }
  }
}

// ───────────────────────────── the definition ─────────────────────────────

/** A signer as the server knows them: role key, identity (blank while 对方填 is pending), signature. */
export type TemplateSigner = { role: string; name: string; idMasked: string; /** 身份证号 unless another document. */ idLabel?: string; signatureSha256?: string; signedAt?: string; note?: string };
export type DocumentMeta = { number: string; initiatedOn?: string };

/**
 * What the UI and server see of a wizard template. The registry holds these with the form and
 * facts types erased (TemplateDefinition<FormValues, unknown>); within a template file they are
 * precise. Methods (not arrow properties) so that erasing is allowed.
 */
export interface TemplateDefinition<Form extends FormValues = FormValues, Facts = unknown> extends TemplateMeta {
  readonly steps: readonly StepDef[];
  /** All rules of the wizard; parse output is trimmed with hidden fields reset. */
  schema(ctx: TemplateContext): z.ZodType<Form, Form>;
  emptyForm(today: YMD): Form;
  /** A complete, realistic example (张三/李四 …): library preview and tests. */
  sample(today: YMD): Form;
  /** Parsed form → normalised facts (fen, numbers, labels resolved). */
  facts(form: Form): Facts;
  document(facts: Facts, signers: readonly TemplateSigner[], meta: DocumentMeta): ContractDocument;
  /**
   * A stored form (e.g. Contract.facts, possibly saved by an older version of the template) read
   * as a well-typed form without validating it: missing or mistyped values become empty, text is
   * trimmed, hidden fields are reset. For rendering what was signed; never for accepting input.
   */
  read(stored: unknown): Form;
  /** The amount for lists and Contract.amountFen; null when the template has none. */
  headlineFen(facts: Facts): number | null;
  /** Non-blocking advice by field name (年利率超过LPR四倍 …), for a form as typed so far. */
  advice(form: Form, ctx: TemplateContext): Record<string, string>;
  /** 还款提醒: the days a reminder SMS goes to the given role, and what it says; empty when the kind has none. */
  reminders(facts: Facts): Reminder[];
}

export type Reminder = { date: string; role: string; text: string };

export type TemplateSpec<S extends readonly StepDef[], X> = TemplateMeta & {
  steps: S;
  rules?: Rules<FormOf<S>>;
  /** Overrides of the derived empty form (e.g. a pre-filled cost table). */
  defaults?: (today: YMD) => Partial<FormOf<S>>;
  /** Merged over the empty form. */
  sample: (today: YMD) => Partial<FormOf<S>>;
  facts: (form: FormOf<S>) => X;
  /** The template's own clauses; the frame (title, parties, standard clauses, signers) is shared. */
  body: (facts: X, names: Record<string, string>) => DocumentBody;
  headlineFen?: (facts: X) => number | null;
  advice?: (form: FormOf<S>, ctx: TemplateContext) => Partial<Record<keyof FormOf<S> & string, string>>;
  reminders?: (facts: X) => Reminder[];
};

export function defineTemplate<const S extends readonly StepDef[], X>(spec: TemplateSpec<S, X>): TemplateDefinition<FormOf<S>, X> {
  type Form = FormOf<S>;
  const { steps, rules, defaults, sample, facts, body, headlineFen, advice, reminders, ...meta } = spec;
  const fields = fieldsOf(steps);
  const byName = new Map(fields.map((f) => [f.name, f]));
  checkDefinition(meta.id, fields);
  // Derived from the same declarations as Form; the cast only restores the literal keys.
  const emptyForm = (today: YMD) => ({ ...Object.fromEntries(fields.map((f) => [f.name, emptyValue(f, today)])), ...defaults?.(today) }) as unknown as Form;
  return {
    ...meta,
    steps,
    schema: (ctx) => buildSchema<Form>(fields, ctx, rules),
    emptyForm,
    sample: (today) => ({ ...emptyForm(today), ...sample(today) }),
    facts,
    read: (stored) => normalise(fields, byName, withValidChoices(fields, coerceAll(fields, isRecord(stored) ? stored : {}).values)) as Form,
    document: (x, signers, docMeta) => renderDocument(meta, body(x, partyNames(meta.roles, signers)), signers, docMeta),
    headlineFen: (x) => headlineFen?.(x) ?? null,
    advice: (form, ctx) => Object.fromEntries(Object.entries(advice?.(form, ctx) ?? {}).filter((e): e is [string, string] => typeof e[1] === "string")),
    reminders: (x) => reminders?.(x) ?? [],
  };
}

/** Each role's printed name, or （待对方补充） while the counterparty has not filled it. */
function partyNames(roles: readonly RoleDef[], signers: readonly TemplateSigner[]): Record<string, string> {
  return Object.fromEntries(roles.map((r) => [r.key, blank(signers.find((s) => s.role === r.key)?.name ?? "")]));
}

// ───────────────────────────── helpers for facts and clauses ─────────────────────────────

export { blank, PENDING } from "./clauses";

/** Parsed money in fen; 0 for empty or invalid (the schema has already refused those). */
export function fenOf(s: string): number {
  const r = yuanToFen(s || "x");
  return r.ok ? r.fen : 0;
}

/** "12.5" → 12.5 with at most `decimals` decimals; null when not such a number. */
export function parseNumber(s: string, decimals: number): number | null {
  const re = decimals > 0 ? new RegExp(`^\\d{1,12}(?:\\.\\d{1,${decimals}})?$`) : /^\d{1,12}$/;
  return re.test(s.trim()) ? Number(s.trim()) : null;
}
export const numOf = (s: string, decimals = 2) => parseNumber(s, decimals) ?? 0;

/** Same day n months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths({ y, m, d }: YMD, n: number): YMD {
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return { y: ny, m: nm, d: Math.min(d, last) };
}

/** Whole months and remaining days of the inclusive period start..end: "1年2个月", "15天". */
export function describeTerm(start: YMD, end: YMD): string {
  const dayAfter = addDays(end, 1);
  let months = 0;
  while (compareYmd(addMonths(start, months + 1), dayAfter) <= 0) months++;
  const rest = daysBetween(addMonths(start, months), dayAfter);
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [y ? `${y}年` : "", m ? `${m}个月` : "", rest ? `${rest}天` : ""].join("");
  return parts || "0天";
}

/**
 * unit price (fen) × quantity ("2.5") → fen, rounded half up. BigInt keeps it exact where a
 * float product of two large numbers would not be.
 */
export function lineTotalFen(unitFen: number, quantity: string, decimals = 2): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(quantity.trim());
  if (!m || (m[2] ?? "").length > decimals) return 0;
  const scale = 10n ** BigInt(decimals);
  const scaled = BigInt(m[1]! + (m[2] ?? "").padEnd(decimals, "0"));
  const product = BigInt(unitFen) * scaled;
  return Number((product * 2n + scale) / (2n * scale));
}

/** Days in the inclusive period start..end (1 when they are the same day). */
export const daysInclusive = (start: YMD, end: YMD) => daysBetween(start, end) + 1;

export const sumFen = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export const dateOf = (s: string): YMD | null => (s ? parseYmd(s) : null);

/** "YYYY-MM-DD" n days after `from` (for empty forms and samples). */
export const isoDay = (from: YMD, n = 0) => formatYmd(addDays(from, n));
/** The last day of a term of `months` months starting on `start`: 2026-01-01 + 12 → 2026-12-31. */
export const isoTermEnd = (start: string, months: number) => {
  const s = parseYmd(start);
  return s ? formatYmd(addDays(addMonths(s, months), -1)) : "";
};

/**
 * Checks an inclusive period start..end: end after start, at least `minMonths` and at most
 * `maxMonths` long. Reports on the end field; silent when either date is missing or invalid
 * (the field checks have said so already).
 */
export function periodError(start: string, end: string, o: { minMonths?: number; maxMonths?: number; what?: string } = {}): string | null {
  const s = dateOf(start);
  const e = dateOf(end);
  if (!s || !e) return null;
  const what = o.what ?? "期限";
  if (compareYmd(e, s) < 0) return "结束日期不能早于开始日期";
  if (o.minMonths && compareYmd(e, addDays(addMonths(s, o.minMonths), -1)) < 0) return `${what}至少${o.minMonths}个月`;
  if (o.maxMonths && compareYmd(e, addDays(addMonths(s, o.maxMonths), -1)) > 0)
    return o.maxMonths % 12 === 0 ? `${what}最长${o.maxMonths / 12}年` : `${what}最长${o.maxMonths}个月`;
  return null;
}

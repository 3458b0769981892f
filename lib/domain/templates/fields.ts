// Field kinds and their builders, conditional visibility as data, the form types derived from the
// declarations, and the limits and messages every text and amount shares.
// ───────────────────────────── fields ─────────────────────────────
import { hasEmoji, HIDDEN_CHARS } from "../typed-text";
import type { TemplateContext } from "./meta";

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
/**
 * 省 / 市 / 区县 chosen from the division data (lib/domain/regions: names as it spells them, "" for a
 * level the division does not have), the 6-digit GB/T 2260 code of the deepest of them, and the
 * typed 详细地址. Values stored before the code existed have none: they read as code "".
 */
export type RegionValue = { province: string; city: string; district: string; detail: string; code: string };
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

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

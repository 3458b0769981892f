// The wizard's zod schema, built from the field declarations: per-field checks, coercion of any
// posted value to the declared types, normalisation (trimmed, hidden fields reset), the template's
// cross-field rules.
// ───────────────────────────── per-field checks ─────────────────────────────
import { z } from "zod";
import { addDays, compareYmd, formatYmdChinese, parseYmd, type YMD } from "../dates";
import { formatYuan, yuanToFen } from "../money";
import { CN_MOBILE_RE, normalizePhone } from "../phone";
import { checkRegion } from "../regions";
import { text, textError, TIME_RE, type AnyField, type CheckboxField, type ChoiceField, type ColumnField, type Condition, type FieldValue, type FormValues, type ListField, type RegionField, type RegionValue, type Row } from "./fields";
import { clearedValue, emptyValue, isShown } from "./form";
import { parseNumber } from "./facts";
import type { TemplateContext } from "./meta";

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

const REGION_MISSING = { province: "请选择省份", city: "请选择城市", district: "请选择区县" } as const;
/** A name not in the division data, not within the level above, or a code that is not theirs (free text, a forged post). */
const REGION_UNKNOWN = "所选地区不存在";

function checkField(f: AnyField, value: FieldValue, today: YMD, report: Report) {
  const path = [f.name];
  switch (f.kind) {
    case "checkbox":
      if (f.mustBeTrue && value !== true) report(path, f.mustBeTrue);
      return;
    case "region": {
      const r = value as RegionValue;
      // 省 / 市 / 区县 must be a real division, down to the level it has, and the code its own; an
      // optional address once begun must be whole too. The message goes on the part to change.
      if (f.required || [r.province, r.city, r.district, r.detail].some((x) => x.trim())) {
        const c = checkRegion(r);
        if (!c.ok) report([f.name, c.part], c.problem === "missing" ? REGION_MISSING[c.part] : REGION_UNKNOWN);
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


/** Report a cross-field problem on a field of the form (first segment typed to the form). */
export type IssueFn<Form> = (path: [keyof Form & string, ...(string | number)[]], message: string) => void;
export type Rules<Form> = (form: Form, ctx: TemplateContext, issue: IssueFn<Form>) => void;

const str = (v: unknown): string | null => (typeof v === "string" ? v : v === undefined || v === null ? "" : null);
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

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
      // `code` is missing (read as "") in values stored before it existed.
      const parts = (["province", "city", "district", "detail", "code"] as const).map((k) => str(v[k]));
      const [province, city, district, detail, code] = parts.map((x) => x ?? "") as [string, string, string, string, string];
      return { value: { province, city, district, detail, code }, ok: parts.every((x) => x !== null) };
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

export function coerceAll(fields: readonly AnyField[], raw: Record<string, unknown>) {
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
export function withValidChoices(fields: readonly AnyField[], values: FormValues): FormValues {
  const out = { ...values };
  for (const f of fields) {
    if (isChoice(f)) out[f.name] = validChoice(f, out[f.name]);
    else if (f.kind === "list")
      out[f.name] = (out[f.name] as Row[]).map((row) => Object.fromEntries(f.columns.map((c) => [c.name, isChoice(c) ? validChoice(c, row[c.name]) : (row[c.name] ?? "")])));
  }
  return out;
}

/** Trimmed, with the code of the names when they are a real division (so an old value without one gains it). */
function trimRegion(r: RegionValue): RegionValue {
  const t = { province: r.province.trim(), city: r.city.trim(), district: r.district.trim(), detail: r.detail.trim(), code: r.code.trim() };
  const c = checkRegion({ ...t, code: "" });
  return c.ok ? { ...t, code: c.code } : t;
}

/** Trims every text and resets hidden fields, so stored facts never carry a stale hidden answer. */
export function normalise(fields: readonly AnyField[], byName: ReadonlyMap<string, AnyField>, v: FormValues): FormValues {
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

export function buildSchema<Form extends FormValues>(fields: readonly AnyField[], ctx: TemplateContext, rules?: Rules<Form>): z.ZodType<Form, Form> {
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
export function checkDefinition(id: string, fields: readonly AnyField[]) {
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

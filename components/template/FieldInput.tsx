"use client";
// One template field (lib/domain/templates/engine.ts → AnyField) bound to react-hook-form. The
// wizard holds { party, form }; every template field lives under `form.` (form.rent,
// form.address.detail, form.costs.0.item). Validation is not done here: the wizard's resolver runs
// the template's own zod schema, so this component only shows the message it produced.
//
// Conventions the wizard and the e2e tests rely on:
// - an input's id is its full dotted path with dots turned into "-" (form-costs-0-item) and its
//   error message, right below it, has the id `${id}-error` and role="alert";
// - the accessible name of an input is exactly the field's label (getByLabel("月租金")); extras
//   such as 选填 or the unit sit outside the <label>; a list cell is named 第2项费用项目.
// Everything a user typed is rendered as text by React, never as HTML.
import type { ReactNode } from "react";
import { useState } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch, type Control, type FieldErrors, type UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { addDays, formatYmd, parseYmd } from "@/lib/domain/dates";
import { formatYuan, toChineseUppercase, yuanToFen } from "@/lib/domain/money";
import { findCity, findDistrict, findProvince, provinces } from "@/lib/domain/regions";
import {
  emptyRow,
  type AnyField,
  type CheckboxField,
  type ChoiceField,
  type DateField,
  type FormValues,
  type ListField,
  type RegionField,
  type RegionValue,
  type Row,
} from "@/lib/domain/templates/engine";
import type { PartyForm } from "@/lib/validation/template";

/** What the template wizard's react-hook-form holds. */
export type WizardValues = { party: PartyForm; form: FormValues };
/** A path under the template's own fields. */
export type FormPath = `form.${string}`;

type ScalarField = Exclude<AnyField, RegionField | ListField | CheckboxField>;

/** "form.costs.0.item" → "form-costs-0-item": a valid id, and the base of the error id. */
export const domId = (path: string) => path.replace(/\./g, "-");

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * The message at a dotted path of react-hook-form's errors. A list's own error ("请至少填写1项…")
 * may sit at the path itself or, once useFieldArray owns the path, under `.root`.
 */
export function errorMessage(errors: FieldErrors<WizardValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = isRecord(node) ? node[part] : undefined;
  if (!isRecord(node)) return undefined;
  if (typeof node.message === "string" && node.message) return node.message;
  const root = node.root;
  return isRecord(root) && typeof root.message === "string" && root.message ? root.message : undefined;
}

/** aria-describedby: the hint and the error, whichever are shown. */
const describedBy = (id: string, hint: boolean, error: boolean) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

const inputClass = (error: boolean) =>
  `min-h-11 w-full min-w-0 flex-1 rounded-lg border bg-white px-3 text-base outline-none focus:ring-2 focus:ring-brand-100 ${
    error ? "border-red-500" : "border-slate-300 focus:border-brand-500"
  }`;

/** The error right below the control, then advice (a warning that does not block), then the hint. */
function Messages({ id, help, error, advice }: { id: string; help?: string; error?: string; advice?: string }) {
  return (
    <>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {advice && (
        <p id={`${id}-advice`} role="status" className="text-sm text-amber-700" data-testid={`${id}-advice`}>
          {advice}
        </p>
      )}
      {help && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {help}
        </p>
      )}
    </>
  );
}

/** 选填 next to (not inside) the label, so the accessible name stays the field's label. */
const Optional = ({ show }: { show: boolean }) => (show ? <span className="text-xs text-slate-400">选填</span> : null);

/** A list cell's label carries its row for screen readers and tests: 第2项费用项目. */
function LabelText({ label, rowPrefix }: { label: string; rowPrefix?: string }) {
  return (
    <>
      {rowPrefix && <span className="sr-only">{rowPrefix}</span>}
      {label}
    </>
  );
}

function dateBounds(field: DateField, today: string): { min?: string; max?: string } {
  const t = parseYmd(today);
  if (!t) return {};
  return {
    min: field.notBefore === undefined ? undefined : formatYmd(addDays(t, field.notBefore)),
    max: field.notAfter === undefined ? undefined : formatYmd(addDays(t, field.notAfter)),
  };
}

// ───────────────────────────── single-value fields ─────────────────────────────

/**
 * Text, textarea, phone, money, number, date, time, select and radio: one value at `name`.
 * Used for top-level fields and for list cells (then `rowPrefix` names the row).
 */
/** A typed amount read back as the document prints it: ¥5,000.00 · 人民币伍仟元整 (大写 live). */
function MoneyEcho({ name, id }: { name: FormPath; id: string }) {
  const value = useWatch<WizardValues>({ name });
  const fen = typeof value === "string" && value.trim() ? yuanToFen(value) : null;
  if (!fen?.ok) return null;
  return (
    <p className="text-xs text-slate-600" data-testid={`${id}-upper`}>
      {`${formatYuan(fen.fen)} · 人民币${toChineseUppercase(fen.fen)}`}
    </p>
  );
}

function ScalarInput({ field, name, today, rowPrefix, advice }: { field: ScalarField; name: FormPath; today: string; rowPrefix?: string; advice?: string }) {
  const { register } = useFormContext<WizardValues>();
  const { errors } = useFormState<WizardValues>({ name });
  const error = errorMessage(errors, name);
  const id = domId(name);
  const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, !!field.help, !!error) } as const;
  const reg = register(name);

  if (field.kind === "radio") return <RadioInput field={field} id={id} error={error} rowPrefix={rowPrefix} reg={reg} aria={aria} />;

  let control: ReactNode;
  switch (field.kind) {
    case "textarea":
      control = <textarea id={id} rows={4} placeholder={field.placeholder} {...aria} {...reg} className={`${inputClass(!!error)} resize-y py-2`} />;
      break;
    case "select":
      control = (
        <select id={id} {...aria} {...reg} className={inputClass(!!error)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case "date":
      control = <input id={id} type="date" {...dateBounds(field, today)} {...aria} {...reg} className={inputClass(!!error)} />;
      break;
    case "time":
      control = <input id={id} type="time" placeholder={field.placeholder} {...aria} {...reg} className={inputClass(!!error)} />;
      break;
    default: {
      // Money and numbers stay type="text": a type="number" input silently drops what it cannot
      // parse ("1,000"), so the schema could not say what is wrong; inputMode still brings up the
      // right keypad on phones.
      const inputMode =
        field.kind === "phone" ? "tel" : field.kind === "money" ? "decimal" : field.kind === "number" ? (field.decimals > 0 ? "decimal" : "numeric") : undefined;
      const unit = field.kind === "money" || field.kind === "number" ? field.unit : undefined;
      control = (
        <div className="flex items-center gap-2">
          <input
            id={id}
            type={field.kind === "phone" ? "tel" : "text"}
            inputMode={inputMode}
            autoComplete="off"
            placeholder={field.placeholder}
            {...aria}
            {...reg}
            className={inputClass(!!error)}
          />
          {unit && <span className="shrink-0 text-sm text-slate-500">{unit}</span>}
        </div>
      );
    }
  }

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-baseline gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          <LabelText label={field.label} rowPrefix={rowPrefix} />
        </label>
        <Optional show={!field.required} />
      </div>
      {control}
      {field.kind === "money" && !rowPrefix && <MoneyEcho name={name} id={id} />}
      <Messages id={id} help={field.help} error={error} advice={advice} />
    </div>
  );
}

/**
 * A row of buttons holding one value — components/ui/Segmented's look, plus what Segmented lacks
 * here: a visible label, aria-invalid / aria-describedby, and wrapping for long option lists.
 * The selected style comes from CSS (has-checked), so no re-render per click is needed.
 */
function RadioInput({
  field,
  id,
  error,
  rowPrefix,
  reg,
  aria,
}: {
  field: ChoiceField;
  id: string;
  error?: string;
  rowPrefix?: string;
  reg: UseFormRegisterReturn;
  aria: { "aria-invalid": true | undefined; "aria-describedby": string | undefined };
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-baseline gap-2">
        <span id={`${id}-label`} className="text-sm font-medium text-slate-700">
          <LabelText label={field.label} rowPrefix={rowPrefix} />
        </span>
        <Optional show={!field.required} />
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-label`} {...aria} className="flex flex-wrap gap-2">
        {field.options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 flex-auto cursor-pointer items-center justify-center rounded-lg bg-slate-100 px-3 py-2 text-center text-sm font-medium text-slate-600 has-checked:bg-brand-500 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-500 has-focus-visible:ring-offset-1"
          >
            <input type="radio" value={o.value} className="sr-only" {...reg} />
            {o.label}
          </label>
        ))}
      </div>
      <Messages id={id} help={field.help} error={error} />
    </div>
  );
}

function CheckboxInput({ field }: { field: CheckboxField }) {
  const name: FormPath = `form.${field.name}`;
  const { register } = useFormContext<WizardValues>();
  const { errors } = useFormState<WizardValues>({ name });
  const error = errorMessage(errors, name);
  const id = domId(name);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, !!field.help, !!error)}
          {...register(name)}
          className="h-5 w-5 shrink-0 accent-brand-500"
        />
        <label htmlFor={id} className="flex-1 py-2 text-base">
          {field.label}
        </label>
      </div>
      <Messages id={id} help={field.help} error={error} />
    </div>
  );
}

// ───────────────────────────── region ─────────────────────────────

type RegionPart = "province" | "city" | "district";
const REGION_LABELS: Record<RegionPart, string> = { province: "省份", city: "城市", district: "区县" };

/**
 * 省份 → 城市 → 区县 as three native selects over the division data (lib/domain/regions), then
 * 详细地址. Choosing a level empties the levels below it and keeps `code` (hidden) as the code of
 * the deepest level chosen. A level the division does not have (东莞市 has no 区县, 香港 no city)
 * shows 无. A stored name the data does not know (an old free-text value) stays shown as it is,
 * with the schema's 所选地区不存在 below it, until another is chosen. On a phone each select has
 * its own row, label beside it; from sm up the three sit side by side.
 */
function RegionInput({ field }: { field: RegionField }) {
  const name: FormPath = `form.${field.name}`;
  const { register, getValues, setValue, clearErrors } = useFormContext<WizardValues>();
  const { errors } = useFormState<WizardValues>({ name });
  const value = useWatch<WizardValues>({ name }) as Partial<RegionValue> | undefined;
  const id = domId(name);
  const rootError = errorMessage(errors, name); // e.g. 格式不正确 for a damaged value
  const chosen = { province: value?.province ?? "", city: value?.city ?? "", district: value?.district ?? "" };
  const province = findProvince(chosen.province);
  const city = findCity(province, chosen.city);
  const options: Record<RegionPart, readonly { name: string }[] | null> = {
    province: provinces(),
    city: province ? province.cities : null,
    district: city ? city.districts : null,
  };

  /** After a level changed: empty the levels below, and set the code of the deepest one chosen. */
  const cascade = (part: RegionPart) => {
    const below = part === "province" ? (["city", "district"] as const) : part === "city" ? (["district"] as const) : [];
    for (const k of below) {
      setValue(`${name}.${k}`, "", { shouldDirty: true });
      clearErrors(`${name}.${k}`); // about a value no longer there
    }
    const v = getValues(name) as RegionValue;
    const p = findProvince(v.province);
    const c = findCity(p, v.city);
    setValue(`${name}.code`, (findDistrict(c, v.district) ?? c ?? p)?.code ?? "", { shouldDirty: true });
  };

  const select = (part: RegionPart) => {
    const path: FormPath = `${name}.${part}`;
    const partId = domId(path);
    const error = errorMessage(errors, path);
    const current = chosen[part];
    const list = options[part] ?? [];
    const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${partId}-error` : undefined } as const;
    const nothing = options[part] === null ? (part === "city" ? "请先选择省份" : "请先选择城市") : "无";
    return (
      <div key={part} className="flex min-w-0 flex-col gap-1">
        <div className="flex min-w-0 items-center gap-2 sm:flex-col sm:items-stretch sm:gap-1">
          <label htmlFor={partId} className="w-10 shrink-0 text-sm text-slate-600 sm:w-auto sm:text-xs sm:text-slate-500">
            {REGION_LABELS[part]}
          </label>
          {list.length > 0 || current ? (
            <select key="choose" id={partId} {...aria} {...register(path, { onChange: () => cascade(part) })} className={`${inputClass(!!error)} px-2`}>
              <option value="">请选择</option>
              {current && !list.some((o) => o.name === current) && <option value={current}>{current}</option>}
              {list.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name}
                </option>
              ))}
            </select>
          ) : (
            // Nothing to choose at this level (yet): not a form value, so not registered.
            <select key="none" id={partId} disabled {...aria} className={`${inputClass(!!error)} px-2 text-slate-400`}>
              <option>{nothing}</option>
            </select>
          )}
        </div>
        <Messages id={partId} error={error} />
      </div>
    );
  };

  const detailPath: FormPath = `${name}.detail`;
  const detailId = domId(detailPath);
  const detailError = errorMessage(errors, detailPath);
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy(id, !!field.help, !!rootError)}>
      <legend className="mb-1 flex items-baseline gap-2 text-sm font-medium text-slate-700">
        {field.label}
        <Optional show={!field.required} />
      </legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">{(["province", "city", "district"] as const).map(select)}</div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={detailId} className="text-xs text-slate-500">
          详细地址
        </label>
        <input
          id={detailId}
          type="text"
          autoComplete="off"
          placeholder={field.placeholder ?? "街道、小区、楼栋、门牌号"}
          aria-invalid={detailError ? true : undefined}
          aria-describedby={detailError ? `${detailId}-error` : undefined}
          {...register(detailPath)}
          className={`${inputClass(!!detailError)} px-2`}
        />
        <Messages id={detailId} error={detailError} />
      </div>
      <Messages id={id} help={field.help} error={rootError} />
    </fieldset>
  );
}

// ───────────────────────────── list ─────────────────────────────

// Static class names (Tailwind only ships classes it can see in the source).
const ROW_GRID: Record<number, string> = { 1: "grid-cols-1", 2: "grid-cols-2" };
const rowGrid = (columns: number) => ROW_GRID[columns] ?? "grid-cols-2 sm:grid-cols-3";

/**
 * The same values seen from a list: every list field holds Row[] (engine: ValueOf<ListField>).
 * FormValues is a record of a union, from which react-hook-form cannot infer a row type for a
 * path only known at run time, so the list views the control through this narrower type.
 */
type ListValues = { form: Record<string, Row[]> };

/** Rows of small inputs: a compact card per row, 删除 per row, the field's own add button. */
function ListInput({ field, today }: { field: ListField; today: string }) {
  const name: FormPath = `form.${field.name}`;
  const { control, getValues, trigger } = useFormContext<WizardValues>();
  const [presetNote, setPresetNote] = useState<string | null>(null);
  const { errors } = useFormState<WizardValues>({ name });
  const rows = useFieldArray({ control: control as unknown as Control<ListValues>, name });
  const id = domId(name);
  const error = errorMessage(errors, name);
  const count = rows.fields.length;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy(id, !!field.help, !!error)}>
      <legend className="mb-1 flex items-baseline gap-2 text-sm font-medium text-slate-700">
        {field.label}
        <Optional show={field.minRows === 0} />
      </legend>
      {field.presets && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>{field.presets.label}：</span>
          {field.presets.counts.map((n) => (
            <Button
              key={n}
              type="button"
              variant="secondary"
              className="min-h-9 px-3 text-sm"
              onClick={() => {
                const today_ = parseYmd(today);
                const filled = today_ ? field.presets!.rows(getValues("form"), n, { today: today_ }) : null;
                setPresetNote(filled ? null : "请先填写前面的金额、日期等信息");
                if (filled) {
                  rows.replace(filled);
                  void trigger(name);
                }
              }}
            >
              {n}期
            </Button>
          ))}
          {presetNote && <span className="text-amber-700">{presetNote}</span>}
        </div>
      )}
      {count === 0 && <p className="text-sm text-slate-500">还没有添加{field.label}</p>}
      {rows.fields.map((row, i) => {
        const rowName = `第${i + 1}项`;
        return (
          <div key={row.id} role="group" aria-label={`${field.label}${rowName}`} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-slate-50 p-3">
            <div className="flex items-center justify-between">
              <span className="text-sm font-medium text-slate-600">{rowName}</span>
              {/* Below minRows the schema would refuse the list, so the last required rows cannot go. */}
              {count > field.minRows && (
                <Button type="button" variant="ghost" className="min-h-9 px-2 text-sm" aria-label={`删除${rowName}${field.label}`} onClick={() => rows.remove(i)}>
                  删除
                </Button>
              )}
            </div>
            <div className={`grid gap-2 ${rowGrid(field.columns.length)}`}>
              {field.columns.map((c) => (
                <ScalarInput key={c.name} field={c} name={`${name}.${i}.${c.name}`} today={today} rowPrefix={rowName} />
              ))}
            </div>
          </div>
        );
      })}
      {count < field.maxRows ? (
        <Button type="button" variant="secondary" className="text-sm" onClick={() => rows.append(emptyRow(field.columns))}>
          <span aria-hidden="true" className="mr-1">
            ＋
          </span>
          {field.addLabel}
        </Button>
      ) : (
        <p className="text-xs text-slate-500">最多可添加{field.maxRows}项</p>
      )}
      <Messages id={id} help={field.help} error={error} />
    </fieldset>
  );
}

// ───────────────────────────── entry ─────────────────────────────

/** One template field under `form.`, inside the wizard's FormProvider. `today` is "YYYY-MM-DD" (Asia/Shanghai). */
export function FieldInput({ field, today, advice }: { field: AnyField; today: string; advice?: string }) {
  switch (field.kind) {
    case "checkbox":
      return <CheckboxInput field={field} />;
    case "region":
      return <RegionInput field={field} />;
    case "list":
      return <ListInput field={field} today={today} />;
    default:
      return <ScalarInput field={field} name={`form.${field.name}`} today={today} advice={advice} />;
  }
}

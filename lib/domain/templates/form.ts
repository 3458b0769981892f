// A form's shape at run time: which fields are shown for these values, and empty values.
// ───────────────────────────── visibility ─────────────────────────────
import { addDays, formatYmd, type YMD } from "../dates";
import type { AnyField, ColumnField, Condition, FieldValue, FormValues, Row, StepDef } from "./fields";

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

export function emptyValue(f: AnyField, today: YMD | null): FieldValue {
  switch (f.kind) {
    case "select":
    case "radio":
    case "checkbox":
      return f.default;
    case "region":
      return { province: "", city: "", district: "", detail: "", code: "" };
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
export function clearedValue(f: AnyField): FieldValue {
  return f.kind === "list" ? [] : emptyValue(f, null);
}

export function emptyRow(columns: readonly ColumnField[]): Row {
  return Object.fromEntries(columns.map((c) => [c.name, c.kind === "select" || c.kind === "radio" ? c.default : ""]));
}

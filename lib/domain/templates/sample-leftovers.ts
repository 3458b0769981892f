// 参照示例填写 starts from a template's sample, whose made-up parts (示例路1号…) show the shape of an
// answer. None of them may reach a signed contract: sending is refused while one is left as it was.
import type { FormValues, StepDef } from "./fields";
import { shownFieldNames } from "./form";

/** How the samples mark made-up text; only such values are looked for. */
export const SAMPLE_MARK = "示例";
export const SAMPLE_LEFT = "这是示例内容，请改为实际信息";

/** Paths (within the form, e.g. "address.detail", "items.0.name") of shown values still equal to the sample's made-up text. */
export function sampleLeftovers(steps: readonly StepDef[], sample: FormValues, form: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (s: unknown, v: unknown, path: string) => {
    if (typeof s === "string") {
      if (s.includes(SAMPLE_MARK) && typeof v === "string" && v.trim() === s.trim()) out[path] = SAMPLE_LEFT;
    } else if (Array.isArray(s)) {
      s.forEach((x, i) => walk(x, Array.isArray(v) ? v[i] : undefined, `${path}.${i}`));
    } else if (s && typeof s === "object") {
      for (const [k, x] of Object.entries(s)) walk(x, v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined, `${path}.${k}`);
    }
  };
  for (const name of shownFieldNames(steps, form)) walk(sample[name], form[name], name);
  return out;
}

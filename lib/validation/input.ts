// What every server action and route does with what a browser (or anyone) sent, before its own
// schema: no string anywhere in it may carry a character a person never means to type, or an
// emoji our contract fonts cannot print. One check at the boundary, for every form.
import { z } from "zod";
import { parseYmd } from "@/lib/domain/dates";
import { typedTextError } from "@/lib/domain/typed-text";

export { EMOJI_MESSAGE, HIDDEN_CHAR_MESSAGE, typedTextError } from "@/lib/domain/typed-text";

// zod's own messages (a missing key, a wrong type in a crafted request) in Chinese too
z.config(z.locales.zhCN());

function scan(value: unknown, path: (string | number)[], out: z.core.$ZodIssue[], depth: number): void {
  if (out.length >= 20 || depth > 12) return;
  if (typeof value === "string") {
    const message = typedTextError(value);
    if (message) out.push({ code: "custom", path, message, input: undefined } as z.core.$ZodIssue);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, [...path, i], out, depth + 1));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyError = typedTextError(k);
      if (keyError) out.push({ code: "custom", path: [...path, k], message: keyError, input: undefined } as z.core.$ZodIssue);
      else scan(v, [...path, k], out, depth + 1);
    }
  }
}

/** `schema.safeParse(input)`, after the boundary check: a refused character fails at its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const issues: z.core.$ZodIssue[] = [];
  scan(input, [], issues, 0);
  if (issues.length) return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(input);
}

/** A calendar date typed as YYYY-MM-DD that exists (no 2026-13-45), as the form's date control sends it. */
export const calendarDate = (label: string) =>
  z.string({ error: `请选择${label}` }).refine((v) => parseYmd(v) !== null, `请选择有效的${label}`);

// The typed result every server action returns: forms show `fieldErrors` next to the field
// and `error` above the form. Nothing a user types leads to a thrown error / HTTP 500.
import type { z } from "zod";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(error: string, fieldErrors?: Record<string, string>): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  return { ok: false, error, fieldErrors };
}

export function fieldFail(field: string, message: string): { ok: false; fieldErrors: Record<string, string> } {
  return { ok: false, fieldErrors: { [field]: message } };
}

/** First message per field from a zod error; `under` drops a leading path segment the form does not use. */
export function zodFail(error: z.ZodError, under?: string): { ok: false; error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = under && issue.path[0] === under ? issue.path.slice(1) : issue.path;
    const key = path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, error: "请检查填写的内容", fieldErrors };
}

// defineTemplate: one declaration → the definition the UI and the server use (schema, empty form,
// sample, facts, document, advice, reminders).
// ───────────────────────────── the definition ─────────────────────────────
import type { z } from "zod";
import type { YMD } from "../dates";
import type { ContractDocument } from "./document";
import { blank, renderDocument, type DocumentBody } from "./clauses";
import type { FormOf, FormValues, StepDef } from "./fields";
import { emptyValue, fieldsOf } from "./form";
import type { DocumentMeta, Reminder, RoleDef, TemplateContext, TemplateMeta, TemplateSigner } from "./meta";
import { buildSchema, checkDefinition, coerceAll, isRecord, normalise, withValidChoices, type Rules } from "./schema";


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

// The template engine: what a template definition is, and the generic machinery every template
// shares — field kinds, conditional visibility, the wizard's zod schema built from the field
// definitions, empty forms, and small parsing helpers for facts. Pure: no I/O, no React.
//
// A template declares its wizard as data (steps → fields). From that one declaration the engine
// derives the form type (FormOf), the empty form, and the schema that checks every shown field
// (required, length, control characters, money, dates, lists). The template adds only its own
// cross-field rules (dates in order, term limits, totals) and its clauses. So the UI, the server
// action and the renderer can never disagree about which fields exist.
//
// The engine, split by concern: meta.ts (parties, order, ages), fields.ts (field kinds and builders),
// form.ts (visibility, empty values), schema.ts (the zod schema), define.ts (defineTemplate) and
// facts.ts (helpers for facts and clauses). Templates import it all from here.
export * from "./meta";
export * from "./fields";
export * from "./form";
export * from "./schema";
export * from "./define";
export * from "./facts";

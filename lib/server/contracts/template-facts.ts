import "server-only";
import type { SqlRunner } from "@/lib/server/db";
import type { FormValues } from "@/lib/domain/templates/engine";
import { COURT_OPTIONS } from "@/lib/domain/templates/iou";
import { partyShape, type PartyForm } from "@/lib/validation/template";
import { openFacts } from "./facts-seal";

// Contract.facts of every template contract: { party, form } — the wizard's party step and the
// template's own form, exactly as the initiator confirmed them.

export type TemplateFacts = { party: PartyForm; form: FormValues };

/** Stored facts read back (ID numbers opened; a party step saved with flat fields read as rows); null when they are not a template's. */
export const templateFactsOf = (facts: unknown): TemplateFacts | null => {
  const f = openFacts<{ party?: unknown; form?: unknown } | null>(facts);
  if (!f || typeof f !== "object" || !f.form || typeof f.form !== "object") return null;
  const party = partyShape.safeParse(f.party);
  return party.success ? { party: party.data, form: f.form as FormValues } : null;
};

const PARTY_KEYS = ["myRole", "counterpartyFill", "counterpartyName", "counterpartyIdType", "counterpartyIdNumber", "counterpartyPhone"] as const;
const COURT_CODE = new Map<string, string>(Object.entries(COURT_OPTIONS).map(([code, label]) => [label, code]));

/**
 * A 借条 stored before it became a template kept one flat form ({ myRole, amount, court: "出借人住所地人民法院", … });
 * the same answers as { party, form }. A sealed ID number moves as it is (never opened here).
 */
export function legacyIouFacts(flat: Record<string, unknown>): Record<string, unknown> {
  const party: Record<string, unknown> = { counterpartyIdType: "CN_RESIDENT" };
  const form: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) ((PARTY_KEYS as readonly string[]).includes(k) ? party : form)[k] = v;
  if (typeof form.court === "string") form.court = COURT_CODE.get(form.court) ?? form.court;
  return { party, form };
}

/** Data migration (prisma/migrate.ts, idempotent): flat 借条 facts become { party, form }. Returns how many. */
export async function migrateLegacyIouFacts(sql: SqlRunner): Promise<number> {
  const rows = await sql.query<{ id: string; facts: unknown }>(`SELECT id, facts FROM "Contract" WHERE kind = 'iou' AND NOT (facts ? 'form')`);
  for (const r of rows) {
    const facts = typeof r.facts === "string" ? JSON.parse(r.facts) : r.facts;
    await sql.query(`UPDATE "Contract" SET facts = $1::jsonb WHERE id = $2`, [JSON.stringify(legacyIouFacts(facts as Record<string, unknown>)), r.id]);
  }
  return rows.length;
}

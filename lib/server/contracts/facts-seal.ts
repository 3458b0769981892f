import "server-only";
import type { Prisma } from "@prisma/client";
import type { SqlRunner } from "@/lib/server/db";
import { decrypt, encrypt } from "@/lib/server/crypto";
import { maskId } from "@/lib/domain/idcard";

/*
 * Contract.facts keeps what the wizard collected, including an ID number typed for a counterparty
 * (我来填). It is stored sealed: every string under a key ending in "idNumber" becomes
 * { sealedId: AES-256-GCM ciphertext, masked } and is opened again only in memory, where the
 * wizard or a readiness check needs the value. The database never holds it in clear.
 */
const ID_KEY = /idNumber$/i;
type SealedId = { sealedId: string; masked: string };

const isSealed = (v: unknown): v is SealedId => typeof v === "object" && v !== null && typeof (v as SealedId).sealedId === "string";

function walk(value: unknown, at: (key: string, v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, at));
  if (typeof value !== "object" || value === null || isSealed(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ID_KEY.test(k) ? at(k, v) : walk(v, at)]));
}

/** What to write into Contract.facts. */
export function sealFacts(facts: unknown): Prisma.InputJsonValue {
  return walk(facts, (_, v) => (typeof v === "string" && v.trim() ? { sealedId: encrypt(v), masked: maskId(v.trim()) } : v)) as Prisma.InputJsonValue;
}

/** Contract.facts as the code reads it: ID numbers opened (in memory only). */
export function openFacts<T = unknown>(facts: Prisma.JsonValue | unknown): T {
  return walk(facts, (_, v) => (isSealed(v) ? decrypt(v.sealedId) : v)) as T;
}

/** True when some ID number in these facts is still stored in clear (rows written before sealing). */
export function hasClearId(facts: unknown): boolean {
  let found = false;
  walk(facts, (_, v) => {
    if (typeof v === "string" && v.trim()) found = true;
    return v;
  });
  return found;
}

/**
 * Data migration (run by prisma/migrate.ts after the SQL migrations, idempotent): contracts
 * written before facts were sealed get their clear ID numbers sealed in place. Returns how many.
 */
export async function sealStoredFacts(sql: SqlRunner): Promise<number> {
  const rows = await sql.query<{ id: string; facts: unknown }>(`SELECT id, facts FROM "Contract" WHERE facts::text ~* 'idNumber":\\s*"[^"]'`);
  let n = 0;
  for (const r of rows) {
    const facts = typeof r.facts === "string" ? JSON.parse(r.facts) : r.facts;
    if (!hasClearId(facts)) continue;
    await sql.query(`UPDATE "Contract" SET facts = $1::jsonb WHERE id = $2`, [JSON.stringify(sealFacts(facts)), r.id]);
    n++;
  }
  return n;
}

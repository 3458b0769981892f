import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { DEFAULT_FEE_RULES, type FeeRules } from "@/lib/domain/fees";
import { feeRulesSchema } from "@/lib/validation/fees";

export const FEE_RULES_KEY = "feeRules";

/** The fee rules admins keep (seeded with the defaults); anything unreadable falls back to the defaults. */
export async function feeRules(tx: Tx = db()): Promise<FeeRules> {
  const row = await tx.setting.findUnique({ where: { key: FEE_RULES_KEY } });
  const parsed = feeRulesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_FEE_RULES;
}

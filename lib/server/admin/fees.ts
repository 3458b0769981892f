import "server-only";
import { db } from "@/lib/server/db";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { feeRules, FEE_RULES_KEY } from "@/lib/server/payments";
import type { FeeRules } from "@/lib/domain/fees";
import { feeRulesFormSchema } from "@/lib/validation/admin";
import { feeRulesSchema } from "@/lib/validation/fees";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { parseInput } from "@/lib/validation/input";

// 收费规则: prices are data. An edit applies to quotes from now on; orders keep their own lines.

export async function feeRulesForm() {
  const r = await feeRules();
  const y = (fen: number) => (fen / 100).toFixed(2);
  return {
    iouYuan: y(r.contractFen.iou ?? r.otherContractFen),
    receiptYuan: y(r.contractFen.receipt ?? r.otherContractFen),
    otherYuan: y(r.otherContractFen),
    freePerMonth: String(r.freeQuota.perMonth),
    cardPriceYuan: y(r.saverCard.priceFen),
    cardDays: String(r.saverCard.days),
    cardPercentOff: String(r.saverCard.percentOff),
    reportYuan: y(r.reportFen),
  };
}

export async function feeRulesUpdate({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(feeRulesFormSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const f = parsed.data;
  return db().$transaction(async (tx) => {
    const before = await feeRules(tx);
    const after: FeeRules = {
      contractFen: { ...before.contractFen, iou: f.iouYuan, receipt: f.receiptYuan },
      otherContractFen: f.otherYuan,
      freeQuota: { ...before.freeQuota, perMonth: f.freePerMonth },
      saverCard: { ...before.saverCard, priceFen: f.cardPriceYuan, days: f.cardDays, percentOff: f.cardPercentOff },
      reportFen: f.reportYuan,
    };
    if (!feeRulesSchema.safeParse(after).success) return fail("收费规则无效");
    if (JSON.stringify(before) === JSON.stringify(after)) return fail("没有修改任何内容");
    await tx.setting.upsert({ where: { key: FEE_RULES_KEY }, create: { key: FEE_RULES_KEY, value: after }, update: { value: after } });
    await adminAudit(tx, admin, { action: "feeRules.update", targetType: "feeRules", targetId: FEE_RULES_KEY, summary: "修改收费规则", before, after, ip });
    return ok(undefined);
  });
}

/** 修改历史: the audit rows of the rules, newest first. */
export function feeRulesHistory() {
  return db().adminAudit.findMany({ where: { targetType: "feeRules" }, orderBy: { createdAt: "desc" }, take: 20 });
}

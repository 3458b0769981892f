import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { registerOrderPaid } from "./orders";
import { feeRules } from "./rules";

// 省钱月卡: a paid SAVER_CARD order adds a card that starts when the current one ends.

registerOrderPaid("SAVER_CARD", async (tx, order) => {
  const latest = await tx.saverCard.findFirst({ where: { userId: order.userId, validTo: { gt: now() } }, orderBy: { validTo: "desc" } });
  const from = latest?.validTo ?? now();
  const days = (await feeRules(tx)).saverCard.days;
  await tx.saverCard.create({ data: { userId: order.userId, orderId: order.id, validFrom: from, validTo: new Date(from.getTime() + days * 86_400_000) } });
});

export function cardsOf(userId: string) {
  return db().saverCard.findMany({ where: { userId, validTo: { gt: now() } }, orderBy: { validFrom: "asc" } });
}

import "server-only";
import { db } from "@/lib/server/db";

export const ON_HOLD = "合同已暂停：有签署方的账号已被平台冻结，暂不能继续操作";

/** 暂停: a contract with a frozen account among its people waits until the account is unfrozen. */
export async function frozenHold(c: { initiatorId: string; parties: { userId: string | null }[] }): Promise<string | null> {
  const ids = [c.initiatorId, ...c.parties.flatMap((p) => (p.userId ? [p.userId] : []))];
  return (await db().user.count({ where: { id: { in: ids }, status: "FROZEN" } })) > 0 ? ON_HOLD : null;
}

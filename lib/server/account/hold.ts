import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { startFaceCheck } from "@/lib/server/identity";
import type { IntentPayload } from "@/lib/validation/intent";

// Account changes that need the holder's face (签署密码, 指纹/面容 ID, 更换手机号, 更名, 港澳台 switch,
// 注销) are validated first, held in a pending face check, and carried out once it passes.

/** The held change: 签署密码, 指纹/面容 ID, 更换手机号, 更名, 港澳台 switch, 注销 (its schema: lib/validation/intent.ts). */
export type AccountOp = IntentPayload<"ACCOUNT">;

export async function holdAccountChange(userId: string, op: AccountOp): Promise<{ faceCheckId: string }> {
  const faceCheckId = await db().$transaction((tx) => startFaceCheck(tx, userId, "ACCOUNT", op));
  return { faceCheckId };
}

/** Every account change leaves a record of what changed, when and from where. */
export function accountEvent(tx: Tx, userId: string, kind: string, detail: Prisma.InputJsonValue, ip: string | null) {
  return tx.accountEvent.create({ data: { userId, kind, detail, ip, createdAt: now() } });
}

import "server-only";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { renameSchema } from "@/lib/validation/account";
import { accountEvent, holdAccountChange, type AccountOp } from "./hold";
import { parseInput } from "@/lib/validation/input";

// 更名 and 同港澳台居民签署合同.

/** 更名, step 1: the notice accepted and the new name checked; the face check holds it. */
export async function renameStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string }>> {
  const parsed = parseInput(renameSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt || !user.realName) return fail("请先完成实名认证");
  if (parsed.data.name === user.realName) return fieldFail("name", "新姓名与当前姓名相同");
  return ok(await holdAccountChange(user.id, { op: "rename", name: parsed.data.name }));
}

/**
 * The new name is the account's from now on. Kept signatures become 已失效 (seals follow the name
 * by themselves), and contracts started before now can no longer be signed by this user.
 */
export async function applyRename(tx: Tx, user: User, op: Extract<AccountOp, { op: "rename" }>) {
  const at = now();
  await tx.user.update({ where: { id: user.id }, data: { realName: op.name, renamedAt: at } });
  await tx.savedSignature.updateMany({ where: { userId: user.id, invalidatedAt: null }, data: { invalidatedAt: at, isDefault: false } });
  return { kind: "rename", detail: { from: user.realName ?? "", to: op.name } };
}

export async function crossBorderStart(user: User): Promise<ActionResult<{ faceCheckId: string }>> {
  if (!user.verifiedAt) return fail("请先完成实名认证");
  if (user.crossBorderAt) return fail("已开启");
  return ok(await holdAccountChange(user.id, { op: "crossBorder" }));
}

export async function applyCrossBorder(tx: Tx, user: User) {
  await tx.user.update({ where: { id: user.id }, data: { crossBorderAt: now() } });
  return { kind: "crossBorder.on", detail: {} };
}

/** Turning the switch off takes nothing away from contracts already started. */
export async function crossBorderOff(user: User, ip: string): Promise<ActionResult<undefined>> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { crossBorderAt: null } });
    await accountEvent(tx, user.id, "crossBorder.off", {}, ip);
  });
  return ok(undefined);
}

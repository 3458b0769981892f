import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/server/db";
import { z } from "zod";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { userFreezeSchema, userUnfreezeSchema } from "@/lib/validation/admin";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { parseInput } from "@/lib/validation/input";

export const userSearchSchema = z.object({
  q: z.string().trim().max(40).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export const ADMIN_PAGE_SIZE = 20;

/** Users by phone, name or masked ID (e.g. "1101" or "123X"), newest first. */
export async function searchUsers(input: unknown) {
  const parsed = parseInput(userSearchSchema, input);
  const { q, page } = parsed.success ? parsed.data : { q: "", page: 1 };
  const where: Prisma.UserWhereInput = q
    ? {
        OR: [
          { phone: { contains: q } },
          { realName: { contains: q } },
          { idMasked: { contains: q.toUpperCase() } },
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: { id: true, phone: true, realName: true, idMasked: true, role: true, status: true, verifiedAt: true, createdAt: true },
    }),
  ]);
  return { q, page, total, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)), rows };
}

/** One user: profile, contracts, orders and sign-in history. */
export async function userDetail(id: string) {
  if (id.length > 40) return null;
  const user = await db().user.findUnique({ where: { id } });
  if (!user) return null;
  const mine = { OR: [{ initiatorId: id }, { parties: { some: { userId: id } } }] };
  const [contracts, orders, signIns] = await Promise.all([
    db().contract.findMany({ where: mine, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, number: true, title: true, kind: true, status: true, createdAt: true } }),
    db().order.findMany({ where: { userId: id }, orderBy: { createdAt: "desc" }, take: 50 }),
    db().signInEvent.findMany({ where: { userId: id }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return { user, contracts, orders, signIns };
}

/**
 * 冻结: the account can neither sign in nor sign (every request reads the status); contracts it
 * is part of are on hold for the other parties until it is unfrozen.
 */
export async function userFreeze({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(userFreezeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (parsed.data.userId === admin.id) return fail("不能冻结自己的账号");
  return db().$transaction(async (tx) => {
    const moved = await tx.user.updateMany({ where: { id: parsed.data.userId, status: "ACTIVE" }, data: { status: "FROZEN", frozenReason: parsed.data.reason } });
    if (moved.count !== 1) return fail("该账号不是正常状态，无法冻结");
    const u = await tx.user.findUniqueOrThrow({ where: { id: parsed.data.userId } });
    await adminAudit(tx, admin, { action: "user.freeze", targetType: "user", targetId: u.id, summary: `冻结用户 ${u.realName ?? u.phone}：${parsed.data.reason}`, before: { status: "ACTIVE" }, after: { status: "FROZEN", reason: parsed.data.reason }, ip });
    return ok(undefined);
  });
}

export async function userUnfreeze({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(userUnfreezeSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const moved = await tx.user.updateMany({ where: { id: parsed.data.userId, status: "FROZEN" }, data: { status: "ACTIVE", frozenReason: null } });
    if (moved.count !== 1) return fail("该账号未被冻结");
    const u = await tx.user.findUniqueOrThrow({ where: { id: parsed.data.userId } });
    await adminAudit(tx, admin, { action: "user.unfreeze", targetType: "user", targetId: u.id, summary: `解冻用户 ${u.realName ?? u.phone}`, before: { status: "FROZEN" }, after: { status: "ACTIVE" }, ip });
    return ok(undefined);
  });
}

import "server-only";
import type { Prisma, User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

// 管理审计: every admin action, in the same transaction as the change it records.

export type AdminAuditEntry = {
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip: string | null;
};

export function adminAudit(tx: Tx, admin: Pick<User, "id">, e: AdminAuditEntry) {
  return tx.adminAudit.create({ data: { adminId: admin.id, ...e, createdAt: now() } });
}

export const ADMIN_AUDIT_PAGE = 50;

export async function adminAuditList(input: { page?: number; targetType?: string }) {
  const page = Math.max(1, Math.min(10_000, Math.floor(input.page ?? 1)));
  const where: Prisma.AdminAuditWhereInput = input.targetType ? { targetType: input.targetType } : {};
  const [total, rows] = await Promise.all([
    db().adminAudit.count({ where }),
    db().adminAudit.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * ADMIN_AUDIT_PAGE, take: ADMIN_AUDIT_PAGE }),
  ]);
  const admins = new Map((await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.adminId))] } }, select: { id: true, realName: true, phone: true } })).map((u) => [u.id, u.realName ?? u.phone]));
  return { page, total, pages: Math.max(1, Math.ceil(total / ADMIN_AUDIT_PAGE)), rows: rows.map((r) => ({ ...r, adminName: admins.get(r.adminId) ?? r.adminId })) };
}

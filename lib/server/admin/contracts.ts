import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { CONTRACT_STATES } from "@/lib/domain/lifecycle";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { calendarDate, parseInput } from "@/lib/validation/input";

// 合同管理: search and filter; a contract's parties, timeline and documents. Looking is audited.

export const contractSearchSchema = z.object({
  q: z.string().trim().max(40).optional().default(""),
  kind: z.string().trim().max(40).optional().default(""),
  status: z.enum(CONTRACT_STATES).or(z.literal("")).optional().default(""),
  from: calendarDate("起始日期").or(z.literal("")).optional().default(""),
  to: calendarDate("截止日期").or(z.literal("")).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});
export const ADMIN_CONTRACT_PAGE = 30;

export async function searchContracts(input: unknown) {
  const parsed = parseInput(contractSearchSchema, input);
  const f = parsed.success ? parsed.data : contractSearchSchema.parse({});
  const where: Prisma.ContractWhereInput = {
    ...(f.q ? { OR: [{ number: { contains: f.q.toUpperCase() } }, { title: { contains: f.q } }, { parties: { some: { name: { contains: f.q } } } }] } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status as ContractStatus } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00+08:00`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}) } }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().contract.count({ where }),
    db().contract.findMany({ where, orderBy: { createdAt: "desc" }, skip: (f.page - 1) * ADMIN_CONTRACT_PAGE, take: ADMIN_CONTRACT_PAGE, include: { parties: { select: { name: true, role: true }, orderBy: { seq: "asc" } } } }),
  ]);
  return { filters: f, total, pages: Math.max(1, Math.ceil(total / ADMIN_CONTRACT_PAGE)), rows };
}

/** The contract for an admin; the look itself is recorded. */
export async function contractForAdmin({ admin, ip }: AdminActor, id: string) {
  if (id.length > 40) return null;
  const c = await db().contract.findUnique({ where: { id }, include: { parties: { orderBy: { seq: "asc" } }, events: { orderBy: { seq: "asc" } } } });
  if (!c) return null;
  await db().$transaction((tx) => adminAudit(tx, admin, { action: "contract.view", targetType: "contract", targetId: c.id, summary: `查看合同 ${c.number}`, ip }));
  return c;
}

/** The stored PDF for an admin download, recorded like a look. */
export async function contractPdfForAdmin({ admin, ip }: AdminActor, id: string) {
  if (id.length > 40) return null;
  const c = await db().contract.findUnique({ where: { id }, select: { id: true, number: true, title: true, pdfSha256: true } });
  if (!c?.pdfSha256) return null;
  await db().$transaction((tx) => adminAudit(tx, admin, { action: "contract.download", targetType: "contract", targetId: c.id, summary: `下载合同文件 ${c.number}`, ip }));
  return c;
}

import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/server/db";
import { z } from "zod";

export const userSearchSchema = z.object({
  q: z.string().trim().max(40).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export const ADMIN_PAGE_SIZE = 20;

/** Users by phone, name or masked ID (e.g. "1101" or "123X"), newest first. */
export async function searchUsers(input: unknown) {
  const parsed = userSearchSchema.safeParse(input);
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

export async function adminOverview() {
  const [users, verified, outboxPending, outboxFailed] = await Promise.all([
    db().user.count(),
    db().user.count({ where: { verifiedAt: { not: null } } }),
    db().outboxMessage.count({ where: { status: "PENDING" } }),
    db().outboxMessage.count({ where: { status: "FAILED" } }),
  ]);
  return { users, verified, outboxPending, outboxFailed };
}

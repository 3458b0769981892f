import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/server/db";

// 借条相关司法判例, as users read them from the IOU preview.

export async function searchIouCases(q: string) {
  const term = q.trim().slice(0, 40);
  const where: Prisma.IouCaseWhereInput = {
    hiddenAt: null,
    ...(term ? { OR: [{ court: { contains: term } }, { caseNumber: { contains: term } }, { summary: { contains: term } }, { outcome: { contains: term } }] } : {}),
  };
  return db().iouCase.findMany({ where, orderBy: { decidedOn: "desc" }, take: 50 });
}

/** A case by id, hidden ones included so an old link explains itself instead of breaking. */
export function iouCaseById(id: string) {
  return id.length > 40 ? null : db().iouCase.findUnique({ where: { id } });
}

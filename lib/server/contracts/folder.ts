import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";

/**
 * Keeps every bound party's folder row in step with the contract. Rules from the reference:
 * a discarded draft leaves the folder; a revoked contract leaves the recipients' folders
 * (it stays in the initiator's, marked 已撤销); a draft is in its author's folder only.
 */
export async function syncFolder(tx: Tx, contractId: string): Promise<void> {
  const c = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { parties: true } });
  const members = new Map<string, boolean>(); // userId → is initiator
  members.set(c.initiatorId, true);
  for (const p of c.parties) if (p.userId && !members.has(p.userId)) members.set(p.userId, false);
  for (const [userId, isInitiator] of members) {
    // a draft is its author's alone until initiated, even when it names someone's phone
    const hidden = c.status === "DISCARDED" || (!isInitiator && (c.status === "REVOKED" || c.status === "DRAFT"));
    if (hidden) {
      await tx.folderEntry.deleteMany({ where: { userId, contractId } });
      continue;
    }
    const counterpartyNames = c.parties
      .filter((p) => p.userId !== userId && !(isInitiator && p.isInitiator))
      .map((p) => p.name ?? "")
      .filter(Boolean)
      .join("、");
    const row = { kind: c.kind, status: c.status, title: c.title, counterpartyNames, contractCreatedAt: c.createdAt };
    await tx.folderEntry.upsert({ where: { userId_contractId: { userId, contractId } }, create: { userId, contractId, ...row }, update: row });
  }
}

export const FOLDER_PAGE_SIZE = 20;

export type FolderQuery = { status?: ContractStatus[]; kind?: string; q?: string; cursor?: string };

/** Newest first, keyset-paged on (createdAt, id) so page 500 costs what page 1 does. */
export async function listFolder(userId: string, query: FolderQuery) {
  const where: Prisma.FolderEntryWhereInput = { userId };
  if (query.status?.length) where.status = { in: query.status };
  if (query.kind) where.kind = query.kind;
  const q = query.q?.trim();
  if (q) where.OR = [{ title: { contains: q, mode: "insensitive" } }, { counterpartyNames: { contains: q, mode: "insensitive" } }];
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    where.AND = [
      {
        OR: [{ contractCreatedAt: { lt: cursor.at } }, { contractCreatedAt: cursor.at, contractId: { lt: cursor.id } }],
      },
    ];
  }
  const rows = await db().folderEntry.findMany({
    where,
    orderBy: [{ contractCreatedAt: "desc" }, { contractId: "desc" }],
    take: FOLDER_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, FOLDER_PAGE_SIZE);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > FOLDER_PAGE_SIZE && last ? encodeCursor(last.contractCreatedAt, last.contractId) : null };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`).toString("base64url");
}

function decodeCursor(s: string | undefined): { at: Date; id: string } | null {
  if (!s) return null;
  const m = /^(\d{1,15})\.([a-z0-9]{1,40})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : null;
}

import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { actionsFor } from "@/lib/domain/lifecycle";
import { WAITING_FOR_ME, awaitsRecipients, waitingFor } from "@/lib/domain/waiting";
import { TEMPLATES, kindLabel } from "@/lib/domain/templates/registry";

/**
 * Keeps every bound party's folder row in step with the contract. Rules from the reference:
 * a discarded draft leaves the folder; a revoked contract leaves the recipients' folders
 * (it stays in the initiator's, marked 已撤销); a draft is in its author's folder only.
 */
export async function syncFolder(tx: Tx, contractId: string): Promise<void> {
  const c = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, include: { parties: { orderBy: { seq: "asc" } } } });
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
    const others = c.parties.filter((p) => p.userId !== userId && !(isInitiator && p.isInitiator));
    const counterpartyNames = others
      .map((p) => p.name ?? "")
      .filter(Boolean)
      .join("、");
    // an identity the other side has yet to enter: 待对方填写 while it still can be, 对方未填写 once it ended without it
    const unnamed = others.some((p) => !p.name && p.fillMode === "COUNTERPARTY");
    const unnamedLabel = c.status === "DRAFT" || c.status === "PENDING_INFO" ? "待对方填写" : "对方未填写";
    const counterparty = [counterpartyNames, unnamed ? unnamedLabel : ""].filter(Boolean).join("、");
    // 催办 as the lifecycle offers it to the initiator, and only while someone other than them is awaited
    const mayUrge = isInitiator && actionsFor(c.status, "INITIATOR").includes("urge") && awaitsRecipients(c);
    const row = {
      kind: c.kind,
      status: c.status,
      title: c.title,
      counterpartyNames,
      contractCreatedAt: c.createdAt,
      number: c.number,
      amountFen: c.amountFen,
      counterparty,
      waitingFor: waitingFor(c, userId),
      mayUrge,
      contractVersion: c.version,
    };
    await tx.folderEntry.upsert({ where: { userId_contractId: { userId, contractId } }, create: { userId, contractId, ...row }, update: row });
  }
}

export const FOLDER_PAGE_SIZE = 20;

/** `mine`: only what waits for this user's own act (待我签署, 待我补充信息, 待我确认解除 …). */
export type FolderQuery = { status?: ContractStatus[]; kind?: string; q?: string; cursor?: string; mine?: boolean };

/** Newest first, keyset-paged on (createdAt, id) so page 500 costs what page 1 does. */
export async function listFolder(userId: string, query: FolderQuery) {
  const where: Prisma.FolderEntryWhereInput = { userId };
  if (query.status?.length) where.status = { in: query.status };
  if (query.kind) where.kind = query.kind;
  if (query.mine) where.waitingFor = { startsWith: WAITING_FOR_ME };
  const q = query.q?.trim();
  if (q) {
    where.OR = [
      { title: { contains: q, mode: "insensitive" } },
      { counterpartyNames: { contains: q, mode: "insensitive" } },
      // 合同编号: the whole number or its beginning
      { number: { startsWith: q, mode: "insensitive" } },
    ];
  }
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

/** 待我处理 on the home page: the newest few that wait for this user, and how many there are. */
export async function waitingForMe(userId: string, take = 5) {
  const where = { userId, waitingFor: { startsWith: WAITING_FOR_ME } };
  const [items, total] = await Promise.all([
    db().folderEntry.findMany({ where, orderBy: [{ contractCreatedAt: "desc" }, { contractId: "desc" }], take }),
    db().folderEntry.count({ where }),
  ]);
  return { items, total };
}

/** The kinds this user has in their folder, labelled (借条, 租房合同 …, 自有文件), in the template library's order. */
export async function folderKinds(userId: string): Promise<{ kind: string; label: string }[]> {
  const rows = await db().folderEntry.findMany({ where: { userId }, distinct: ["kind"], select: { kind: true } });
  const order = (k: string) => {
    const i = TEMPLATES.findIndex((t) => t.id === k);
    return i < 0 ? TEMPLATES.length : i;
  };
  return rows
    .map((r) => r.kind)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((kind) => ({ kind, label: kindLabel(kind) }));
}

/**
 * Re-syncs the folder rows of every contract that has any, a batch per run (each run queues the
 * next): the migration that added what a row shows queues the first, so rows made before it show
 * the same as new ones. Each contract is locked while its rows are rewritten, so a transition
 * running at the same moment is never overwritten with what came before it.
 */
export const FOLDER_RESYNC_JOB = "folder.resync";
const RESYNC_BATCH = 200;

registerJob(FOLDER_RESYNC_JOB, async (payload) => {
  const after = (payload as { after?: unknown } | null)?.after;
  const batch = await db().contract.findMany({
    where: { folder: { some: {} }, ...(typeof after === "string" ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: RESYNC_BATCH,
    select: { id: true },
  });
  for (const { id } of batch) {
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${id} FOR UPDATE`;
      await syncFolder(tx, id);
    });
  }
  const last = batch.at(-1);
  if (last && batch.length === RESYNC_BATCH) {
    await db().$transaction((tx) => enqueue(tx, FOLDER_RESYNC_JOB, { after: last.id }, { uniqueKey: `folder-resync:${last.id}` }));
  }
});

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`).toString("base64url");
}

function decodeCursor(s: string | undefined): { at: Date; id: string } | null {
  if (!s) return null;
  const m = /^(\d{1,15})\.([a-z0-9]{1,40})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : null;
}

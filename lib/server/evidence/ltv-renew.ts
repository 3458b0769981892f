import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { blobStore, storeFile } from "@/lib/server/storage";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { appendAudit } from "@/lib/server/contracts";
import { addLongTermValidation } from "@/lib/server/pdf";
import { DOCUMENT_STATES } from "@/lib/domain/lifecycle";
import { addDays, formatYmd, shanghaiInstant, shanghaiToday } from "@/lib/domain/dates";

// 长期验证续期: the revocation lists in a PDF's last DSS run a year (pki/revocation.ts), and a
// validator wants those covering the last document time-stamp still current. So once a day the
// contracts whose stamp is older than RENEW_AFTER_DAYS (or that have none: signed before long-term
// validation) get a fresh DSS and document time-stamp appended — nothing earlier is touched — as
// a new stored version named in an audit event. The admin overview shows how many are due.

const RENEW = "evidence.ltvRenew";
export const RENEW_AFTER_DAYS = 300;
const PER_RUN = 50;
const DAY = 86_400_000;

const dueWhere = (at: Date) => ({
  status: { in: [...DOCUMENT_STATES] },
  pdfSha256: { not: null },
  OR: [{ ltvAt: null }, { ltvAt: { lt: new Date(at.getTime() - RENEW_AFTER_DAYS * DAY) } }],
});

/** How many contracts wait for a renewal, and when the last one was made (admin overview). */
export async function ltvStatus(at = now()): Promise<{ due: number; lastAt: Date | null }> {
  const [due, last] = await Promise.all([db().contract.count({ where: dueWhere(at) }), db().contract.aggregate({ _max: { ltvAt: true } })]);
  return { due, lastAt: last._max.ltvAt };
}

/** Renews up to PER_RUN due contracts, each in its own transaction under the contract's lock. */
export async function ltvRenewOnce(at = now()): Promise<number> {
  const due = await db().contract.findMany({ where: dueWhere(at), select: { id: true }, orderBy: { effectiveAt: "asc" }, take: PER_RUN });
  let renewed = 0;
  for (const { id } of due) {
    const done = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Contract" WHERE "id" = ${id} FOR UPDATE`;
      const c = await tx.contract.findUniqueOrThrow({ where: { id } });
      const stillDue = c.pdfSha256 && DOCUMENT_STATES.includes(c.status) && (!c.ltvAt || c.ltvAt.getTime() < at.getTime() - RENEW_AFTER_DAYS * DAY);
      const pdf = stillDue ? await blobStore().get(c.pdfSha256!) : null;
      if (!pdf) return false;
      const sha = await storeFile(tx, await addLongTermValidation(pdf, `platform-ltv-renew-${now().getTime()}`), "application/pdf");
      await tx.contract.update({ where: { id }, data: { pdfSha256: sha, ltvAt: now() } });
      await appendAudit(tx, id, { action: "ltvRenew", fromStatus: c.status, toStatus: c.status, actorUserId: null, actorRole: "SYSTEM", docSha256: sha, detail: { previous: c.pdfSha256 } });
      return true;
    });
    if (done) renewed++;
  }
  return renewed;
}

/** Enqueues the next run at 04:00 Asia/Shanghai (once across instances: keyed by its date). */
export async function scheduleLtvRenew(): Promise<void> {
  const today = shanghaiToday(now());
  const runAt = (d: typeof today) => shanghaiInstant(d, 4);
  const day = runAt(today) > now() ? today : addDays(today, 1);
  await db().$transaction((tx) => enqueue(tx, RENEW, {}, { runAt: runAt(day), uniqueKey: `ltv-renew:${formatYmd(day)}`, maxAttempts: 3 }));
}

registerJob(
  RENEW,
  async () => {
    await ltvRenewOnce();
    await scheduleLtvRenew();
  },
  { queue: "documents" },
);

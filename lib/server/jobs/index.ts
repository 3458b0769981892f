import "server-only";
import os from "node:os";
import { Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

/*
 * A durable job runner on the application database. pg-boss needs its own pg pool, which
 * embedded PGlite cannot offer; this runner uses only SQL both support. Jobs are claimed
 * with FOR UPDATE SKIP LOCKED, so two app instances on PostgreSQL never run one job twice.
 */

export type JobHandler = (payload: Prisma.JsonValue) => Promise<void>;
const handlers = new Map<string, JobHandler>();

export function registerJob(name: string, handler: JobHandler): void {
  handlers.set(name, handler);
}

export async function enqueue(
  tx: Tx,
  name: string,
  payload: Prisma.InputJsonValue,
  opts: { runAt?: Date; uniqueKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await tx.job.createMany({
    data: [{ name, payload, runAt: opts.runAt ?? now(), uniqueKey: opts.uniqueKey, maxAttempts: opts.maxAttempts ?? 5 }],
    skipDuplicates: true, // a uniqueKey enqueues once
  });
}

const workerId = `${os.hostname()}:${process.pid}`;
const STALE_MS = 5 * 60_000;

/** Exponential back-off: 10 s, 40 s, 90 s … capped at 30 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * attempt * attempt, 30 * 60_000);
}

type Claimed = { id: string; name: string; payload: Prisma.JsonValue; attempts: number; maxAttempts: number };

/** Runs the jobs that are due now; returns how many ran. */
export async function runDueJobs(limit = 10): Promise<number> {
  const client = db();
  const at = now();
  // Jobs whose worker died mid-run go back to the queue.
  await client.job.updateMany({
    where: { status: "RUNNING", lockedAt: { lt: new Date(at.getTime() - STALE_MS) } },
    data: { status: "QUEUED", lockedAt: null, lockedBy: null },
  });
  const claimed = await client.$queryRaw<Claimed[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = ${at}, "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job" WHERE status = 'QUEUED' AND "runAt" <= ${at}
      ORDER BY "runAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, attempts, "maxAttempts"`;
  for (const job of claimed) {
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload);
      await client.job.update({ where: { id: job.id }, data: { status: "DONE", finishedAt: now(), lockedBy: null } });
    } catch (e) {
      const final = job.attempts >= job.maxAttempts;
      await client.job.update({
        where: { id: job.id },
        data: {
          status: final ? "FAILED" : "QUEUED",
          lastError: String((e as Error)?.message ?? e).slice(0, 2000),
          runAt: new Date(now().getTime() + retryDelayMs(job.attempts)),
          lockedBy: null,
          finishedAt: final ? now() : null,
        },
      });
    }
  }
  return claimed.length;
}

const g = globalThis as unknown as { __jobsTimer?: NodeJS.Timeout };

/** Polls for due jobs every second in this process (started from instrumentation). */
export function startWorker(intervalMs = 1000): void {
  if (g.__jobsTimer) return;
  let busy = false;
  g.__jobsTimer = setInterval(() => {
    if (busy) return;
    busy = true;
    runDueJobs()
      .catch((e) => console.error("[jobs]", e))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  g.__jobsTimer.unref?.();
}

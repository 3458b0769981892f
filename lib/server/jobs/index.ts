import "server-only";
import os from "node:os";
import { Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { metrics } from "@/lib/server/metrics";
import { log } from "@/lib/server/log";

/*
 * A durable job runner on the application database. pg-boss needs its own pg pool, which
 * embedded PGlite cannot offer; this runner uses only SQL both support. Jobs are claimed
 * with FOR UPDATE SKIP LOCKED, so two app instances on PostgreSQL never run one job twice.
 *
 * Jobs run in separate queues, each polled by its own loop with its own concurrency, so a
 * two-minute document conversion never delays a login code.
 */

/** messages: SMS / e-mail; documents: conversion, rendering, reports; scheduled: timers and the rest. */
export type QueueName = "messages" | "documents" | "scheduled";
export const QUEUES: Record<QueueName, { concurrency: number }> = {
  messages: { concurrency: 4 },
  documents: { concurrency: 1 },
  scheduled: { concurrency: 2 },
};

export type JobHandler = (payload: Prisma.JsonValue) => Promise<void>;
const handlers = new Map<string, { run: JobHandler; queue: QueueName }>();

export function registerJob(name: string, handler: JobHandler, opts: { queue?: QueueName } = {}): void {
  handlers.set(name, { run: handler, queue: opts.queue ?? "scheduled" });
}

/** The job names a queue serves (jobs with no registered handler are left for a process that has one). */
export function jobNamesOf(queue: QueueName): string[] {
  return [...handlers].filter(([, h]) => h.queue === queue).map(([name]) => name);
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

const host = os.hostname();
const workerId = `${host}:${process.pid}`;
const STALE_MS = 5 * 60_000;

/** Exponential back-off: 10 s, 40 s, 90 s … capped at 30 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * attempt * attempt, 30 * 60_000);
}

type Claimed = { id: string; name: string; payload: Prisma.JsonValue; attempts: number; maxAttempts: number };

async function runOne(job: Claimed, queue: string): Promise<void> {
  const client = db();
  const handler = handlers.get(job.name);
  try {
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    await handler.run(job.payload);
    await client.job.update({ where: { id: job.id }, data: { status: "DONE", finishedAt: now(), lockedBy: null } });
  } catch (e) {
    metrics().jobFailures.inc({ queue });
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

/**
 * Runs the jobs that are due now, of one queue or of all; returns how many ran. The claimed jobs
 * of one call run side by side, so `limit` is the queue's concurrency.
 */
export async function runDueJobs(limit = 10, queue?: QueueName): Promise<number> {
  const client = db();
  const at = now();
  // Jobs whose worker died mid-run go back to the queue.
  await client.job.updateMany({
    where: { status: "RUNNING", lockedAt: { lt: new Date(at.getTime() - STALE_MS) } },
    data: { status: "QUEUED", lockedAt: null, lockedBy: null },
  });
  const names = queue ? jobNamesOf(queue) : [...handlers.keys()];
  if (names.length === 0) return 0;
  const claimed = await client.$queryRaw<Claimed[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = ${at}, "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job" WHERE status = 'QUEUED' AND "runAt" <= ${at} AND name = ANY(${names}::text[])
      ORDER BY "runAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, attempts, "maxAttempts"`;
  await Promise.all(claimed.map((j) => runOne(j, handlers.get(j.name)?.queue ?? "unknown")));
  return claimed.length;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * At start-up: jobs this host was running in a process that is gone (a crash, a kill) go back to
 * the queue at once instead of waiting for the stale timeout. Returns how many.
 */
export async function recoverOrphanJobs(): Promise<number> {
  const running = await db().job.findMany({ where: { status: "RUNNING", lockedBy: { startsWith: `${host}:` } }, select: { id: true, lockedBy: true } });
  const orphans = running.filter((j) => {
    const pid = Number(j.lockedBy!.slice(host.length + 1));
    return pid !== process.pid && (!Number.isInteger(pid) || !processAlive(pid));
  });
  if (orphans.length === 0) return 0;
  const r = await db().job.updateMany({ where: { id: { in: orphans.map((j) => j.id) }, status: "RUNNING" }, data: { status: "QUEUED", lockedAt: null, lockedBy: null } });
  return r.count;
}

type Loop = { timer: NodeJS.Timeout; running: Promise<unknown> | null };
const g = globalThis as unknown as { __jobLoops?: Loop[] };

/** One polling loop per queue in this process (started from instrumentation); SIGTERM stops claiming. */
export function startWorker(intervalMs = 1000): void {
  if (g.__jobLoops) return;
  g.__jobLoops = (Object.keys(QUEUES) as QueueName[]).map((queue) => {
    const loop: Loop = { running: null, timer: undefined as unknown as NodeJS.Timeout };
    loop.timer = setInterval(() => {
      if (loop.running) return;
      loop.running = runDueJobs(QUEUES[queue].concurrency, queue)
        .catch((e) => log().error({ err: e, queue }, "job loop failed"))
        .finally(() => {
          loop.running = null;
        });
    }, intervalMs);
    loop.timer.unref?.();
    return loop;
  });
  process.once("SIGTERM", stopWorker);
  process.once("SIGINT", stopWorker);
}

/** Stops claiming new jobs; resolves when the jobs already claimed have ended. */
export async function stopWorker(): Promise<void> {
  const loops = g.__jobLoops ?? [];
  for (const l of loops) clearInterval(l.timer);
  await Promise.all(loops.map((l) => l.running));
}

import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { addDays, formatYmd, shanghaiInstant, shanghaiToday } from "@/lib/domain/dates";
import { enqueue, registerJob } from "./index";

const CLEANUP = "maintenance.cleanup";
const DAY = 86_400_000;

/**
 * 数据清理, once a day at 03:30 Asia/Shanghai: what only mattered for a while is deleted —
 * finished jobs (a week; failed ones a month, for the admin to see), spent or expired login and
 * contact codes and rate-limit events (a day, far past every limit's window), face checks that
 * never passed (a week), and what the development handset and face-check provider recorded (a week). Contracts, audit
 * events, consents and stored documents are evidence and are never touched here.
 */
export async function cleanupOnce(at = now()): Promise<Record<string, number>> {
  const before = (ms: number) => new Date(at.getTime() - ms);
  const client = db();
  const [jobsDone, jobsFailed, loginCodes, contactCodes, rateEvents, faceChecks, simulated, simulatedFaces] = await Promise.all([
    client.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: before(7 * DAY) } } }),
    client.job.deleteMany({ where: { status: "FAILED", finishedAt: { lt: before(30 * DAY) } } }),
    client.loginCode.deleteMany({ where: { createdAt: { lt: before(DAY) } } }),
    client.contactCode.deleteMany({ where: { createdAt: { lt: before(DAY) } } }),
    client.rateEvent.deleteMany({ where: { createdAt: { lt: before(DAY) } } }),
    client.faceCheck.deleteMany({ where: { status: { in: ["PENDING", "FAILED"] }, createdAt: { lt: before(7 * DAY) } } }),
    client.simulatedDelivery.deleteMany({ where: { createdAt: { lt: before(7 * DAY) } } }),
    client.simulatedFaceSession.deleteMany({ where: { decidedAt: { lt: before(7 * DAY) } } }),
  ]);
  return { jobsDone: jobsDone.count, jobsFailed: jobsFailed.count, loginCodes: loginCodes.count, contactCodes: contactCodes.count, rateEvents: rateEvents.count, faceChecks: faceChecks.count, simulated: simulated.count + simulatedFaces.count };
}

/** Enqueues the next run (once across instances: keyed by its date). */
export async function scheduleCleanup(): Promise<void> {
  const today = shanghaiToday(now());
  const runAt = (d: typeof today) => new Date(shanghaiInstant(d, 3).getTime() + 30 * 60_000);
  const day = runAt(today) > now() ? today : addDays(today, 1);
  await db().$transaction((tx) => enqueue(tx, CLEANUP, {}, { runAt: runAt(day), uniqueKey: `cleanup:${formatYmd(day)}`, maxAttempts: 3 }));
}

registerJob(CLEANUP, async () => {
  await cleanupOnce();
  await scheduleCleanup();
});

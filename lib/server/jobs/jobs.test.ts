import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { setClockOffset } from "@/lib/server/clock";
import os from "node:os";
import { enqueue, recoverOrphanJobs, registerJob, runDueJobs } from "./index";
import { queueSms } from "@/lib/server/notify";
import { failOrphanConversions } from "@/lib/server/files";

describe("job runner", () => {
  it("runs a due job once, retries a failing one with back-off, and gives up after maxAttempts", async () => {
    const seen: string[] = [];
    registerJob("test.ok", async (p) => {
      seen.push((p as { v: string }).v);
    });
    let failures = 0;
    registerJob("test.fail", async () => {
      failures++;
      throw new Error("boom");
    });
    await db().$transaction(async (tx) => {
      await enqueue(tx, "test.ok", { v: "a" });
      await enqueue(tx, "test.fail", {}, { maxAttempts: 2 });
    });
    await runDueJobs();
    expect(seen).toEqual(["a"]);
    expect(failures).toBe(1);
    await runDueJobs(); // the failed one waits for its back-off
    expect(failures).toBe(1);
    setClockOffset(60_000);
    try {
      await runDueJobs();
    } finally {
      setClockOffset(0);
    }
    expect(failures).toBe(2);
    const failed = await db().job.findFirstOrThrow({ where: { name: "test.fail" } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toBe("boom");
    const done = await db().job.findFirstOrThrow({ where: { name: "test.ok" } });
    expect(done.status).toBe("DONE");
  });

  it("enqueues a keyed job only once", async () => {
    await db().$transaction(async (tx) => {
      await enqueue(tx, "test.ok", { v: "k" }, { uniqueKey: "once" });
      await enqueue(tx, "test.ok", { v: "k" }, { uniqueKey: "once" });
    });
    expect(await db().job.count({ where: { uniqueKey: "once" } })).toBe(1);
  });

  it("delivers outbox SMS and records a provider failure for a bad number", async () => {
    const [good, bad] = await db().$transaction(async (tx) => [
      await queueSms(tx, { to: "13912345678", template: "contract.signed", params: { title: "你好" } }),
      await queueSms(tx, { to: "not-a-phone", template: "contract.signed", params: { title: "你好" } }),
    ]);
    await runDueJobs(50);
    const g = await db().outboxMessage.findUniqueOrThrow({ where: { id: good } });
    expect(g.status).toBe("SENT");
    expect(g.provider).toBe("dev-outbox");
    const b = await db().outboxMessage.findUniqueOrThrow({ where: { id: bad } });
    expect(b.status).toBe("PENDING");
    expect(b.attempts).toBe(1);
    expect(b.lastError).toMatch(/invalid mobile number/);
  });

  it("a slow document job does not hold a message: each queue is claimed by its own loop", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    registerJob("test.slow-conversion", () => gate, { queue: "documents" });
    await db().$transaction((tx) => enqueue(tx, "test.slow-conversion", {}));
    const documents = runDueJobs(1, "documents"); // still running while the SMS goes out
    const id = await db().$transaction((tx) => queueSms(tx, { to: "13912345679", template: "contract.signed", params: { title: "验证码短信" } }));
    expect(await runDueJobs(4, "messages")).toBe(1);
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    expect((await db().job.findFirstOrThrow({ where: { name: "test.slow-conversion" } })).status).toBe("RUNNING");
    // a messages loop never claims a document job
    expect(await runDueJobs(4, "messages")).toBe(0);
    release();
    await documents;
    expect((await db().job.findFirstOrThrow({ where: { name: "test.slow-conversion" } })).status).toBe("DONE");
  });

  it("after a crash, this host's orphaned jobs are requeued and an upload stuck in CONVERTING fails with a message", async () => {
    const user = await db().user.create({ data: { phone: "13912340001" } });
    const orphan = await db().job.create({ data: { name: "test.ok", payload: { v: "orphan" }, status: "RUNNING", lockedAt: new Date(), lockedBy: `${os.hostname()}:2147483646` } });
    const alive = await db().job.create({ data: { name: "test.ok", payload: { v: "alive" }, status: "RUNNING", lockedAt: new Date(), lockedBy: `${os.hostname()}:${process.pid}` } });
    const elsewhere = await db().job.create({ data: { name: "test.ok", payload: { v: "other host" }, status: "RUNNING", lockedAt: new Date(), lockedBy: "another-host:1" } });
    expect(await recoverOrphanJobs()).toBe(1);
    expect((await db().job.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("QUEUED");
    expect((await db().job.findUniqueOrThrow({ where: { id: alive.id } })).status).toBe("RUNNING");
    expect((await db().job.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe("RUNNING");

    const stuck = await db().upload.create({ data: { userId: user.id, fileName: "a.docx", sourceType: "docx", status: "CONVERTING" } });
    const waiting = await db().upload.create({ data: { userId: user.id, fileName: "b.docx", sourceType: "docx", status: "CONVERTING" } });
    await db().$transaction((tx) => enqueue(tx, "upload.convert", { uploadId: waiting.id }));
    expect(await failOrphanConversions()).toBe(1);
    const failed = await db().upload.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toBe("文件转换被中断，请重新上传");
    expect((await db().upload.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONVERTING");
  });
});

describe("daily cleanup", () => {
  it("deletes what only mattered for a while, keeps what is recent or evidence, and schedules itself once", async () => {
    const { cleanupOnce, scheduleCleanup } = await import("./maintenance");
    const old = new Date(Date.now() - 40 * 86_400_000);
    const user = await db().user.create({ data: { phone: "13912340077" } });
    await db().job.create({ data: { name: "test.ok", payload: {}, status: "DONE", finishedAt: old } });
    const recent = await db().job.create({ data: { name: "test.ok", payload: {}, status: "DONE", finishedAt: new Date() } });
    await db().loginCode.create({ data: { phone: user.phone, ip: "1.1.1.1", codeHash: "x", expiresAt: old, createdAt: old } });
    await db().rateEvent.create({ data: { bucket: "t", createdAt: old } });
    await db().faceCheck.create({ data: { userId: user.id, purpose: "SIGN", payload: {}, provider: "dev", createdAt: old } });
    const passed = await db().faceCheck.create({ data: { userId: user.id, purpose: "SIGN", payload: {}, provider: "dev", status: "PASSED", createdAt: old } });
    const removed = await cleanupOnce();
    expect(removed).toMatchObject({ jobsDone: expect.any(Number), loginCodes: 1, rateEvents: 1, faceChecks: 1 });
    expect(removed.jobsDone).toBeGreaterThanOrEqual(1);
    expect(await db().job.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db().faceCheck.findUnique({ where: { id: passed.id } })).not.toBeNull();
    await scheduleCleanup();
    await scheduleCleanup(); // a second instance starting: still one run
    expect(await db().job.count({ where: { name: "maintenance.cleanup", status: "QUEUED" } })).toBe(1);
  });
});

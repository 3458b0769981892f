import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { setClockOffset } from "@/lib/server/clock";
import { enqueue, registerJob, runDueJobs } from "./index";
import { queueSms } from "@/lib/server/notify";

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
      await queueSms(tx, { to: "13912345678", body: "你好", kind: "test" }),
      await queueSms(tx, { to: "not-a-phone", body: "你好", kind: "test" }),
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
});

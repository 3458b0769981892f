import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { AsyncLocalStorage } from "node:async_hooks";
import { createLogger } from "./index";

describe("structured logs", () => {
  it("one JSON line per event, with the request id, and no personal data", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).trim().split("\n"));
        done();
      },
    });
    const g = globalThis as unknown as { __dzqRequestContext?: AsyncLocalStorage<{ id: string }> };
    g.__dzqRequestContext ??= new AsyncLocalStorage();
    const logger = createLogger(sink);
    await g.__dzqRequestContext.run({ id: "req-1234abcd" }, async () => {
      await Promise.resolve();
      logger.info({ user: { idNumber: "110105199003071234", phone: "13912345678" }, code: "123456" }, "sms to 13912345678 queued");
    });
    logger.warn("outside a request");
    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: 30, reqId: "req-1234abcd", msg: "sms to 139****5678 queued" });
    expect(JSON.stringify(inside)).not.toContain("110105199003071234");
    expect(JSON.stringify(inside)).not.toContain("123456");
    expect(inside!.user).toEqual({ idNumber: "[已隐藏]", phone: "139****5678" });
    expect(outside!.reqId).toBeUndefined();
  });
});

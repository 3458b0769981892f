import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { queueSms } from "@/lib/server/notify";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { secrets } from "@/lib/server/config";

const scrape = (auth?: string) => metricsRoute(new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }));

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

describe("operations endpoints", () => {
  it("/api/metrics answers only with its token, in Prometheus format, with queue and outbox figures", async () => {
    await db().$transaction((tx) => queueSms(tx, { to: "13912340000", template: "contract.signed", params: { title: "指标测试" } }));
    expect((await scrape()).status).toBe(404); // no token configured: the endpoint does not exist
    process.env.METRICS_TOKEN = "m".repeat(24);
    expect((await scrape("Bearer wrong")).status).toBe(404);
    const res = await scrape(`Bearer ${"m".repeat(24)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('dzq_jobs_queued{name="outbox.deliver"} 1');
    expect(text).toContain('dzq_outbox_messages{channel="SMS",status="PENDING"} 1');
    expect(text).toContain("# TYPE dzq_pdf_render_seconds histogram");
    expect(text).toContain("# TYPE dzq_signatures_total counter");
    expect(text).not.toContain("13912340000");
  });

  it("/api/ready reports the database, the file store and the queue", async () => {
    const res = await readyRoute();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", database: "ok", storage: { kind: "local", status: "ok" }, queue: "ok" });
  });

  it("/api/health names each capability's provider and marks the development ones, without secrets", async () => {
    const res = await healthRoute();
    const body = await res.json();
    expect(body.providers).toEqual(
      expect.arrayContaining([
        { kind: "sms", name: "dev-outbox", simulated: true, configured: true },
        { kind: "faceCheck", name: "dev-simulated", simulated: true, configured: true },
        { kind: "payment", name: "sandbox", simulated: true, configured: true },
        { kind: "storage", name: "local", simulated: false, configured: true },
      ]),
    );
    const text = JSON.stringify(body);
    for (const secret of Object.values(secrets())) expect(text).not.toContain(secret);
  });
});

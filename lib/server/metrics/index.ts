import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/server/db";

/*
 * Figures for an operator (/api/metrics, Prometheus text format, behind METRICS_TOKEN). One
 * registry per process, kept on globalThis: scripts/serve.mjs records each request's latency into
 * the same registry before Next sees it, and Next may load this module more than once.
 */
type Metrics = {
  registry: Registry;
  signatures: Counter;
  pdfRender: Histogram;
  jobFailures: Counter;
};
const g = globalThis as unknown as { __dzqMetrics?: Metrics & { ready?: true }; __dzqRegistry?: Registry };

export function metrics(): Metrics {
  if (g.__dzqMetrics?.ready) return g.__dzqMetrics;
  // serve.mjs may have made the registry first (with the HTTP latency histogram in it)
  const registry = g.__dzqRegistry ?? new Registry();
  g.__dzqRegistry = registry;
  collectDefaultMetrics({ register: registry });
  const m: Metrics = {
    registry,
    signatures: new Counter({ name: "dzq_signatures_total", help: "PAdES signatures and document time-stamps added", labelNames: ["kind"], registers: [registry] }),
    pdfRender: new Histogram({ name: "dzq_pdf_render_seconds", help: "Contract PDF render time", buckets: [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5], registers: [registry] }),
    jobFailures: new Counter({ name: "dzq_job_failures_total", help: "Job runs that threw", labelNames: ["queue"], registers: [registry] }),
  };
  // read from the database at scrape time: what is waiting, and what the outbox did
  new Gauge({
    name: "dzq_jobs_queued",
    help: "Jobs waiting, by name",
    labelNames: ["name"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await db().job.groupBy({ by: ["name"], where: { status: "QUEUED" }, _count: true })) this.set({ name: r.name }, r._count);
    },
  });
  new Gauge({
    name: "dzq_outbox_messages",
    help: "Outbox messages by channel and status",
    labelNames: ["channel", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await db().outboxMessage.groupBy({ by: ["channel", "status"], _count: true })) this.set({ channel: r.channel, status: r.status }, r._count);
    },
  });
  g.__dzqMetrics = { ...m, ready: true };
  return m;
}

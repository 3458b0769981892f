import crypto from "node:crypto";
import { metrics } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint. Only with METRICS_TOKEN set, and only for `Authorization: Bearer <token>`. */
export async function GET(req: Request) {
  const token = process.env.METRICS_TOKEN ?? "";
  const given = (req.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, "");
  const ok = token.length >= 16 && given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
  if (!ok) return new Response("页面不存在", { status: 404 });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

import { paymentNoticeHandle } from "@/lib/server/payments";
// what a paid order does is registered by the capability that sells it: load each one here
import "@/lib/server/evidence";

export const runtime = "nodejs";

/** 支付结果通知 from the gateway: signed, logged, idempotent. */
export async function POST(req: Request) {
  const body = await req.text();
  if (body.length > 64 * 1024) return Response.json({ code: "FAIL", message: "通知过大" }, { status: 413 });
  const r = await paymentNoticeHandle(req.headers, body);
  return Response.json(r.body, { status: r.status });
}

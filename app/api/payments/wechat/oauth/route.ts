import { currentUser } from "@/lib/server/auth";
import { jsapiOAuthHandle } from "@/lib/server/payments";
import { requestMeta } from "@/lib/server/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Inside WeChat: 网页授权 to learn the payer's openid, then the JSAPI payment (our pay page). */
export async function GET(req: Request) {
  const user = await currentUser();
  const meta = await requestMeta();
  const step = await jsapiOAuthHandle(user ?? null, new URL(req.url), { userAgent: meta.userAgent, ip: meta.ip });
  if ("redirect" in step) return new Response(null, { status: 302, headers: { Location: step.redirect, "Cache-Control": "no-store" } });
  return new Response(step.error, { status: step.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { secrets } from "@/lib/server/config";
import { ADMIN_FACTOR_COOKIE, adminFactorCookieValid } from "@/lib/server/auth/admin-factor-cookie";

/** A refused POST (a server action or API call) is answered here, before Next looks the action up. */
async function refusePost(req: NextRequest, status: number, text: string) {
  // the body is read first so the connection ends cleanly rather than being reset mid-request
  await req.text().catch(() => "");
  return new NextResponse(text, { status });
}

/**
 * /admin is for ADMIN sessions only. Anyone else gets the ordinary 404 page (not a login redirect,
 * which would reveal the area and loop). An admin whose sign-in has not passed the second factor
 * is sent to /admin-verify for every kind of request — a full page load, the RSC request of a menu
 * click, a server action, an admin API route — so no admin page renders before it. Every admin
 * page and action checks again against the database (requireAdmin).
 */
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: secrets().authSecret });
  const isRead = req.method === "GET" && !req.headers.has("next-action");
  if (token?.role !== "ADMIN") {
    if (!isRead) return refusePost(req, 404, "页面不存在");
    return NextResponse.rewrite(new URL("/_admin-not-found", req.url), { status: 404 });
  }
  if (!adminFactorCookieValid(req.cookies.get(ADMIN_FACTOR_COOKIE)?.value, token.sid, Date.now())) {
    if (!isRead || req.nextUrl.pathname.startsWith("/api/")) return refusePost(req, 403, "请先完成管理后台二次验证");
    return NextResponse.redirect(new URL("/admin-verify", req.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*", "/api/admin/:path*"] };

import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { secrets } from "@/lib/server/config";

/**
 * /admin is for ADMIN sessions only. Anyone else gets the ordinary 404 page (not a login
 * redirect, which would reveal the area and loop). Every admin page and action checks again.
 */
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: secrets().authSecret });
  if (token?.role !== "ADMIN") {
    // A posted server action is answered here, before Next looks the action up. The body is read
    // first so the connection ends cleanly rather than being reset mid-request.
    if (req.method !== "GET" || req.headers.has("next-action")) {
      await req.text().catch(() => "");
      return new NextResponse("页面不存在", { status: 404 });
    }
    return NextResponse.rewrite(new URL("/_admin-not-found", req.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*", "/api/admin/:path*"] };

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
    return NextResponse.rewrite(new URL("/_admin-not-found", req.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/:path*", "/api/admin/:path*"] };

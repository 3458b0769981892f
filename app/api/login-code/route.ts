import { NextResponse } from "next/server";
import { requestLoginCode } from "@/lib/server/auth/login-code";

/** 获取验证码 for API clients (the login form uses the equivalent server action). */
export async function POST(req: Request) {
  const body = await req.json().catch(() => ({}));
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
  const result = await requestLoginCode(body, ip);
  return NextResponse.json(result, { status: result.ok ? 200 : 400 });
}

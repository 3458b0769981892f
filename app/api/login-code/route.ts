import { NextResponse } from "next/server";
import { requestLoginCode } from "@/lib/server/auth";
import { clientAddressOf } from "@/lib/server/request";

/** 获取验证码 for API clients (the login form uses the equivalent server action). */
export async function POST(req: Request) {
  const body = await req.json().catch(() => ({}));
  const result = await requestLoginCode(body, clientAddressOf(req.headers));
  return NextResponse.json(result, { status: result.ok ? 200 : 400 });
}

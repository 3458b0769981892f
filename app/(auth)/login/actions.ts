"use server";
import { headers } from "next/headers";
import { requestLoginCode } from "@/lib/server/auth/login-code";

export async function requestCodeAction(input: unknown) {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  return requestLoginCode(input, ip);
}

"use server";
import { requestLoginCode } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";

export async function requestCodeAction(input: unknown) {
  return requestLoginCode(input, await requestMeta());
}

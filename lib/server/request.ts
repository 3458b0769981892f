import "server-only";
import { headers } from "next/headers";

/** Who is calling, for audit events and rate limits. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  return { ip, userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}

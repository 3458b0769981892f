import "server-only";
import { headers } from "next/headers";
import { clientAddress, trustedProxies, type ClientAddress } from "@/lib/domain/client-address";
import { log } from "@/lib/server/log";

let trusted: ReturnType<typeof trustedProxies> | null = null;
function proxies() {
  if (!trusted) {
    trusted = trustedProxies(process.env.TRUSTED_PROXIES ?? "");
    if (trusted.invalid.length) log().warn({ ignored: trusted.invalid }, "TRUSTED_PROXIES: entries ignored (IP addresses or CIDR only)");
  }
  return trusted;
}

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;
const read = (h: HeaderSource, name: string): string | null => {
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name);
  const v = (h as Record<string, unknown>)[name];
  return typeof v === "string" ? v : null;
};

/**
 * The caller's address from the connection (scripts/serve.mjs stamps each request with its TCP
 * peer and a per-process token a client cannot know), then X-Forwarded-For as far as trusted
 * proxies wrote it. Served any other way, the address is "unknown" and keys no per-IP limit.
 */
export function clientAddressOf(h: HeaderSource): ClientAddress {
  const stamp = read(h, "x-peer-address") ?? "";
  const token = process.env.PEER_HEADER_TOKEN;
  const space = stamp.indexOf(" ");
  const peer = token && space > 0 && stamp.slice(0, space) === token ? stamp.slice(space + 1) : null;
  return clientAddress(peer, read(h, "x-forwarded-for"), proxies());
}

/** Who is calling, for audit events and rate limits. */
export async function requestMeta(): Promise<{ ip: string; limitable: boolean; userAgent: string }> {
  const h = await headers();
  return { ...clientAddressOf(h), userAgent: (h.get("user-agent") ?? "").slice(0, 300) };
}

import { BlockList, isIP } from "node:net";

/**
 * Who is calling, decided from what the server can verify: the TCP peer, and X-Forwarded-For only
 * as far as it was written by proxies named in configuration (TRUSTED_PROXIES). `limitable` says
 * whether the address may key a per-IP limit: an address behind a proxy nobody configured is that
 * proxy's, shared by every user, and must not become one site-wide bucket.
 */
export type ClientAddress = { ip: string; limitable: boolean };

const strip = (a: string) => a.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/** Parses "10.0.0.0/8, 127.0.0.1, ::1" into a matcher; unparsable entries are reported, never guessed. */
export function trustedProxies(spec: string): { has: (ip: string) => boolean; invalid: string[] } {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const raw of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr = "", bits] = raw.split("/");
    const family = isIP(addr);
    if (!family) {
      invalid.push(raw);
      continue;
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr, type);
    else if (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32)) list.addSubnet(addr, Number(bits), type);
    else invalid.push(raw);
  }
  return {
    invalid,
    has: (ip) => {
      const family = isIP(ip);
      return family !== 0 && list.check(ip, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

const PRIVATE = trustedProxies("127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fe80::/10");

export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: { has: (ip: string) => boolean }): ClientAddress {
  const p = peer ? strip(peer) : "";
  if (!isIP(p)) return { ip: "unknown", limitable: false };
  const hops = (forwardedFor ?? "").split(",").map(strip).filter(Boolean);
  if (trusted.has(p)) {
    // walk back from the nearest hop: the first one not written by a trusted proxy is the client
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (!isIP(hop)) return { ip: p, limitable: false };
      if (!trusted.has(hop)) return { ip: hop, limitable: true };
    }
    return { ip: hops[0] ?? p, limitable: true };
  }
  // a forwarded request from a private peer we were not told to trust: a proxy nobody configured
  if (hops.length > 0 && PRIVATE.has(p)) return { ip: p, limitable: false };
  return { ip: p, limitable: true };
}

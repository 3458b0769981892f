import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

const none = trustedProxies("");
const nginx = trustedProxies("10.0.0.5, 192.168.1.0/24");

describe("client address", () => {
  it.each([
    ["direct client, no header", "203.0.113.7", null, none, { ip: "203.0.113.7", limitable: true }],
    ["direct client forging X-Forwarded-For", "203.0.113.7", "1.2.3.4", none, { ip: "203.0.113.7", limitable: true }],
    ["IPv4-mapped peer", "::ffff:203.0.113.7", null, none, { ip: "203.0.113.7", limitable: true }],
    ["loopback tester, no header", "127.0.0.1", null, none, { ip: "127.0.0.1", limitable: true }],
    ["unconfigured proxy in front", "127.0.0.1", "198.51.100.9", none, { ip: "127.0.0.1", limitable: false }],
    ["trusted proxy forwards the client", "10.0.0.5", "198.51.100.9", nginx, { ip: "198.51.100.9", limitable: true }],
    ["client prepends a fake hop through a trusted proxy", "10.0.0.5", "1.1.1.1, 198.51.100.9", nginx, { ip: "198.51.100.9", limitable: true }],
    ["two trusted proxies in a row", "10.0.0.5", "198.51.100.9, 192.168.1.20", nginx, { ip: "198.51.100.9", limitable: true }],
    ["trusted proxy, junk in the header", "10.0.0.5", "<script>", nginx, { ip: "10.0.0.5", limitable: false }],
    ["trusted proxy with no header", "10.0.0.5", "", nginx, { ip: "10.0.0.5", limitable: true }],
    ["no peer (not served through our server)", undefined, "1.2.3.4", none, { ip: "unknown", limitable: false }],
  ])("%s", (_, peer, xff, trusted, expected) => {
    expect(clientAddress(peer, xff, trusted)).toEqual(expected);
  });

  it("reads addresses and subnets, and names what it cannot read", () => {
    const t = trustedProxies("10.0.0.0/8, ::1, nginx.local, 10.0.0.0/99");
    expect(t.has("10.200.3.4")).toBe(true);
    expect(t.has("::1")).toBe(true);
    expect(t.has("11.0.0.1")).toBe(false);
    expect(t.invalid).toEqual(["nginx.local", "10.0.0.0/99"]);
  });
});

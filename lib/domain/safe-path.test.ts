import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-path";

describe("return addresses stay on this site", () => {
  it.each([
    ["/s/abc123", "/s/abc123"],
    ["/files/new?type=images", "/files/new?type=images"],
    ["/contracts/1#sign", "/contracts/1#sign"],
    ["/%E5%90%88%E5%90%8C", "/%E5%90%88%E5%90%8C"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["/%5Cevil.example", "/"],
    ["/%5cevil.example", "/"],
    ["/%2F/evil.example", "/"],
    ["/%252F/evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/%09/evil.example", "/"],
    ["/\n/evil.example", "/"],
    [" /evil", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["evil.example", "/"],
    ["/%E0%A4%A", "/"],
    ["", "/"],
    [undefined, "/"],
    [["/a"], "/"],
  ])("%j → %s", (raw, expected) => {
    expect(sameOriginPath(raw)).toBe(expected);
  });
});

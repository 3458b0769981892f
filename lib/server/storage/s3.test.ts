import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
// s3rver: a real S3 protocol server on loopback (no MinIO package on these machines)
import S3rver from "s3rver";
import { parseStorageUrl, S3BlobStore } from "./s3";

let server: InstanceType<typeof S3rver>;
let store: S3BlobStore;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "contracts", configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  store = new S3BlobStore(parseStorageUrl(`s3://contracts/files?endpoint=http://127.0.0.1:${port}&region=us-east-1&pathStyle=1`, { S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" }));
});
afterAll(async () => {
  await server?.close();
});

describe("S3-compatible blob store (against s3rver)", () => {
  it("stores by content address, once: a second write of the same bytes is a no-op", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 签署后的合同");
    const sha = await store.put(bytes);
    expect(sha).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(await store.has(sha)).toBe(true);
    expect(await store.put(bytes)).toBe(sha);
    expect(Buffer.from((await store.get(sha))!).toString()).toBe("%PDF-1.7 签署后的合同");
  });

  it("streams a 20 MB file back intact", async () => {
    const big = crypto.randomBytes(20 * 1024 * 1024);
    const sha = await store.put(big);
    const stream = (await store.stream(sha))!;
    const hash = crypto.createHash("sha256");
    let chunks = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      chunks++;
    }
    expect(hash.digest("hex")).toBe(sha);
    expect(chunks).toBeGreaterThan(1); // it arrived in pieces, not as one buffer
  });

  it("a missing key reads as absent, and a malformed address is refused", async () => {
    const missing = "0".repeat(64);
    expect(await store.get(missing)).toBeNull();
    expect(await store.stream(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
    await expect(store.get("../../etc/passwd")).rejects.toThrow("invalid content address");
  });

  it("reads its settings from STORAGE_URL", () => {
    expect(parseStorageUrl("s3://bucket-1/a/b/?endpoint=https://cos.ap-shanghai.myqcloud.com&region=ap-shanghai", {})).toEqual({
      bucket: "bucket-1",
      prefix: "a/b",
      endpoint: "https://cos.ap-shanghai.myqcloud.com",
      region: "ap-shanghai",
      pathStyle: false,
      accessKeyId: undefined,
      secretAccessKey: undefined,
    });
    expect(() => parseStorageUrl("https://bucket")).toThrow(/s3:\/\//);
  });
});

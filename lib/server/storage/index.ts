import "server-only";
import fs from "node:fs/promises";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import path from "node:path";
import { config } from "@/lib/server/config";
import { sha256Hex } from "@/lib/server/crypto";
import type { Tx } from "@/lib/server/db";
import { parseStorageUrl, S3BlobStore } from "./s3";

import type { BlobStore } from "./blob-store";
export type { BlobStore } from "./blob-store";

const SHA_RE = /^[0-9a-f]{64}$/;

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private file(sha: string): string {
    if (!SHA_RE.test(sha)) throw new Error("invalid content address");
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    const target = this.file(sha);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write to a temp name then link: readers never see a partial file, and an existing
    // file (same hash = same bytes) is never overwritten.
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes, { mode: 0o444 });
    try {
      await fs.link(tmp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      await fs.unlink(tmp);
    }
    return sha;
  }

  async get(sha: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.file(sha)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async stream(sha: string): Promise<ReadableStream<Uint8Array> | null> {
    if (!(await this.has(sha))) return null;
    return Readable.toWeb(createReadStream(this.file(sha))) as ReadableStream<Uint8Array>;
  }

  async has(sha: string): Promise<boolean> {
    try {
      await fs.access(this.file(sha));
      return true;
    } catch {
      return false;
    }
  }
}

let store: BlobStore | null = null;
/** The configured store: S3-compatible storage when STORAGE_URL is set, else the data folder's files/. */
export function blobStore(): BlobStore {
  store ??= config.storageUrl ? new S3BlobStore(parseStorageUrl(config.storageUrl)) : new LocalBlobStore(path.join(config.dataDir, "files"));
  return store;
}

/** Stores the bytes and records them as a file row in the caller's transaction; returns the SHA-256. */
export async function storeFile(tx: Tx, bytes: Uint8Array, contentType: string): Promise<string> {
  const sha256 = await blobStore().put(bytes);
  await tx.storedFile.upsert({ where: { sha256 }, create: { sha256, size: bytes.length, contentType }, update: {} });
  return sha256;
}

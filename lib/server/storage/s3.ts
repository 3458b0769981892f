import "server-only";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { sha256Hex } from "@/lib/server/crypto";
import type { BlobStore } from "./blob-store";

/**
 * STORAGE_URL=s3://BUCKET[/PREFIX]?endpoint=https://cos.ap-shanghai.myqcloud.com&region=ap-shanghai&pathStyle=0
 * Credentials: S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (or the SDK's usual AWS_* variables).
 */
export type S3Settings = { bucket: string; prefix: string; endpoint?: string; region: string; pathStyle: boolean; accessKeyId?: string; secretAccessKey?: string };

export function parseStorageUrl(url: string, env: Record<string, string | undefined> = process.env): S3Settings {
  const u = new URL(url);
  if (u.protocol !== "s3:" || !u.hostname) throw new Error("STORAGE_URL must look like s3://bucket[/prefix]?endpoint=…&region=…");
  return {
    bucket: u.hostname,
    prefix: u.pathname.replace(/^\/+|\/+$/g, ""),
    endpoint: u.searchParams.get("endpoint") ?? undefined,
    region: u.searchParams.get("region") ?? "us-east-1",
    pathStyle: ["1", "true"].includes(u.searchParams.get("pathStyle") ?? ""),
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}

const notFound = (e: unknown) => e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === "NoSuchKey" || e.name === "NotFound");

/**
 * Content-addressed, write-once blobs on S3-compatible storage (Tencent COS, Aliyun OSS, MinIO…).
 * A key is written only when absent (HEAD first, then a conditional PUT with If-None-Match where
 * the store supports it): the same bytes twice are a no-op, never an overwrite. Third-party
 * stores get checksums only when an operation requires them (the SDK's newer default trailing
 * checksums are refused by several of them).
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  constructor(private readonly s: S3Settings) {
    this.client = new S3Client({
      region: s.region,
      endpoint: s.endpoint,
      forcePathStyle: s.pathStyle,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(s.accessKeyId && s.secretAccessKey ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } } : {}),
    });
  }

  private key(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error("invalid content address");
    return `${this.s.prefix ? `${this.s.prefix}/` : ""}${sha.slice(0, 2)}/${sha}`;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    if (await this.has(sha)) return sha;
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.s.bucket, Key: this.key(sha), Body: bytes, ContentLength: bytes.length, IfNoneMatch: "*" }));
    } catch (e) {
      // 412: another writer stored the same bytes in between
      if (!(e instanceof S3ServiceException && e.$metadata.httpStatusCode === 412)) throw e;
    }
    return sha;
  }

  async get(sha: string): Promise<Uint8Array | null> {
    const body = await this.stream(sha);
    if (!body) return null;
    return new Uint8Array(await new Response(body).arrayBuffer());
  }

  async stream(sha: string): Promise<ReadableStream<Uint8Array> | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: this.key(sha) }));
      return r.Body ? (r.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async has(sha: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.key(sha) }));
      return true;
    } catch (e) {
      if (notFound(e)) return false;
      throw e;
    }
  }
}

/** A write-once, content-addressed blob store. An S3-compatible store implements the same. */
export interface BlobStore {
  /** Stores the bytes under their SHA-256 and returns it; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | null>;
  /** The bytes as a stream, for downloads of large files (no whole-file buffer); null when absent. */
  stream(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
  has(sha256: string): Promise<boolean>;
}

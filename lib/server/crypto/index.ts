import "server-only";
import crypto from "node:crypto";
import { secrets } from "@/lib/server/config";

// ID numbers: AES-256-GCM with a random IV, stored as base64(iv|tag|ciphertext).
function key(): Buffer {
  return crypto.createHash("sha256").update(secrets().idEncKey).digest();
}

export function encrypt(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64");
}

export function decrypt(stored: string): string {
  const buf = Buffer.from(stored, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8");
}

/** Keyed hash for equality look-ups (one ID ↔ one account; codes stored hashed). */
export function keyedHash(purpose: string, value: string): string {
  return crypto.createHmac("sha256", secrets().hashKey).update(`${purpose}:${value}`).digest("hex");
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

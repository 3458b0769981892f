import "server-only";
import crypto from "node:crypto";
import { promisify } from "node:util";
import type { User } from "@prisma/client";
import { advisoryLock, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { afterWrongPassword, lockedMessage, passwordLockedFor } from "@/lib/domain/sign-password";

// 签署密码 storage: scrypt (memory-hard, in node:crypto) with a per-password salt, so a stolen
// table cannot be walked through the million six-digit candidates cheaply.
const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const COST = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashSignPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

async function matches(stored: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const got = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return crypto.timingSafeEqual(got, expected);
}

/**
 * One try of the signing password, serialised per user so parallel guesses cannot slip past
 * the count. A wrong try is counted even though the caller's transaction carries on.
 */
export async function checkSignPassword(tx: Tx, user: Pick<User, "id">, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  await advisoryLock(tx, "sign-password:" + user.id);
  const row = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!row.signPasswordHash) return { ok: false, message: "您尚未设置签署密码" };
  const at = now().getTime();
  const lock = { fails: row.signPasswordFails, lockedUntil: row.signPasswordLockedUntil?.getTime() ?? null };
  const wait = passwordLockedFor(lock, at);
  if (wait > 0) return { ok: false, message: lockedMessage(wait) };
  if (await matches(row.signPasswordHash, password)) {
    await tx.user.update({ where: { id: user.id }, data: { signPasswordFails: 0, signPasswordLockedUntil: null } });
    return { ok: true };
  }
  const next = afterWrongPassword(lock, at);
  await tx.user.update({ where: { id: user.id }, data: { signPasswordFails: next.fails, signPasswordLockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil) } });
  return { ok: false, message: next.message };
}

import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

/** Records a new sign-in and returns its id (the JWT carries it as `sid`). */
export async function sessionOpen(userId: string): Promise<string> {
  const id = crypto.randomUUID();
  await db().userSession.create({ data: { id, userId, createdAt: now() } });
  return id;
}

/** 退出登录: the session ends on the server; the same cookie, copied or not, is no longer accepted. */
export async function sessionRevoke(id: string): Promise<void> {
  await db().userSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now() } });
}

/** True while the sign-in `id` of `userId` has not been revoked. */
export async function sessionLive(id: string | undefined, userId: string): Promise<boolean> {
  if (!id || id.length > 64) return false;
  const s = await db().userSession.findUnique({ where: { id } });
  return Boolean(s && s.userId === userId && !s.revokedAt);
}

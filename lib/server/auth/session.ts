import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { authOptions } from "./options";
import { sessionLive } from "./server-session";

const currentSession = cache(async () => (await getServerSession(authOptions())) as { uid?: string; sid?: string } | null);

/**
 * The signed-in, active user for this request, or null. Read from the database every time: the
 * account must be active and this sign-in not ended by 退出登录 (a copied cookie dies with it).
 */
export const currentUser = cache(async () => {
  const session = await currentSession();
  if (!session?.uid) return null;
  const [user, live] = await Promise.all([db().user.findUnique({ where: { id: session.uid } }), sessionLive(session.sid, session.uid)]);
  return user && live && user.status === "ACTIVE" ? user : null;
});

/** This sign-in's id (set when the session was created), for per-session checks. */
export async function currentSessionId(): Promise<string | null> {
  return (await currentSession())?.sid ?? null;
}

export async function requireUser() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** An ADMIN account, before its second factor: anyone else gets a 404, never a login loop. */
export async function requireAdminAccount() {
  const user = await currentUser();
  if (!user || user.role !== "ADMIN") notFound();
  return user;
}

/**
 * Admin pages and actions: an ADMIN account that has passed its second factor in this session
 * (signing password or 指纹/面容 ID); otherwise to /admin-verify.
 */
export async function requireAdmin() {
  const user = await requireAdminAccount();
  const sid = await currentSessionId();
  const factor = sid ? await db().adminFactor.findUnique({ where: { sessionId: sid } }) : null;
  if (!factor || factor.userId !== user.id || !factor.passedAt || !factor.expiresAt || factor.expiresAt <= now()) redirect("/admin-verify");
  return user;
}

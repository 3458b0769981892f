import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { authOptions } from "./options";

/** The signed-in, active user for this request, or null. Read from the database every time. */
export const currentUser = cache(async () => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({ where: { id: session.uid } });
  return user && user.status === "ACTIVE" ? user : null;
});

export async function requireUser() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** Admin pages and actions: anyone else gets a 404, never a login loop. */
export async function requireAdmin() {
  const user = await currentUser();
  if (!user || user.role !== "ADMIN") notFound();
  return user;
}

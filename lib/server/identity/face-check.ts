import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { faceCheckProvider } from "./providers";

/** A passed face check is good for this long before it must be used. */
export const FACE_CHECK_TTL_MS = 10 * 60_000;

export type FacePurpose = "REAL_NAME" | "SIGN" | "INTENT" | "ACCOUNT"; // INTENT: 解除 / 结清 意愿验证; ACCOUNT: 账号变更

export async function startFaceCheck(
  tx: Tx,
  userId: string,
  purpose: FacePurpose,
  payload: Prisma.InputJsonValue,
): Promise<string> {
  const row = await tx.faceCheck.create({
    data: { userId, purpose, payload, provider: faceCheckProvider().name, createdAt: now() },
  });
  return row.id;
}

/** Records the provider's verdict on a pending check owned by this user. */
export async function judgeFaceCheck(
  userId: string,
  faceCheckId: string,
  evidence: { simulatedOutcome?: boolean },
): Promise<{ found: false } | { found: true; passed: boolean; purpose: string }> {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId } });
  if (!row || row.status !== "PENDING" || now().getTime() - row.createdAt.getTime() > FACE_CHECK_TTL_MS) {
    return { found: false };
  }
  const passed = await faceCheckProvider().judge(evidence);
  await db().faceCheck.update({
    where: { id: row.id },
    data: { status: passed ? "PASSED" : "FAILED", completedAt: now() },
  });
  return { found: true, passed, purpose: row.purpose };
}

/** Takes a passed check once, inside the caller's transaction; null when not usable. */
export async function consumeFaceCheck(tx: Tx, userId: string, faceCheckId: string, purpose: FacePurpose) {
  const at = now();
  const taken = await tx.faceCheck.updateMany({
    where: {
      id: faceCheckId,
      userId,
      purpose,
      status: "PASSED",
      consumedAt: null,
      createdAt: { gte: new Date(at.getTime() - FACE_CHECK_TTL_MS) },
    },
    data: { consumedAt: at },
  });
  if (taken.count !== 1) return null;
  return tx.faceCheck.findUnique({ where: { id: faceCheckId } });
}

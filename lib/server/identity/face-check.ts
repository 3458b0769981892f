import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import crypto from "node:crypto";
import { faceCheckProvider, type FaceResult } from "./providers";

/** A passed face check is good for this long before it must be used. */
export const FACE_CHECK_TTL_MS = 10 * 60_000;

export type FacePurpose = "REAL_NAME" | "SIGN" | "INTENT" | "ACCOUNT"; // INTENT: 解除 / 结清 意愿验证; ACCOUNT: 账号变更

export async function startFaceCheck(
  tx: Tx,
  userId: string,
  purpose: FacePurpose,
  payload: Prisma.InputJsonValue,
): Promise<string> {
  const id = crypto.randomUUID().replaceAll("-", "");
  const { ref } = await faceCheckProvider().start({ id, purpose });
  const row = await tx.faceCheck.create({
    data: { id, userId, purpose, payload, provider: faceCheckProvider().name, providerRef: ref, createdAt: now() },
  });
  return row.id;
}

/**
 * Asks the provider for the result of a pending check owned by this user and records it. A check
 * the person has not completed at the provider yet stays pending.
 */
export async function judgeFaceCheck(
  userId: string,
  faceCheckId: string,
): Promise<{ found: false } | { found: true; result: FaceResult; purpose: string }> {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId } });
  if (!row || row.status !== "PENDING" || now().getTime() - row.createdAt.getTime() > FACE_CHECK_TTL_MS) {
    return { found: false };
  }
  const result = await faceCheckProvider().result(row.providerRef ?? "");
  if (result !== "PENDING") {
    await db().faceCheck.updateMany({ where: { id: row.id, status: "PENDING" }, data: { status: result, completedAt: now() } });
  }
  return { found: true, result, purpose: row.purpose };
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

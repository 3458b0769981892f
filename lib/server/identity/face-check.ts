import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import crypto from "node:crypto";
import { faceCheckProvider, type FaceResult } from "./providers";
import { INTENT_PAYLOADS, heldPayload, type IntentPayload, type IntentPurpose } from "@/lib/validation/intent";

/** A passed face check is good for this long before it must be used. */
export const FACE_CHECK_TTL_MS = 10 * 60_000;

/** What a pending check is for (INTENT: 解除 / 结清 意愿验证; ACCOUNT: 账号变更); each holds its own typed payload. */
export type FacePurpose = IntentPurpose;

/** Opens a pending check holding `payload` (checked against its purpose's schema) until its owner proves it is them. */
export async function startFaceCheck<P extends FacePurpose>(tx: Tx, userId: string, purpose: P, held: IntentPayload<P>): Promise<string> {
  const payload = INTENT_PAYLOADS[purpose].parse(held);
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

/** Takes a passed check once, inside the caller's transaction, with what it holds; null when not usable. */
export async function consumeFaceCheck<P extends FacePurpose>(tx: Tx, userId: string, faceCheckId: string, purpose: P): Promise<{ id: string; payload: IntentPayload<P> } | null> {
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
  const row = await tx.faceCheck.findUnique({ where: { id: faceCheckId } });
  const payload = row ? heldPayload(purpose, row.payload) : null;
  return row && payload ? { id: row.id, payload } : null;
}

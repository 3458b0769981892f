import "server-only";
import type { Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import crypto from "node:crypto";
import { METHODS, PURPOSE_METHODS } from "./methods";
import { INTENT_PAYLOADS, heldPayload, type IntentPayload, type IntentPurpose } from "@/lib/validation/intent";

/** A passed face check is good for this long before it must be used. */
export const FACE_CHECK_TTL_MS = 10 * 60_000;

/** What a pending check is for (SIGN: 签署; INTENT: 解除 / 结清; ACCOUNT: 账号变更; REAL_NAME: 实名认证;
 * ADMIN_FACTOR: 管理后台二次验证); each holds its own typed payload and is proven by its own methods. */
export type FacePurpose = IntentPurpose;

/**
 * Opens a pending check holding `payload` (checked against its purpose's schema) until its owner
 * proves it is them; the purpose's methods set up what they need with it (the face check: the
 * provider's session — none for a purpose that does not take the face).
 */
export async function startFaceCheck<P extends FacePurpose>(tx: Tx, userId: string, purpose: P, held: IntentPayload<P>): Promise<string> {
  const payload = INTENT_PAYLOADS[purpose].parse(held);
  const id = crypto.randomUUID().replaceAll("-", "");
  let opened: { provider?: string; providerRef?: string } = {};
  for (const m of PURPOSE_METHODS[purpose]) opened = { ...opened, ...(await METHODS[m].open?.({ id, purpose })) };
  const row = await tx.faceCheck.create({ data: { id, userId, purpose, payload, ...opened, createdAt: now() } });
  return row.id;
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

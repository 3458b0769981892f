import "server-only";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";
import { log } from "@/lib/server/log";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import crypto from "node:crypto";
import { PURPOSE_METHODS } from "./methods";
import { FaceProviderError, faceCheckProvider } from "./providers";
import { expectedIdentity } from "./face-identity";
import { INTENT_PAYLOADS, heldPayload, type IntentPayload, type IntentPurpose } from "@/lib/validation/intent";

/** A passed face check is good for this long before it must be used. */
export const FACE_CHECK_TTL_MS = 10 * 60_000;

/** What a pending check is for (SIGN: 签署; INTENT: 解除 / 结清; ACCOUNT: 账号变更; REAL_NAME: 实名认证;
 * ADMIN_FACTOR: 管理后台二次验证); each holds its own typed payload and is proven by its own methods. */
export type FacePurpose = IntentPurpose;

/**
 * Opens a pending check holding `payload` (checked against its purpose's schema) until its owner
 * proves it is them. Nothing is asked of a provider here (this runs inside the caller's
 * transaction, and a signer may well use the password): the face provider's session is opened
 * when the person turns to the face check (faceCheckLaunch).
 */
export async function startFaceCheck<P extends FacePurpose>(tx: Tx, userId: string, purpose: P, held: IntentPayload<P>): Promise<string> {
  const payload = INTENT_PAYLOADS[purpose].parse(held);
  const id = crypto.randomUUID().replaceAll("-", "");
  const row = await tx.faceCheck.create({ data: { id, userId, purpose, payload, createdAt: now() } });
  return row.id;
}

/** Our page the provider's page sends the person back to, naming our check (never its outcome). */
export function faceReturnUrl(faceCheckId: string): string {
  return new URL(`/face/return?check=${encodeURIComponent(faceCheckId)}`, config.appUrl).toString();
}

/** Where the person does the face check: the provider's page (url), or the 模拟 pane of ours (url null, simulated). */
export type FaceLaunch = { url: string | null; simulated: boolean };

const FACE_EXPIRED = "人脸核验已失效，请重新操作";

async function pendingFaceRow(userId: string, faceCheckId: string) {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId, status: "PENDING" } });
  if (!row || now().getTime() - row.createdAt.getTime() > FACE_CHECK_TTL_MS) return null;
  const purpose = row.purpose as FacePurpose;
  return PURPOSE_METHODS[purpose]?.includes("FACE") ? row : null;
}

/**
 * Opens the face provider's session for a pending check of this user, once: DetectAuth-style,
 * with the identity the face must match and our return page; the provider's reference and page
 * are kept on the row, so asking again (a reload, another tab) gives the same session.
 */
export async function faceCheckLaunch(user: User, faceCheckId: string): Promise<ActionResult<FaceLaunch>> {
  const row = await pendingFaceRow(user.id, faceCheckId);
  if (!row) return fail(FACE_EXPIRED);
  const provider = faceCheckProvider();
  if (row.providerRef) return row.provider === provider.name ? ok({ url: row.providerUrl, simulated: provider.simulated }) : fail(FACE_EXPIRED);
  let opened: { ref: string; url: string | null };
  try {
    opened = await provider.start({ id: row.id, purpose: row.purpose, identity: expectedIdentity(row, user), returnUrl: faceReturnUrl(row.id) });
  } catch (e) {
    if (!(e instanceof FaceProviderError)) throw e;
    log().warn({ checkId: row.id, err: e.message }, "face check: the provider's session could not be opened");
    return fail(e.userMessage);
  }
  const stored = await db().faceCheck.updateMany({
    where: { id: row.id, status: "PENDING", providerRef: null },
    data: { provider: provider.name, providerRef: opened.ref, providerUrl: opened.url },
  });
  if (stored.count === 1) return ok({ url: opened.url, simulated: provider.simulated });
  // a parallel request opened one first: that one is the check's
  const again = await db().faceCheck.findUnique({ where: { id: row.id } });
  return again?.status === "PENDING" && again.providerRef && again.provider === provider.name ? ok({ url: again.providerUrl, simulated: provider.simulated }) : fail(FACE_EXPIRED);
}

/** What our return page shows: the provider's answer so far (PENDING: not finished), or why there is none. */
export type FaceStatus = "PASSED" | "FAILED" | "PENDING" | "EXPIRED" | "UNAVAILABLE";

/**
 * After the provider's page: the server asks the provider how this user's check stands, by the
 * reference it holds, without settling it (the page that holds the act proves the check, which
 * asks again). A check that is not this user's reads as EXPIRED, like an unknown one.
 */
export async function faceCheckStatus(user: User, faceCheckId: string): Promise<{ status: FaceStatus; purpose: FacePurpose | null }> {
  const row = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId: user.id } });
  if (!row) return { status: "EXPIRED", purpose: null };
  const purpose = row.purpose as FacePurpose;
  if (row.status !== "PENDING") return { status: row.status === "PASSED" && row.method === "FACE" ? "PASSED" : row.status === "FAILED" ? "FAILED" : "EXPIRED", purpose };
  if (!(await pendingFaceRow(user.id, faceCheckId))) return { status: "EXPIRED", purpose };
  if (!row.providerRef) return { status: "PENDING", purpose };
  const provider = faceCheckProvider();
  if (row.provider !== provider.name) return { status: "EXPIRED", purpose };
  try {
    return { status: await provider.result(row.providerRef, { checkId: row.id, identity: expectedIdentity(row, user) }), purpose };
  } catch (e) {
    if (!(e instanceof FaceProviderError)) throw e;
    log().warn({ checkId: row.id, err: e.message }, "face check: the provider could not be asked");
    return { status: "UNAVAILABLE", purpose };
  }
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

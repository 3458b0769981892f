import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { devProvidersActive } from "@/lib/server/config";
import { faceCheckProvider } from "./providers";

/**
 * The development face-check provider's page (模拟核验): what the tester chose is recorded at the
 * provider side, by the provider's reference, once. Our server learns it only by asking the
 * provider for the result (providers.ts). Exists only while the development providers are on and
 * the face provider is the development one: with a real provider (FACE_PROVIDER=tencent) nothing
 * the browser sends here is recorded, and the check's session is the real provider's anyway.
 */
export async function simulatedFaceDecide(userId: string, faceCheckId: string, passed: boolean): Promise<boolean> {
  if (!devProvidersActive() || faceCheckId.length > 40) return false;
  const provider = faceCheckProvider();
  if (!provider.simulated) return false;
  const check = await db().faceCheck.findFirst({ where: { id: faceCheckId, userId, status: "PENDING" } });
  if (!check?.providerRef || check.provider !== provider.name) return false;
  await db().simulatedFaceSession.upsert({ where: { ref: check.providerRef }, create: { ref: check.providerRef, outcome: passed ? "PASSED" : "FAILED", decidedAt: now() }, update: {} });
  return true;
}

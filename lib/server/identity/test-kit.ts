import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { faceCheckLaunch } from "./face-check";
import { simulatedFaceDecide } from "./simulated-face";

/**
 * Tests: the person turns to the face check (the provider's session opens), completes the 模拟 check
 * at the provider, then the proof our server accepts (which only names the check).
 */
export async function faceProof(user: { id: string }, faceCheckId: string, passed = true): Promise<{ faceCheckId: string; face: true }> {
  const holder: User | null = await db().user.findUnique({ where: { id: user.id } });
  if (holder) await faceCheckLaunch(holder, faceCheckId);
  await simulatedFaceDecide(user.id, faceCheckId, passed);
  return { faceCheckId, face: true };
}

import { simulatedFaceDecide } from "./simulated-face";

/** Tests: the person completes the 模拟 face check at the provider, then the proof our server accepts (which only names the check). */
export async function faceProof(user: { id: string }, faceCheckId: string, passed = true): Promise<{ faceCheckId: string; face: true }> {
  await simulatedFaceDecide(user.id, faceCheckId, passed);
  return { faceCheckId, face: true };
}

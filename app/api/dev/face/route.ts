import { NextResponse } from "next/server";
import { z } from "zod";
import { devProvidersActive } from "@/lib/server/config";
import { currentUser } from "@/lib/server/auth";
import { simulatedFaceDecide } from "@/lib/server/identity";
import { parseInput } from "@/lib/validation/input";

export const dynamic = "force-dynamic";

const body = z.object({ faceCheckId: z.string().min(1).max(40), passed: z.boolean() });

/** The development face-check provider's page answer (模拟核验通过 / 不通过); 404 once a real provider is set. */
export async function POST(req: Request) {
  if (!devProvidersActive()) return new NextResponse(null, { status: 404 });
  const user = await currentUser();
  const parsed = parseInput(body, await req.json().catch(() => null));
  if (!user || !parsed.success) return new NextResponse(null, { status: 404 });
  const recorded = await simulatedFaceDecide(user.id, parsed.data.faceCheckId, parsed.data.passed);
  return recorded ? NextResponse.json({ ok: true }) : new NextResponse(null, { status: 404 });
}

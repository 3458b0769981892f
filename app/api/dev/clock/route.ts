import { NextResponse } from "next/server";
import { z } from "zod";
import { devProvidersActive } from "@/lib/server/config";
import { clockOffset, setClockOffset } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import "@/lib/server/notify";
import "@/lib/server/contracts";

export const dynamic = "force-dynamic";

const body = z.object({ days: z.number().min(0).max(3650) });

/**
 * Development only: moves the server clock forward (e.g. to let a pending contract expire) and
 * runs the jobs that became due. 404 whenever real providers are configured.
 */
export async function POST(req: Request) {
  if (!devProvidersActive()) return new NextResponse(null, { status: 404 });
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "days 必须是 0–3650 的数字" }, { status: 400 });
  setClockOffset(parsed.data.days * 86_400_000);
  let ran = 0;
  for (let n = await runDueJobs(50); n > 0; n = await runDueJobs(50)) ran += n;
  return NextResponse.json({ offsetMs: clockOffset(), jobsRan: ran });
}

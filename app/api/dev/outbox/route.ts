import { NextResponse } from "next/server";
import { devProvidersActive } from "@/lib/server/config";
import { listSimulatedOutbox } from "@/lib/server/notify";

export const dynamic = "force-dynamic";

/** JSON view of the development outbox for automated tests; 404 once a real provider is set. */
export async function GET(req: Request) {
  if (!devProvidersActive()) return new NextResponse(null, { status: 404 });
  const to = new URL(req.url).searchParams.get("to") ?? undefined;
  const { rows } = await listSimulatedOutbox({ to: to || undefined, take: 20 });
  return NextResponse.json(
    rows.map((m) => ({ id: m.id, channel: m.channel, to: m.to, subject: m.subject, body: m.body, kind: m.kind, status: m.status, attachments: m.attachments, createdAt: m.createdAt })),
  );
}

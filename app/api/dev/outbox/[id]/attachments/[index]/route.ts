import { NextResponse } from "next/server";
import { devProvidersActive } from "@/lib/server/config";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import type { Attachment } from "@/lib/server/notify";

export const dynamic = "force-dynamic";

/** An attachment of a message in the development outbox (模拟发件箱); 404 once real providers are set. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  if (!devProvidersActive()) return new NextResponse(null, { status: 404 });
  const { id, index } = await params;
  const m = id.length <= 40 ? await db().outboxMessage.findUnique({ where: { id } }) : null;
  const a = (m?.attachments as Attachment[] | undefined)?.[Number(index)];
  const bytes = a ? await blobStore().get(a.sha256) : null;
  if (!a || !bytes) return new NextResponse(null, { status: 404 });
  return new NextResponse(Buffer.from(bytes), {
    headers: { "content-type": a.contentType, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`, "x-content-sha256": a.sha256, "cache-control": "no-store" },
  });
}

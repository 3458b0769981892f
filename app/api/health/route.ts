import { NextResponse } from "next/server";
import { db, dbKind } from "@/lib/server/db";
import { providerStatus } from "@/lib/server/providers";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    // which provider serves each capability (names only): an operator sees at once what is 模拟
    const providers = providerStatus().map(({ kind, name, simulated, configured }) => ({ kind, name, simulated, configured }));
    return NextResponse.json({ status: "ok", db: dbKind(), providers });
  } catch {
    return NextResponse.json({ status: "error", db: dbKind() }, { status: 503 });
  }
}

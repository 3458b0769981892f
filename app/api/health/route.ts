import { NextResponse } from "next/server";
import { db, dbKind } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", db: dbKind() });
  } catch {
    return NextResponse.json({ status: "error", db: dbKind() }, { status: 503 });
  }
}

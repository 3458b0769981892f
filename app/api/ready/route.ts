import { NextResponse } from "next/server";
import { db, dbKind } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import { config } from "@/lib/server/config";

export const dynamic = "force-dynamic";

const check = async (f: () => Promise<unknown>) => {
  try {
    await f();
    return "ok" as const;
  } catch {
    return "error" as const;
  }
};

/** Readiness (for a load balancer): the database, the file store and the job queue all answer. /api/health is liveness. */
export async function GET() {
  const [database, storage, queue] = await Promise.all([
    check(() => db().$queryRaw`SELECT 1`),
    check(() => blobStore().has("0".repeat(64))),
    check(() => db().job.count({ where: { status: "QUEUED" } })),
  ]);
  const ready = database === "ok" && storage === "ok" && queue === "ok";
  return NextResponse.json(
    { status: ready ? "ready" : "not-ready", db: dbKind(), database, storage: { kind: config.storageUrl ? "s3" : "local", status: storage }, queue, jobs: config.jobsEnabled ? "on" : "off" },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

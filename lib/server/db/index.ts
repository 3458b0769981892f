import "server-only";
import path from "node:path";
import fs from "node:fs";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { config, usesPostgresServer } from "@/lib/server/config";

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function dbKind(): "pglite" | "postgresql" {
  return usesPostgresServer() ? "postgresql" : "pglite";
}

function createClient(): PrismaClient {
  if (usesPostgresServer()) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: config.databaseUrl }) });
  }
  const dir = path.join(config.dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  g.__pglite = new PGlite(dir);
  return new PrismaClient({ adapter: new PrismaPGlite(g.__pglite) });
}

// One client per process: Next's dev server reloads modules, and PGlite allows one opener.
const g = globalThis as unknown as { __db?: PrismaClient; __pglite?: PGlite };

export function db(): PrismaClient {
  g.__db ??= createClient();
  return g.__db;
}

/** Tests bind the services to their own fresh database. */
export function setDbForTests(client: PrismaClient): void {
  g.__db = client;
}

/** Scripts (seed, benchmarks) end with this: PGlite keeps the event loop alive until closed. */
export async function closeDb(): Promise<void> {
  await g.__db?.$disconnect();
  await g.__pglite?.close();
  g.__db = undefined;
  g.__pglite = undefined;
}

/** Serialises the transactions that take the same key until they end (PostgreSQL and PGlite alike). */
export async function advisoryLock(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS locked`;
}
// the migration runner reads prisma/migrations from disk: only its type is part of the API (the runner is imported by migrate.ts and the test database directly)
export type { SqlRunner } from "./migrations";

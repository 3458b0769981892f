// A fresh database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_PG_URL (created here, dropped after the file).
import path from "node:path";
import crypto from "node:crypto";
import { PrismaClient } from "@prisma/client";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { applyMigrations, pgliteRunner, pgRunner, readMigrations } from "@/lib/server/db/migrations"; // the runner, not part of the db API

const migrations = readMigrations(path.resolve(__dirname, "../prisma/migrations"));

export type TestDb = { client: PrismaClient; kind: "pglite" | "postgresql"; url?: string; drop: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const pgUrl = process.env.TEST_PG_URL;
  if (!pgUrl) {
    const lite = new PGlite();
    await applyMigrations(pgliteRunner(lite), migrations);
    const client = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      client,
      kind: "pglite",
      drop: async () => {
        await client.$disconnect();
        await lite.close();
      },
    };
  }
  const name = `dzq_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const conn = new pg.Client({ connectionString: url.toString() });
  await conn.connect();
  await applyMigrations(pgRunner(conn), migrations);
  await conn.end();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  return {
    client,
    kind: "postgresql",
    url: url.toString(),
    drop: async () => {
      await client.$disconnect();
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

// Applies prisma/migrations/*/migration.sql in order, keeping Prisma's own `_prisma_migrations`
// bookkeeping so `prisma migrate status|deploy` stay usable against the same database.
// Why our own runner: the Prisma CLI exits without closing PGlite, and an embedded database that
// is not closed can lose its last writes (seen as "relation User does not exist" after a
// "successful" deploy). Here every database is closed cleanly.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** What the runner needs from a connection: a multi-statement script, and a parameterised query. */
export type SqlRunner = {
  exec: (script: string) => Promise<unknown>;
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
};

type PgliteLike = {
  exec: (s: string) => Promise<unknown>;
  query: <T>(s: string, p?: unknown[]) => Promise<{ rows: T[] }>;
};
type PgClientLike = { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[] }> };

export const pgliteRunner = (lite: PgliteLike): SqlRunner => ({
  exec: (s) => lite.exec(s),
  query: async <T>(s: string, p?: unknown[]) => (await lite.query<T>(s, p)).rows,
});

export const pgRunner = (client: PgClientLike): SqlRunner => ({
  exec: (s) => client.query(s),
  query: async <T>(s: string, p?: unknown[]) => (await client.query(s, p)).rows as T[],
});

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = path.resolve(process.cwd(), "prisma", "migrations")): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((d) => fs.statSync(path.join(dir, d)).isDirectory())
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies what is missing; returns the names applied. A changed, already-applied file is an error. */
export async function applyMigrations(sql: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  // Same lock key as Prisma's migrate, so two starters never migrate at once.
  await sql.query("SELECT pg_advisory_lock(72707369)");
  try {
    await sql.exec(BOOKKEEPING);
    const done = await sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.map((r) => [r.migration_name, r.checksum]));
    const ran: string[] = [];
    for (const m of migrations) {
      const known = applied.get(m.name);
      if (known && known !== m.checksum) throw new Error(`迁移 ${m.name} 已执行后又被修改，请新建迁移而不是改旧文件`);
      if (known) continue;
      await sql.exec("BEGIN");
      try {
        await sql.exec(m.sql);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await sql.exec("COMMIT");
      } catch (e) {
        await sql.exec("ROLLBACK");
        throw e;
      }
      ran.push(m.name);
    }
    return ran;
  } finally {
    await sql.query("SELECT pg_advisory_unlock(72707369)");
  }
}

import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, pgliteRunner, type Migration } from "./migrations";

const m = (name: string, sql: string): Migration => ({ name, sql, checksum: `sum-${sql.length}-${name}` });

describe("migration runner", () => {
  it("applies in order once, records Prisma's bookkeeping, and refuses an edited applied file", async () => {
    const lite = new PGlite();
    const run = pgliteRunner(lite);
    const first: Migration[] = [m("001_a", "CREATE TABLE a (x int); INSERT INTO a VALUES (1);"), m("002_b", "CREATE TABLE b (y int);")];
    expect(await applyMigrations(run, first)).toEqual(["001_a", "002_b"]);
    expect(await applyMigrations(run, first)).toEqual([]);
    const rows = await run.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(["001_a", "002_b"]);

    const [a, b] = first as [Migration, Migration];
    const edited = [{ ...a, checksum: "different" }, b];
    await expect(applyMigrations(run, edited)).rejects.toThrow("已执行后又被修改");
    await lite.close();
  });

  it("rolls back a failing migration as a whole", async () => {
    const lite = new PGlite();
    const run = pgliteRunner(lite);
    await expect(applyMigrations(run, [m("001_bad", "CREATE TABLE c (x int); SELECT no_such_fn();")])).rejects.toThrow();
    const tables = await run.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'c'`);
    expect(tables[0]?.n).toBe(0);
    await lite.close();
  });
});

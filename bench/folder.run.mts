// npm run bench:folder — the folder list for a user with 10,000 of 1,000,000 contracts on
// PostgreSQL (TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres), next to a
// one-row primary-key read in the same run (the floor). Prints; asserts nothing.
import { performance } from "node:perf_hooks";
import { createTestDb } from "@/tests/test-db";
import { setDbForTests } from "@/lib/server/db";
import { listFolder } from "@/lib/server/contracts";
import { test } from "vitest";
import { row, timeRuns } from "./stats.mts";

test("bench:folder", async () => {
  process.env.TEST_PG_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
  const total = Number(process.env.BENCH_CONTRACTS ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const testDb = await createTestDb();
  const db = testDb.client;
  setDbForTests(db);

  try {
    const t = performance.now();
    await db.$executeRawUnsafe(`INSERT INTO "User" (id, phone, "updatedAt") SELECT 'u' || g, '139' || lpad(g::text, 8, '0'), now() FROM generate_series(0, 99) g`);
    // every 100th contract belongs to u0: 10,000 of 1,000,000; one folder row per contract
    await db.$executeRawUnsafe(`
      INSERT INTO "Contract" (id, number, kind, title, status, "initiatorId", facts, "createdAt", "updatedAt")
      SELECT 'c' || lpad(g::text, 8, '0'), 'N' || g, CASE WHEN g % 3 = 0 THEN 'receipt' ELSE 'iou' END, '借条 ' || g,
             (ARRAY['EFFECTIVE','PENDING_SIGN','SETTLED','DRAFT','REJECTED'])[1 + g % 5]::"ContractStatus",
             'u' || (g % 100), '{}'::jsonb, now() - make_interval(mins => g), now()
      FROM generate_series(1, ${total}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO "FolderEntry" ("userId", "contractId", kind, status, title, "counterpartyNames", "contractCreatedAt")
      SELECT "initiatorId", id, kind, status, title, (ARRAY['张三','李四','王五','赵六','孙七'])[1 + (abs(hashtext(id)) % 5)] || (abs(hashtext(id)) % 100), "createdAt"
      FROM "Contract"`);
    await db.$executeRawUnsafe(`ANALYZE`);
    console.log(`seeded ${total.toLocaleString()} contracts in ${((performance.now() - t) / 1000).toFixed(1)} s; user u0 has ${(await db.folderEntry.count({ where: { userId: "u0" } })).toLocaleString()}`);

    const first = await listFolder("u0", {});
    let cursor: string | undefined = first.nextCursor ?? undefined;
    for (let i = 0; i < 49 && cursor; i++) cursor = (await listFolder("u0", { cursor })).nextCursor ?? undefined;

    const results = [
      row("floor: one Contract by primary key", await timeRuns(runs, () => db.contract.findUnique({ where: { id: "c00000100" } }))),
      row("全部, first page", await timeRuns(runs, () => listFolder("u0", {}))),
      row("全部, page 51 (keyset cursor)", await timeRuns(runs, () => listFolder("u0", { cursor }))),
      row("已生效 tab (3 states)", await timeRuns(runs, () => listFolder("u0", { status: ["EFFECTIVE", "RESCINDING", "SETTLING"] }))),
      row("kind 借条 + 已结束 tab", await timeRuns(runs, () => listFolder("u0", { kind: "iou", status: ["SETTLED", "REJECTED"] }))),
      row("search by counterparty name", await timeRuns(runs, () => listFolder("u0", { q: "王五4" }))),
    ];
    console.log(`folder queries on PostgreSQL, ${runs} runs each`);
    for (const r of results) console.log(r);
  } finally {
    await testDb.drop();
  }
});

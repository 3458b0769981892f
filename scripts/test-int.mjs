// Service tests: on embedded PGlite always, and again on PostgreSQL when a server answers
// (TEST_PG_URL, default postgresql://127.0.0.1:5432/postgres). Each test file makes its own
// database and drops it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bin, run, step } from "./lib.mjs";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dzq-int-"));
const env = { DATA_DIR: dataDir, JOBS_DISABLED: "1" };
const extra = process.argv.slice(2);

step("集成测试：PGlite");
await run(bin("vitest"), ["run", "--project", "int", ...extra], { env });

const pgUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
let reachable = false;
try {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
  reachable = true;
} catch (e) {
  console.log(`PostgreSQL at ${pgUrl} not reachable (${e.message}); skipping the PostgreSQL run.`);
}
if (reachable) {
  step("集成测试：PostgreSQL");
  await run(bin("vitest"), ["run", "--project", "int", ...extra], { env: { ...env, TEST_PG_URL: pgUrl } });
}

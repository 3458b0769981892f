// Every integration test file runs against its own fresh database and data folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createTestDb, type TestDb } from "./test-db";
import { setDbForTests } from "@/lib/server/db";

process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "dzq-int-"));
process.env.JOBS_DISABLED = "1";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
  setDbForTests(testDb.client);
});
afterAll(async () => {
  await testDb?.drop();
});

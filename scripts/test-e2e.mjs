// Playwright against the production build: a fresh data folder, migrations and seed, then
// `next start` on a spare port. Assumes `next build` has run (test:all does it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { bin, root, run, step, waitForHttp } from "./lib.mjs";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dzq-e2e-"));
const env = {
  DATA_DIR: dataDir,
  PORT: port,
  DATABASE_URL: "",
  ADMIN_PHONES: "13900000001,13900000002,13900000003,13900000004,13900000005,13900000006,13900000007,13900000008,13900000009,13900000010",
  // every e2e browser comes from 127.0.0.1; the per-IP rule itself is covered by unit tests
  LOGIN_IP_HOURLY_CAP: "100000",
  // one access line per request would bury Playwright's report; warnings and errors still show
  LOG_LEVEL: "warn",
  E2E_BASE_URL: `http://127.0.0.1:${port}`,
  APP_URL: `http://127.0.0.1:${port}`,
};

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  step("构建生产版本");
  await run(bin("next"), ["build"]);
}
step("准备 e2e 数据库");
await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"], { env });
await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });

step(`启动生产服务 :${port}`);
const server = spawn("node", ["scripts/serve.mjs"], {
  cwd: root,
  env: { ...process.env, ...env },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", stop);
let failed = false;
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
  step("Playwright");
  await run(bin("playwright"), ["test", ...process.argv.slice(2)], { env });
} catch (e) {
  console.error(e.message);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);

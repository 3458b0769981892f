// npm run bench:http — requests/s and p50/p99 latency of the signed-in home page next to a
// static page (the prerendered 404 page) of the same production
// build, in the same run on loopback. Requires `npm run build` first. Prints; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { bin, root, run, waitForHttp } from "../scripts/lib.mjs";

const port = process.env.BENCH_PORT ?? "3200";
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dzq-bench-"));
const env = { DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? "", SMS_PROVIDER: "dev" };

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"], { env });
await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env: { ...process.env, ...env }, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* gone */
  }
};
process.on("exit", stop);
await waitForHttp(`${base}/api/health`);

// Sign the demo user in the way a browser does: code from the development outbox, then next-auth.
const phone = "13800000001";
const csrfRes = await fetch(`${base}/api/auth/csrf`);
const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
const { csrfToken } = await csrfRes.json();
const codeReq = await fetch(`${base}/api/login-code`, { method: "POST", body: JSON.stringify({ phone }) });
if (!codeReq.ok) throw new Error("could not request a code");
const rows = await (await fetch(`${base}/api/dev/outbox?to=${phone}`)).json();
const code = rows.find((r) => r.kind === "login_code").body.match(/(\d{6})/)[1];
const cb = await fetch(`${base}/api/auth/callback/phone-code`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
  body: new URLSearchParams({ csrfToken, phone, code, json: "true" }),
});
const session = cb.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token"));
if (!session) throw new Error("sign-in failed");

async function measure(title, url, headers = {}) {
  const r = await autocannon({ url, connections: 10, duration, headers });
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

// Warm both once, then measure.
await fetch(`${base}/`, { headers: { cookie: session } });
await fetch(`${base}/_not-found`);
const results = [
  await measure("static page (404, prerendered)", `${base}/_not-found`),
  await measure("signed-in home page", `${base}/`, { cookie: session }),
];
console.log(`\nbench:http — ${duration}s each, 10 connections, loopback, ${os.cpus().length} cores`);
console.table(results.map((r) => ({ page: r.title, "req/s": r.rps.toFixed(0), "p50 ms": r.p50, "p99 ms": r.p99, non2xx: r.non2xx })));
stop();
process.exit(0);

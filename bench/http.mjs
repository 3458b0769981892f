// npm run bench:http — requests/s and p50/p99 latency of the signed-in home page next to a
// static page (the prerendered 404 page) of the same production build, in the same run on
// loopback: on embedded PGlite, and — when PostgreSQL answers (TEST_PG_URL) — on one instance
// next to two instances behind a round-robin proxy sharing that database. Requires
// `npm run build` first. Prints; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { bin, root, run, waitForHttp } from "../scripts/lib.mjs";
import { pgAdmin, roundRobinProxy } from "../scripts/fleet.mjs";

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const pgUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const secrets = { NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"), ID_ENC_KEY: crypto.randomBytes(32).toString("base64"), ID_HASH_KEY: crypto.randomBytes(32).toString("base64"), PAY_SANDBOX_KEY: crypto.randomBytes(32).toString("base64") };
const stops = [];
process.on("exit", () => stops.forEach((s) => s()));

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

/** Migrates and seeds the database behind `env` (once per setup). */
async function prepare(env) {
  await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"], { env });
  await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
}

/** One production server (scripts/serve.mjs, as npm start runs it) with its own data folder. */
async function instance(port, env) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dzq-bench-"));
  const child = spawn("node", ["scripts/serve.mjs"], { cwd: root, env: { ...process.env, LOG_LEVEL: "warn", ...secrets, DATA_DIR: dataDir, ...env, PORT: String(port) }, stdio: "ignore" });
  stops.push(() => child.kill("SIGTERM"));
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
}


/** Signs the seeded demo user in as a browser does: a code from the development handset, then next-auth. */
async function signIn(base) {
  const phone = "13800000001";
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfRes.json();
  const codeReq = await fetch(`${base}/api/login-code`, { method: "POST", body: JSON.stringify({ phone, agree: true }) });
  if (!codeReq.ok) throw new Error(`could not request a code: ${await codeReq.text()}`);
  let code = null;
  for (let i = 0; i < 40 && !code; i++) {
    const rows = await (await fetch(`${base}/api/dev/outbox?to=${phone}`)).json();
    code = rows.find((r) => r.kind === "login_code")?.body.match(/(\d{6})/)?.[1] ?? null;
    if (!code) await new Promise((r) => setTimeout(r, 250));
  }
  const cb = await fetch(`${base}/api/auth/callback/phone-code`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, phone, code, agree: "true", json: "true" }),
  });
  const session = cb.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token"));
  if (!session) throw new Error("sign-in failed");
  return session;
}

async function measure(setup, title, url, headers = {}) {
  await fetch(url, { headers }); // warm
  const r = await autocannon({ url, connections: 10, duration, headers });
  return { setup, page: title, "req/s": r.requests.average.toFixed(0), "p50 ms": r.latency.p50, "p99 ms": r.latency.p99, non2xx: r.non2xx };
}

const results = [];
{
  const env = { DATABASE_URL: "", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dzq-bench-lite-")), SMS_PROVIDER: "dev" };
  await prepare(env);
  await instance(3200, { DATA_DIR: env.DATA_DIR, DATABASE_URL: "" });
  const base = "http://127.0.0.1:3200";
  const session = await signIn(base);
  results.push(await measure("PGlite, 1 instance", "static page (404, prerendered)", `${base}/_not-found`));
  results.push(await measure("PGlite, 1 instance", "signed-in home page", `${base}/`, { cookie: session }));
  stops.splice(0).forEach((s) => s());
}

let reachable = false;
const dbName = `dzq_bench_${crypto.randomBytes(4).toString("hex")}`;
const adminSql = (sql) => pgAdmin(pgUrl, sql);
try {
  await adminSql(`CREATE DATABASE ${dbName}`);
  reachable = true;
} catch (e) {
  console.log(`PostgreSQL at ${pgUrl} not reachable (${e.message}): PGlite figures only.`);
}
if (reachable) {
  const DATABASE_URL = pgUrl.replace(/\/[^/]*$/, `/${dbName}`);
  const pkiDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dzq-bench-pki-")), "pki");
  const env = { DATABASE_URL, PKI_DIR: pkiDir, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dzq-bench-pg-")) };
  await prepare(env);
  await instance(3201, { DATABASE_URL, PKI_DIR: pkiDir });
  await instance(3202, { DATABASE_URL, PKI_DIR: pkiDir });
  const proxy = await roundRobinProxy(3203, [3201, 3202]);
  stops.push(() => proxy.close());
  const session = await signIn("http://127.0.0.1:3201");
  results.push(await measure("PostgreSQL, 1 instance", "static page (404, prerendered)", "http://127.0.0.1:3201/_not-found"));
  results.push(await measure("PostgreSQL, 1 instance", "signed-in home page", "http://127.0.0.1:3201/", { cookie: session }));
  results.push(await measure("PostgreSQL, 2 instances + proxy", "static page (404, prerendered)", "http://127.0.0.1:3203/_not-found"));
  results.push(await measure("PostgreSQL, 2 instances + proxy", "signed-in home page", "http://127.0.0.1:3203/", { cookie: session }));
  stops.splice(0).forEach((s) => s());
  await new Promise((r) => setTimeout(r, 1500));
  await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
}

console.log(`\nbench:http — ${duration}s each, 10 connections, loopback, ${os.cpus().length} cores (the proxy and both instances share them)`);
console.table(results);
process.exit(0);

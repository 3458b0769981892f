import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import crypto from "node:crypto";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { pgAdmin, roundRobinProxy } from "../scripts/fleet.mjs";
import S3rver from "s3rver";
import { expect, test } from "@playwright/test";
import { effectiveIou } from "./iou-flow";
import { outbox } from "./helpers";

// Beyond one machine: two app instances behind a round-robin proxy, one PostgreSQL, one S3 store
// (s3rver), one provisioned PKI and the same secrets; each instance has its own data folder, so
// nothing can be shared through a local disk.
const PROXY = 3180;
const INSTANCES = [3181, 3182];

const pgUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `dzq_scale_${crypto.randomBytes(4).toString("hex")}`;
const children: ChildProcess[] = [];
let s3: InstanceType<typeof S3rver> | null = null;
let proxy: http.Server | null = null;
let reachable = true;
const served = new Map<number, number>();

const admin = (sql: string) => pgAdmin(pgUrl, sql);

async function up(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

test.beforeAll(async ({ isMobile }) => {
  test.setTimeout(180_000);
  if (isMobile) return;
  try {
    await admin(`CREATE DATABASE ${dbName}`);
  } catch {
    reachable = false;
    return;
  }
  const databaseUrl = pgUrl.replace(/\/[^/]*$/, `/${dbName}`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dzq-scale-"));
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(root, "s3"), configureBuckets: [{ name: "dzq", configs: [] }] });
  const { port: s3Port } = await s3.run();
  const shared = {
    DATABASE_URL: databaseUrl,
    STORAGE_URL: `s3://dzq/files?endpoint=http://127.0.0.1:${s3Port}&region=us-east-1&pathStyle=1`,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    PKI_DIR: path.join(root, "pki"),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    ID_ENC_KEY: crypto.randomBytes(32).toString("base64"),
    ID_HASH_KEY: crypto.randomBytes(32).toString("base64"),
    PAY_SANDBOX_KEY: crypto.randomBytes(32).toString("base64"),
    APP_URL: `http://127.0.0.1:${PROXY}`,
    LOGIN_IP_HOURLY_CAP: "100000",
    ADMIN_PHONES: "",
  };
  const tsx = path.join("node_modules", ".bin", "tsx");
  // migrations once for the fleet, the PKI provisioned once for both instances
  execFileSync(tsx, ["--conditions=react-server", "prisma/migrate.ts"], { env: { ...process.env, ...shared, DATA_DIR: path.join(root, "migrate") }, stdio: "inherit" });
  execFileSync(tsx, ["--conditions=react-server", "scripts/pki-init.ts"], { env: { ...process.env, ...shared, DATA_DIR: path.join(root, "pki-init") }, stdio: "inherit" });
  for (const port of INSTANCES) {
    const child = spawn("node", ["scripts/serve.mjs"], { env: { ...process.env, ...shared, PORT: String(port), DATA_DIR: path.join(root, `instance-${port}`) }, stdio: ["ignore", "ignore", "inherit"] });
    children.push(child);
  }
  await Promise.all(INSTANCES.map((p) => up(`http://127.0.0.1:${p}/api/ready`)));
  proxy = await roundRobinProxy(PROXY, INSTANCES, (port: number) => served.set(port, (served.get(port) ?? 0) + 1));
});

test.afterAll(async () => {
  proxy?.close();
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
  await s3?.close();
  if (reachable && children.length) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
});

test("@scale a 借条 between two people across two instances on one PostgreSQL and one S3 store", async ({ browser, isMobile }, info) => {
  test.skip(isMobile, "one run is enough: it starts its own servers");
  test.skip(!reachable, `PostgreSQL at ${pgUrl} is not reachable`);
  test.setTimeout(180_000);
  const { lender, borrower, contractUrl } = await effectiveIou(browser, info, ["规模甲", "规模乙"], { baseURL: `http://127.0.0.1:${PROXY}` });
  // both instances answered this flow
  for (const port of INSTANCES) expect(served.get(port) ?? 0).toBeGreaterThan(10);
  const id = contractUrl.split("/").pop()!;
  // signed in once, served by either instance; the signed PDF (stored by whichever instance made the
  // last signature) downloads byte for byte the same from both
  const hashes: string[] = [];
  for (const port of INSTANCES) {
    const me = await lender.page.request.get(`http://127.0.0.1:${port}/folder`);
    expect(await me.text()).toContain("已生效");
    const pdf = await borrower.page.request.get(`http://127.0.0.1:${port}/api/contracts/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    hashes.push(crypto.createHash("sha256").update(await pdf.body()).digest("hex"));
  }
  expect(hashes[0]).toBe(hashes[1]);
  // each message went out once although both instances run the job loops
  const invites = (await outbox(borrower.page.request, borrower.phone)).filter((m) => m.kind === "contract.invite");
  expect(invites).toHaveLength(1);
  expect(invites[0]!.status).toBe("SENT");
  await lender.context.close();
  await borrower.context.close();
});

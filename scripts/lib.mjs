// Small helpers shared by the project scripts (no dependencies beyond Node).
import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** How long one build or test step may run before it counts as hung (STEP_TIMEOUT_MS, default 20 min). */
export function stepTimeoutMs() {
  const n = Number(process.env.STEP_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : 20 * 60_000;
}

/**
 * Runs a finite step (install, migrate, build, a test suite), streaming its output; rejects on a
 * non-zero exit. A step that hangs is killed after `timeoutMs` so CI reports which step hung
 * instead of running out of time. Never use it for a server: see serve().
 */
export function run(cmd, args, { timeoutMs = stepTimeoutMs(), ...opts } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: "inherit",
      cwd: root,
      detached: true,
      ...opts,
      env: { ...process.env, ...opts.env },
    });
    const label = `${path.basename(cmd)} ${args.join(" ")}`;
    const timer = setTimeout(() => {
      console.error(`\n${label}: no result after ${timeoutMs / 1000}s, stopping it`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? code})`));
    });
  });
}

/**
 * Runs a long-lived process (the web server) in the foreground with no time limit. SIGTERM and
 * SIGINT sent to this script are passed on, so the server drains its in-flight requests and
 * stops its job runner; this script then exits with the server's own status.
 */
export function serve(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => {
    // the server exits 0 after a clean drain; a signal that killed it outright is passed on
    process.exit(code ?? (signal === "SIGTERM" || signal === "SIGINT" ? 0 : 1));
  });
  child.on("error", (e) => {
    console.error(e.message);
    process.exit(1);
  });
}

export function step(title) {
  console.log(`\n\x1b[1m▶ ${title}\x1b[0m`);
}

/** Polls a URL until it answers 200 or the time runs out. */
export async function waitForHttp(url, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}

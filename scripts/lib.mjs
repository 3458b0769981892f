// Small helpers shared by the project scripts (no dependencies beyond Node).
import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/**
 * Runs a command, streaming its output; rejects on a non-zero exit. A step that hangs is killed
 * after `timeoutMs` (default 20 min) so CI reports which step hung instead of running out of time.
 */
export function run(cmd, args, { timeoutMs = 20 * 60_000, ...opts } = {}) {
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

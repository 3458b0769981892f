import "server-only";
import { Worker } from "node:worker_threads";
import type { x509 } from "@/lib/server/pki";
import { INSPECT_LIMITS, inspectPdf, type PdfInspection } from "./inspect";
import { log } from "@/lib/server/log";

const TOO_SLOW: PdfInspection = { kind: "too-complex", message: "文件过于复杂，无法在限定时间内完成验证" };

/**
 * A file from anyone (/verify) is inspected in a worker thread with a hard deadline: the request
 * thread stays free for other requests, and a file that would take too long is refused when the
 * thread is terminated. Outside the production bundle (the test runner loads TypeScript, which a
 * bare worker cannot) the same inspection runs inline under its own deadline checks.
 */
export async function inspectUntrusted(pdf: Uint8Array, trust: { root: x509.X509Certificate; seal: x509.X509Certificate; tsaRoots: x509.X509Certificate[] }): Promise<PdfInspection> {
  if (!process.env.NEXT_RUNTIME) return inspectPdf(pdf, trust);
  const worker = new Worker(new URL("./inspect-worker.ts", import.meta.url), {
    workerData: { pdf, rootDer: new Uint8Array(trust.root.rawData), sealDer: new Uint8Array(trust.seal.rawData), tsaRootDers: trust.tsaRoots.map((c) => new Uint8Array(c.rawData)) },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return new Promise<PdfInspection>((resolve) => {
    const deadline = setTimeout(() => {
      void worker.terminate();
      resolve(TOO_SLOW);
    }, INSPECT_LIMITS.deadlineMs + 2_000);
    const done = (r: PdfInspection) => {
      clearTimeout(deadline);
      void worker.terminate();
      resolve(r);
    };
    worker.once("message", (m: { ok: true; result: PdfInspection } | { ok: false; error: string }) => {
      if (!m.ok) log().error({ error: m.error }, "verify: inspection failed");
      done(m.ok ? m.result : TOO_SLOW);
    });
    worker.once("error", (e) => {
      log().error({ err: e }, "verify: inspection worker failed");
      done(TOO_SLOW);
    });
  });
}

// Runs one inspection off the request thread (see inspect-pool.ts): the PDF and the trusted
// certificates come in, the inspection goes back, and the pool kills this thread at its deadline.
import { parentPort, workerData } from "node:worker_threads";
import { x509 } from "@/lib/server/pki";
import { inspectPdf } from "./inspect";

const { pdf, rootDer, sealDer, tsaRootDers } = workerData as { pdf: Uint8Array; rootDer: Uint8Array<ArrayBuffer>; sealDer: Uint8Array<ArrayBuffer>; tsaRootDers: Uint8Array<ArrayBuffer>[] };
inspectPdf(pdf, { root: new x509.X509Certificate(rootDer), seal: new x509.X509Certificate(sealDer), tsaRoots: tsaRootDers.map((d) => new x509.X509Certificate(d)) }).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: String(e) }),
);

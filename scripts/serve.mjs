// The production HTTP server: Next's request handler behind a plain Node server, so the app can
// know the TCP peer of each request (next start passes a client's own X-Forwarded-For through).
// Every request gets `x-peer-address: <token> <address>`, overwriting whatever the client sent;
// the token is made here per process, so a forged header never matches (lib/server/request.ts).
import http from "node:http";
import crypto from "node:crypto";
import next from "next";
import client from "prom-client";
import pino from "pino";
import { AsyncLocalStorage } from "node:async_hooks";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
process.env.PEER_HEADER_TOKEN = crypto.randomBytes(18).toString("base64url");
const token = process.env.PEER_HEADER_TOKEN;

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// request latency by route, into the registry /api/metrics serves (lib/server/metrics)
globalThis.__dzqRegistry ??= new client.Registry();
const latency = new client.Histogram({
  name: "dzq_http_request_duration_seconds",
  help: "HTTP request latency by route",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [globalThis.__dzqRegistry],
});
/** A bounded label: ids, tokens and hashes become ":id", static assets one route, at most three segments. */
function routeOf(url = "/") {
  const path = url.split("?")[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next";
  const parts = path.split("/").filter(Boolean).slice(0, 3).map((s) => (/\d/.test(s) && s.length >= 12 ? ":id" : s.slice(0, 32)));
  return "/" + parts.join("/");
}

// every request runs in a context carrying its id: lib/server/log adds it to each line it writes
const requestContext = (globalThis.__dzqRequestContext ??= new AsyncLocalStorage());
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } });

const server = http.createServer((req, res) => {
  req.headers["x-peer-address"] = `${token} ${req.socket.remoteAddress ?? ""}`;
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && /^[\w.-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  res.setHeader("x-request-id", id);
  const end = latency.startTimer({ method: req.method });
  res.once("finish", () => {
    const route = routeOf(req.url);
    const seconds = end({ route, status: String(res.statusCode) });
    // the route label, never the raw path: links carry invitation tokens
    if (!route.startsWith("/_next")) log.info({ reqId: id, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
  });
  requestContext.run({ id }, () =>
    handle(req, res).catch((e) => {
      log.error({ reqId: id, err: e }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
server.listen(port, hostname, () => console.log(`▲ ready on http://${hostname}:${port}`));

// SIGTERM / SIGINT: stop accepting, let in-flight requests finish (at most 25 s), stop the job
// loops (instrumentation registered them on the same signals), then exit.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: draining`);
  const force = setTimeout(() => process.exit(0), 25_000);
  force.unref();
  server.close(() => {
    app.close?.().catch(() => {}).finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

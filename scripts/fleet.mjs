// Helpers for running several app instances on one machine (bench:http, the @scale e2e).
import http from "node:http";
import pg from "pg";

/** Runs one statement as the server's administrator (CREATE / DROP DATABASE). */
export async function pgAdmin(url, sql) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A round-robin HTTP proxy on loopback in front of `targets` (ports); `onPick` sees each choice. */
export async function roundRobinProxy(port, targets, onPick = () => {}) {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    onPick(target);
    const upstream = http.request({ host: "127.0.0.1", port: target, path: req.url, method: req.method, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return server;
}

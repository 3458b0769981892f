import "server-only";
import pino from "pino";
import type { AsyncLocalStorage } from "node:async_hooks";

/*
 * Structured JSON logs (pino), one line per event, each with the id of the request it belongs to
 * (scripts/serve.mjs runs every request inside an AsyncLocalStorage context and answers with the
 * same X-Request-Id). No personal data: phone numbers are masked, ID numbers, codes, passwords,
 * tokens and cookies are removed wherever they appear under those keys.
 */
type RequestContext = { id: string };
const g = globalThis as unknown as { __dzqRequestContext?: AsyncLocalStorage<RequestContext>; __dzqLog?: pino.Logger };

const SECRET_KEYS = ["idNumber", "code", "password", "token", "inviteToken", "cookie", "authorization", "secret", "body", "sealed", "phone", "to"];
// at the top level and one or two levels down
const REDACT = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
const maskPhones = (s: string) => s.replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, "$1****$2");

export function log(): pino.Logger {
  g.__dzqLog ??= createLogger();
  return g.__dzqLog;
}

/** The logger, writing to `destination` (stdout by default). */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    // a phone (or a message's recipient) stays recognisable but masked; anything else named above is withheld
    redact: { paths: REDACT, censor: (value, path) => (["phone", "to"].includes(path.at(-1) ?? "") && typeof value === "string" ? maskPhones(value) : "[已隐藏]") },
    mixin: () => {
      const id = g.__dzqRequestContext?.getStore()?.id;
      return id ? { reqId: id } : {};
    },
    // messages may quote a phone number: keep the first 3 and last 4 digits only
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? maskPhones(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

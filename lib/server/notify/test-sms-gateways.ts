// Tests: local stand-ins for Tencent Cloud SMS and Aliyun SMS that speak their documented HTTP
// protocols (on 127.0.0.1, a free port). Each checks the request's signature the way the gateway
// does — written here from the providers' signing documentation, independently of their SDKs —
// records what was asked, and answers as the gateway would: a success, an error code, or nothing
// at all (a hang, for timeouts).
import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";

export type FakeMode = "ok" | "error" | "hang";

export type Recorded = {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** null when the signature checks out, else what is wrong with it */
  signatureProblem: string | null;
};

export type FakeGateway = {
  url: string;
  mode: FakeMode;
  requests: Recorded[];
  /** the message ids handed out, in order */
  issued: string[];
  close(): Promise<void>;
};

const sha256hex = (data: string | Buffer) => crypto.createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => crypto.createHmac("sha256", key).update(data, "utf8").digest();

async function serve(handle: (req: Recorded, res: http.ServerResponse, fake: FakeGateway) => void, verify: (r: Omit<Recorded, "signatureProblem">) => string | null): Promise<FakeGateway> {
  const fake: FakeGateway = { url: "", mode: "ok", requests: [], issued: [], close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const base = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      const rec: Recorded = { ...base, signatureProblem: verify(base) };
      fake.requests.push(rec);
      if (fake.mode === "hang") return; // never answers: the caller's timeout must end it
      handle(rec, res, fake);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

// ---------------------------------------------------------------------------------------------
// Tencent Cloud API 3.0, signature v3 (TC3-HMAC-SHA256):
//   CanonicalRequest = Method \n URI \n Query \n CanonicalHeaders \n SignedHeaders \n hex(sha256(payload))
//   StringToSign     = "TC3-HMAC-SHA256" \n X-TC-Timestamp \n <date>/<service>/tc3_request \n hex(sha256(CanonicalRequest))
//   key = HMAC(HMAC(HMAC("TC3"+SecretKey, date), service), "tc3_request"); Signature = hex(HMAC(key, StringToSign))
//   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>
// ---------------------------------------------------------------------------------------------

const TC3 = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([\w.-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export function tencentSignatureProblem(r: Omit<Recorded, "signatureProblem">, secretId: string, secretKey: string): string | null {
  const auth = String(r.headers.authorization ?? "");
  const m = TC3.exec(auth);
  if (!m) return `Authorization is not TC3-HMAC-SHA256: ${auth}`;
  const [, id, date, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  if (id !== secretId) return `wrong SecretId ${id}`;
  const timestamp = String(r.headers["x-tc-timestamp"] ?? "");
  if (!/^\d+$/.test(timestamp)) return "X-TC-Timestamp missing";
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) return "credential date is not the timestamp's UTC date";
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return "timestamp more than 5 minutes off";
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("content-type")) return "content-type and host must be signed";
  const url = new URL(r.url, "http://x");
  const canonicalHeaders = names
    .map((n) => {
      // the SDK signs the host name without the port (Tencent's endpoints never have one)
      const v = n === "host" ? String(r.headers.host ?? "").replace(/:\d+$/, "") : String(r.headers[n] ?? "");
      return `${n}:${v.trim().toLowerCase()}\n`;
    })
    .join("");
  const canonical = [r.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256hex(r.body)].join("\n");
  const stringToSign = ["TC3-HMAC-SHA256", timestamp, `${date}/${service}/tc3_request`, sha256hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
  const expected = crypto.createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
  return expected === signature ? null : "signature does not match";
}

export async function fakeTencentSms(opts: { secretId: string; secretKey: string }): Promise<FakeGateway> {
  let serial = 0;
  return serve(
    (r, res, fake) => {
      const requestId = crypto.randomUUID();
      if (r.signatureProblem) return json(res, 200, { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: r.signatureProblem }, RequestId: requestId } });
      if (r.headers["x-tc-action"] !== "SendSms") return json(res, 200, { Response: { Error: { Code: "InvalidAction", Message: "unknown action" }, RequestId: requestId } });
      const req = JSON.parse(r.body) as { PhoneNumberSet: string[]; SessionContext?: string };
      const phone = req.PhoneNumberSet[0] ?? "";
      if (fake.mode === "error") {
        return json(res, 200, {
          Response: {
            SendStatusSet: [{ SerialNo: "", PhoneNumber: phone, Fee: 0, SessionContext: req.SessionContext ?? "", Code: "LimitExceeded.PhoneNumberDailyLimit", Message: "the number of sms messages sent from a single mobile number every day exceeds the upper limit", IsoCode: "CN" }],
            RequestId: requestId,
          },
        });
      }
      const serialNo = `2645:${String(++serial).padStart(10, "0")}${Date.now()}`;
      fake.issued.push(serialNo);
      json(res, 200, { Response: { SendStatusSet: [{ SerialNo: serialNo, PhoneNumber: phone, Fee: 1, SessionContext: req.SessionContext ?? "", Code: "Ok", Message: "send success", IsoCode: "CN" }], RequestId: requestId } });
    },
    (r) => tencentSignatureProblem(r, opts.secretId, opts.secretKey),
  );
}

// ---------------------------------------------------------------------------------------------
// Alibaba Cloud OpenAPI signature v3 (ACS3-HMAC-SHA256):
//   CanonicalRequest = Method \n URI \n sorted RFC3986 query \n CanonicalHeaders \n SignedHeaders \n x-acs-content-sha256
//   (CanonicalHeaders: host, content-type and every x-acs-* header, lower-cased and sorted)
//   StringToSign = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest)); Signature = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
//   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2…>,Signature=<hex>
// ---------------------------------------------------------------------------------------------

const ACS3 = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/;
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function aliyunSignatureProblem(r: Omit<Recorded, "signatureProblem">, accessKeyId: string, accessKeySecret: string): string | null {
  const auth = String(r.headers.authorization ?? "");
  const m = ACS3.exec(auth);
  if (!m) return `Authorization is not ACS3-HMAC-SHA256: ${auth}`;
  const [, id, signedHeaders, signature] = m as unknown as [string, string, string, string];
  if (id !== accessKeyId) return `wrong AccessKeyId ${id}`;
  const names = signedHeaders.split(";");
  const required = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];
  const missing = required.filter((n) => !names.includes(n));
  if (missing.length) return `not signed: ${missing.join(", ")}`;
  const unsigned = Object.keys(r.headers).filter((n) => n.startsWith("x-acs-") && !names.includes(n));
  if (unsigned.length) return `x-acs-* headers left out of the signature: ${unsigned.join(", ")}`;
  if (String(r.headers["x-acs-content-sha256"]) !== sha256hex(r.body)) return "x-acs-content-sha256 is not the body's hash";
  const date = Date.parse(String(r.headers["x-acs-date"]));
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > 15 * 60_000) return "x-acs-date missing or more than 15 minutes off";
  const url = new URL(r.url, "http://x");
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = names.map((n) => `${n}:${String(r.headers[n] ?? "").trim()}\n`).join("");
  const canonical = [r.method, url.pathname || "/", query, canonicalHeaders, signedHeaders, String(r.headers["x-acs-content-sha256"])].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256hex(canonical)}`;
  const expected = crypto.createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
  return expected === signature ? null : "signature does not match";
}

export async function fakeAliyunSms(opts: { accessKeyId: string; accessKeySecret: string }): Promise<FakeGateway> {
  let n = 0;
  return serve(
    (r, res, fake) => {
      const requestId = crypto.randomUUID().toUpperCase();
      if (r.signatureProblem) return json(res, 400, { Code: "SignatureDoesNotMatch", Message: r.signatureProblem, RequestId: requestId });
      if (r.headers["x-acs-action"] !== "SendSms" || r.headers["x-acs-version"] !== "2017-05-25") return json(res, 404, { Code: "InvalidAction.NotFound", Message: "unknown action", RequestId: requestId });
      if (fake.mode === "error") return json(res, 200, { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发号码天级流控Permits:40", RequestId: requestId });
      const bizId = `${900619746936 + ++n}^0`;
      fake.issued.push(bizId);
      json(res, 200, { Code: "OK", Message: "OK", BizId: bizId, RequestId: requestId });
    },
    (r) => aliyunSignatureProblem(r, opts.accessKeyId, opts.accessKeySecret),
  );
}

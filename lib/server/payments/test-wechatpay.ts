// A local fake of WeChat Pay API v3 for the tests (no internet): node:http on 127.0.0.1:0 with its own
// "platform" RSA key pair (微信支付公钥 mode). It checks each request's Authorization signature with
// the merchant's public key, as WeChat does, keeps orders and refunds, answers signed, and on pay()
// POSTs a signed notification with an AES-256-GCM-encrypted resource to the order's notify_url.
import http from "node:http";
import crypto, { type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { now } from "@/lib/server/clock";
import { encryptResource, newNonce, parseAuthorization, requestMessage, responseMessage, rsaSign, rsaVerify } from "./wechatpay-protocol";

export type FakeRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; authProblem: string | null };
type Channel = "native" | "h5" | "jsapi";
type FakeOrder = { channel: Channel; body: Record<string, unknown>; rawBody: string; state: "NOTPAY" | "SUCCESS" | "CLOSED" | "REFUND"; transactionId: string | null; successTime: string | null };
type FakeRefund = { out_refund_no: string; refund_id: string; transaction_id: string; out_trade_no: string; status: "SUCCESS" | "PROCESSING" | "ABNORMAL"; amount: { refund: number; total: number; currency: string } };

export type Notification = { headers: Record<string, string>; body: string };

export type FakeWechatPay = {
  url: string;
  mchid: string;
  appId: string;
  merchantSerial: string;
  apiV3Key: string;
  platformKeyId: string;
  /** PEMs to configure the app with */
  merchantPrivateKeyPem: string;
  platformPublicKeyPem: string;
  requests: FakeRequest[];
  orders: Map<string, FakeOrder>;
  refunds: Map<string, FakeRefund>;
  /** ok; slow: never answers in time; forged: answers signed with another key; refund-refuse: 申请退款 answers 403 NOT_ENOUGH; refund-processing */
  mode: "ok" | "slow" | "forged" | "refund-refuse" | "refund-processing";
  /** The payer pays: the order becomes SUCCESS; returns the notification WeChat would send (not sent). */
  pay(outTradeNo: string): Notification;
  /** A notification for an order as WeChat would build it, with fields of the decrypted transaction overridden. */
  notification(outTradeNo: string, over?: Record<string, unknown>, opts?: { eventType?: string; at?: Date; signWith?: KeyObject; serial?: string; apiV3Key?: string }): Notification;
  /** POSTs a notification to the order's notify_url, as WeChat does; returns the merchant's HTTP status and answer. */
  deliver(outTradeNo: string, n: Notification): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
};

const json = (res: http.ServerResponse, status: number, body: unknown, sign: (s: string) => Record<string, string>) => {
  const text = body === null ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "request-id": crypto.randomUUID(), ...sign(text) });
  res.end(text);
};

export async function fakeWechatPay(opts: { mchid?: string; appId?: string } = {}): Promise<FakeWechatPay> {
  const merchant = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const platform = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const mchid = opts.mchid ?? "1900009191";
  const appId = opts.appId ?? "wx8888888888888888";
  const merchantSerial = crypto.randomBytes(20).toString("hex").toUpperCase();
  const apiV3Key = crypto.randomBytes(16).toString("hex"); // 32 ASCII characters = 32 bytes
  const platformKeyId = `PUB_KEY_ID_0119${crypto.randomInt(10 ** 9, 10 ** 10)}`;
  const requests: FakeRequest[] = [];
  const orders = new Map<string, FakeOrder>();
  const refunds = new Map<string, FakeRefund>();
  let notifySeq = 0;

  const signHeaders = (key: KeyObject, serial: string, at = now()) => (body: string) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    const nonce = newNonce();
    return { "wechatpay-timestamp": ts, "wechatpay-nonce": nonce, "wechatpay-signature": rsaSign(responseMessage(ts, nonce, body), key), "wechatpay-serial": serial, "wechatpay-signature-type": "WECHATPAY2-SHA256-RSA2048" };
  };

  const authProblem = (method: string, path: string, headers: http.IncomingHttpHeaders, body: string): string | null => {
    const auth = parseAuthorization(String(headers.authorization ?? ""));
    if (!auth) return "no WECHATPAY2-SHA256-RSA2048 Authorization";
    if (auth.mchid !== mchid) return "mchid does not match";
    if (auth.serial_no !== merchantSerial) return "serial_no is not the merchant certificate's";
    if (Math.abs(now().getTime() / 1000 - Number(auth.timestamp)) > 300) return "timestamp too far from now";
    if (!rsaVerify(requestMessage(method, path, auth.timestamp, auth.nonce_str, body), auth.signature, merchant.publicKey)) return "signature does not verify with the merchant public key";
    return null;
  };

  const transaction = (no: string, o: FakeOrder) => ({
    appid: o.body.appid,
    mchid: o.body.mchid,
    out_trade_no: no,
    transaction_id: o.transactionId ?? undefined,
    trade_type: o.channel === "h5" ? "MWEB" : o.channel.toUpperCase(),
    trade_state: o.state,
    trade_state_desc: o.state === "SUCCESS" ? "支付成功" : o.state === "NOTPAY" ? "未支付" : o.state === "CLOSED" ? "已关闭" : "转入退款",
    bank_type: o.state === "NOTPAY" ? undefined : "OTHERS",
    success_time: o.successTime ?? undefined,
    payer: { openid: (o.body.payer as { openid?: string } | undefined)?.openid ?? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    amount: o.state === "NOTPAY" ? { total: (o.body.amount as { total: number }).total, currency: "CNY" } : { total: (o.body.amount as { total: number }).total, payer_total: (o.body.amount as { total: number }).total, currency: "CNY", payer_currency: "CNY" },
  });

  const fake: FakeWechatPay = {
    url: "",
    mchid,
    appId,
    merchantSerial,
    apiV3Key,
    platformKeyId,
    merchantPrivateKeyPem: merchant.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    platformPublicKeyPem: platform.publicKey.export({ type: "spki", format: "pem" }).toString(),
    requests,
    orders,
    refunds,
    mode: "ok",
    pay(no) {
      const o = orders.get(no);
      if (!o) throw new Error(`fake: no order ${no}`);
      o.state = "SUCCESS";
      o.transactionId ??= `4200${String(crypto.randomInt(10 ** 9, 10 ** 10))}${String(crypto.randomInt(10 ** 9, 10 ** 10))}`;
      o.successTime ??= new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 19) + "+08:00";
      return fake.notification(no);
    },
    notification(no, over = {}, o2 = {}) {
      const o = orders.get(no);
      if (!o) throw new Error(`fake: no order ${no}`);
      const plain = JSON.stringify({ ...transaction(no, o), ...over });
      const nonce = crypto.randomBytes(6).toString("hex"); // 12 characters, as WeChat's
      const at = o2.at ?? now();
      const body = JSON.stringify({
        id: `EV-2026${String(++notifySeq).padStart(12, "0")}`,
        create_time: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + "+08:00",
        resource_type: "encrypt-resource",
        event_type: o2.eventType ?? "TRANSACTION.SUCCESS",
        summary: "支付成功",
        resource: { original_type: "transaction", algorithm: "AEAD_AES_256_GCM", ciphertext: encryptResource(plain, o2.apiV3Key ?? apiV3Key, nonce, "transaction"), associated_data: "transaction", nonce },
      });
      return { body, headers: { "content-type": "application/json", ...signHeaders(o2.signWith ?? platform.privateKey, o2.serial ?? platformKeyId, at)(body) } };
    },
    async deliver(no, n) {
      const o = orders.get(no);
      if (!o) throw new Error(`fake: no order ${no}`);
      const res = await fetch(String(o.body.notify_url), { method: "POST", headers: n.headers, body: n.body, signal: AbortSignal.timeout(10_000) });
      return { status: res.status, body: await res.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // a "slow" request is still open
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      const method = req.method ?? "GET";
      const url = new URL(path, "http://fake");
      // 网页授权: not signed, a secret in the query
      if (url.pathname === "/sns/oauth2/access_token") {
        requests.push({ method, path, headers: req.headers, body, authProblem: null });
        const ok = url.searchParams.get("appid") === appId && url.searchParams.get("secret") === "app-secret-for-tests" && url.searchParams.get("code")?.startsWith("code-");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(ok ? { access_token: "at", expires_in: 7200, refresh_token: "rt", openid: `openid-${url.searchParams.get("code")!.slice(5)}`, scope: "snsapi_base" } : { errcode: 40029, errmsg: "invalid code" }));
        return;
      }
      const problem = authProblem(method, path, req.headers, body);
      requests.push({ method, path, headers: req.headers, body, authProblem: problem });
      if (fake.mode === "slow") return; // never answers: the client's timeout must end it
      const sign = fake.mode === "forged" ? signHeaders(stranger.privateKey, platformKeyId) : signHeaders(platform.privateKey, platformKeyId);
      if (problem) return json(res, 401, { code: "SIGN_ERROR", message: `签名错误：${problem}` }, sign);
      let m: RegExpMatchArray | null;
      if (method === "POST" && (m = url.pathname.match(/^\/v3\/pay\/transactions\/(native|h5|jsapi)$/))) {
        const channel = m[1] as Channel;
        const b = JSON.parse(body) as Record<string, unknown>;
        const amount = b.amount as { total?: unknown; currency?: unknown } | undefined;
        if (b.mchid !== mchid || b.appid !== appId) return json(res, 400, { code: "PARAM_ERROR", message: "mchid与appid不匹配" }, sign);
        if (!Number.isInteger(amount?.total) || (amount!.total as number) <= 0 || amount?.currency !== "CNY") return json(res, 400, { code: "PARAM_ERROR", message: "amount错误" }, sign);
        if (typeof b.time_expire !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(b.time_expire)) return json(res, 400, { code: "PARAM_ERROR", message: "time_expire格式错误" }, sign);
        if (typeof b.notify_url !== "string" || !/^https?:\/\//.test(b.notify_url)) return json(res, 400, { code: "PARAM_ERROR", message: "notify_url格式错误" }, sign);
        if (channel === "h5" && !(b.scene_info as { payer_client_ip?: string; h5_info?: { type?: string } } | undefined)?.h5_info?.type) return json(res, 400, { code: "PARAM_ERROR", message: "缺少scene_info.h5_info" }, sign);
        if (channel === "jsapi" && !(b.payer as { openid?: string } | undefined)?.openid) return json(res, 400, { code: "PARAM_ERROR", message: "缺少payer.openid" }, sign);
        const no = String(b.out_trade_no);
        const prev = orders.get(no);
        if (prev && (prev.channel !== channel || prev.rawBody !== body)) return json(res, 400, { code: "INVALID_REQUEST", message: "201 商户订单号重复" }, sign);
        if (prev && prev.state !== "NOTPAY") return json(res, 400, { code: prev.state === "CLOSED" ? "ORDER_CLOSED" : "ORDERPAID", message: "订单状态不允许下单" }, sign);
        orders.set(no, prev ?? { channel, body: b, rawBody: body, state: "NOTPAY", transactionId: null, successTime: null });
        const prepay = `wx${Date.now()}${crypto.randomBytes(8).toString("hex")}`;
        if (channel === "native") return json(res, 200, { code_url: `weixin://wxpay/bizpayurl?pr=${crypto.randomBytes(5).toString("hex")}` }, sign);
        if (channel === "h5") return json(res, 200, { h5_url: `https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=${prepay}&package=${crypto.randomInt(10 ** 9)}` }, sign);
        return json(res, 200, { prepay_id: prepay }, sign);
      }
      if (method === "GET" && (m = url.pathname.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/))) {
        const no = decodeURIComponent(m[1]!);
        if (url.searchParams.get("mchid") !== mchid) return json(res, 400, { code: "PARAM_ERROR", message: "mchid错误" }, sign);
        const o = orders.get(no);
        if (!o) return json(res, 404, { code: "ORDER_NOT_EXIST", message: "订单不存在" }, sign);
        return json(res, 200, transaction(no, o), sign);
      }
      if (method === "POST" && (m = url.pathname.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/))) {
        const o = orders.get(decodeURIComponent(m[1]!));
        if ((JSON.parse(body || "{}") as { mchid?: string }).mchid !== mchid) return json(res, 400, { code: "PARAM_ERROR", message: "mchid错误" }, sign);
        if (!o) return json(res, 404, { code: "ORDER_NOT_EXIST", message: "订单不存在" }, sign);
        if (o.state === "SUCCESS" || o.state === "REFUND") return json(res, 400, { code: "ORDERPAID", message: "订单已支付" }, sign);
        o.state = "CLOSED";
        return json(res, 204, null, sign);
      }
      if (method === "POST" && url.pathname === "/v3/refund/domestic/refunds") {
        const b = JSON.parse(body) as { transaction_id?: string; out_refund_no?: string; amount?: { refund?: number; total?: number; currency?: string } };
        const entry = [...orders.entries()].find(([, o]) => o.transactionId && o.transactionId === b.transaction_id);
        if (!entry) return json(res, 404, { code: "RESOURCE_NOT_EXISTS", message: "订单不存在" }, sign);
        const [no, o] = entry;
        const total = (o.body.amount as { total: number }).total;
        if (b.amount?.total !== total || !Number.isInteger(b.amount?.refund) || b.amount!.refund! > total || b.amount?.currency !== "CNY") return json(res, 400, { code: "PARAM_ERROR", message: "退款金额错误" }, sign);
        if (fake.mode === "refund-refuse") return json(res, 403, { code: "NOT_ENOUGH", message: "基本账户余额不足，请充值后重新发起" }, sign);
        const existing = refunds.get(String(b.out_refund_no));
        if (existing) return json(res, 200, existing, sign);
        const r: FakeRefund = { out_refund_no: String(b.out_refund_no), refund_id: `5030${crypto.randomInt(10 ** 9, 10 ** 10)}`, transaction_id: o.transactionId!, out_trade_no: no, status: fake.mode === "refund-processing" ? "PROCESSING" : "SUCCESS", amount: { refund: b.amount!.refund!, total, currency: "CNY" } };
        refunds.set(r.out_refund_no, r);
        o.state = "REFUND";
        return json(res, 200, r, sign);
      }
      if (method === "GET" && (m = url.pathname.match(/^\/v3\/refund\/domestic\/refunds\/([^/]+)$/))) {
        const r = refunds.get(decodeURIComponent(m[1]!));
        if (!r) return json(res, 404, { code: "RESOURCE_NOT_EXISTS", message: "退款单不存在" }, sign);
        return json(res, 200, r, sign);
      }
      return json(res, 404, { code: "NOT_FOUND", message: "unknown endpoint" }, sign);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

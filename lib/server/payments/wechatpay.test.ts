import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now, setClockOffset } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { person } from "@/lib/server/contracts/test-kit";
import { POST as notifyRoute } from "@/app/api/payments/notify/route";
import { GatewayError, jsapiOAuthHandle, orderCheckout, orderCreate, orderRefundStart, paymentConfigProblems, paymentGateway, type StoredPayStep } from "./index";
import { ORDER_TTL_MS, QUERY_FIRST_AFTER_MS } from "./orders";
import { authorization, beijingRfc3339, decryptResource, encryptResource, jsapiPayRequest, parseAuthorization, requestMessage, responseMessage, rsaSign, rsaVerify } from "./wechatpay-protocol";
import { fakeWechatPay, type FakeWechatPay } from "./test-wechatpay";

// WeChat Pay API v3 without the internet: first the worked examples WeChat Pay's documentation
// publishes, reproduced byte for byte; then the whole flow against a local fake of its API that
// checks our signatures with the merchant public key and signs its answers and notifications with
// its own "platform" key — create (Native, H5, JSAPI) → pay → notification → order paid once;
// refusals; a timeout; the query job; close; refunds.

// ———————————————————————————————————————————— documented examples

/** The test key of 「JSAPI调起支付签名」/「生成请求签名」(pay.weixin.qq.com/doc/v3/merchant/4012365339, 4012365336), as PKCS#8. */
const DOC_TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCm2mb6q8gMKH/3
CNTbpJAIrbqiBiQGEOtjGcBrDYltsGynWgNscqT7WvfzU14FQbYcQUC5T4Wvva7m
i3fIp3OgX8VqMDNA0qebnr38Pe6kqiLyZgFpJPXlSKDyPyqhRbVTbXssvSMQeVKc
dXeVxoNNeoOlNFHgF/P0io6AmAVnz+hN8SiZKuOsth5/zUTLGvtkgxBcQooQrtXh
RcpLT798OyIb9xeJ2HO3xRtMv2+perEzb4gMibI74UBz+2QEbnkubPE+2jU2rRZu
dnNEz/BPOt3Qj/w2V6/G0VumGDh6+UeMU0jv4aupHztWITC4Akn0l7lBCNy3lgl8
VFaJnkIxAgMBAAECggEAYGL8aESB7NwciDWW2UdoWUsa7GxFtSdjAz2mFXGdeTsY
mVh7b9OOkRGM+Qio4LqEHDBp1mMk5E/cUJwy1zw8pGGO5nfvs7u9TT3XnHaefIs4
YvUgTYAneIuLRkXNN5rQU+CD7mVYczTSz0Vgjqo9wa1LjUz7G0xbBmJgTdMEFGJs
eJjy6AbJo0CGIwp6HJbTm4CmOUgXnnDAIbEGTIRImkZFH/rzneIeR7oZ77FVwxr1
CZB2gfRCov/yRPbw8vnryYkmvQ7D/ze3j5097vRg/MoDGBSdoOwcmo75vyofr0AS
zytMjmHYyifqkf5slPropSiJeGf4p/7gtKyF6dE/XQKBgQDVAlJ+4U5ZVGOuDc3+
sAhz8CTzgFNlq9vKuSoFK6hOz2L+cwj+E7NXGkOe2DsHHZNy2Xqxk7caKhPEp1z9
hhpMpyLVMoFt6CKemyoRBWDCQwLLwem9SZF/IAyovBkLiH36P42Jm26gUkNMKC/5
Zhtqxf6RZgRQzbVudJi47vIRCwKBgQDIh0+v27Oo+DM3fhObH4I1NrXpWOEGH7OQ
G1dEsMuFYF4hjGhg0kBEP3w9vVdl2+mRllZKTsx9oqjb8OibPLLIH8xsdbAB0WLf
JvjLu4wl/ILUzN1RI03dWnnv2EnEeQn6c3hizvrJ9wR5U4ue9RPVnQooJ0hZF1PU
uCL5fWK3MwKBgElReU/PAYbh80WP3t3Rfbdaa32dKBeQ5iCLR5lsA4zM+YgX1HqQ
EWTj126vgvHaDkyz6vWAoL/Sx+cirHFfXWIRDX5Q2hgYlQH+6qXdMgbrxeSYpHnQ
/tHBGFpkFELSAnrGsVMyOwvYBO4LzyeLK9i+ufcWJFoj1FVmsMLHDG8tAoGARdbi
iQQCoYG4DMarO2aQ6cmhN6EN1h0qY7EyBqlwaIZ0okiNfdMcMOjPc41DKCWcRmlO
qlihXcxN9TQFPzO3rH1urAOdBjUPs1qWYhZyrDQyuLyVBBJApyxAtajloDjrob+f
mQIvVDHk7ACN6xG+E7K6+9salnTKbJapD618uQMCgYBNy6XUvzLkP/A1U/UZdtcx
l8GwU/dturLxz4CyGbqDw4ubaYY2e13lnqHUqQgPtiSyH51nq3tdo8G0YAJdfkSv
KvnfslW91fyEBUKnkdW1o3/1UFU/wprZ7ixVL/F42A4xDu7OFE8EnweJOZ0jWceE
OdhCkaIGBCfRnlECRK8UyQ==
-----END PRIVATE KEY-----`;

/** 微信支付公钥 of 「如何使用微信支付公钥验签」(pay.weixin.qq.com/docs/merchant/development/interface-rules/build-verify-sign-src.html). */
const DOC_PLATFORM_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwXNI6sdlknHBnK8Fu2U6
Cwor9qY747jP8KAfeBMeveEt1TqaHkLfaSD07trZLhGpfs8/AHqjhgSMO1O10YQW
OrrJ4hjIWPKqxbgrYMkBQc+mwdiWp4W3ByCqxBRagCveCXRWCmuJYovl9H/bsDI0
iGbpVtEOghJtfciisYSgxcLufUDTRkvwxjIBK1pCRjk33jJ5YTBWTHMRtMAOcFLN
F6hdEYdX8SPsgHHeLZ5Lv2T/686w1xtgCHef/sd4uSfWmyzsalQdHG/e4IyYmrhx
+O3VBoNDzE3nx23bFeV/RVNCG7cV6VhmYokJNHa/erIPkEmEFID6A5wQOXuxUkmJ
WwIDAQAB
-----END PUBLIC KEY-----`;

const DOC_TS = "1554208460";
const DOC_NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242";
const DOC_JSAPI_BODY =
  '{"appid":"wxd678efh567hg6787","mchid":"1900007291","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}';
const DOC_JSAPI_SIGNATURE =
  "jnks4dlrPw3ZX+ozVvSK39oa0t7OMBsg83BHAwd8BRdUFiVaQNTLTvci+wURgP1OQBbKYhFGvt7iqYpDSTQkp7Uq1sltaQKyncCyrA1g88m5bsKERQfPyT0ahSwKTYJ1CAn9QiJuSJRq1QsQs07eehbU/k9BCS51jTyc1Jpsi2H77HF9f/BnjXAOP3/sPObg6V5Ee4EzwLox684hhuMuIwHo7D8KFk3LIHOKDcNI4It1aCXydFWNpNK+SG86VUDe5kwoDpw4Ulqfu9z8OFDGbDs9TCxEv8iqQzbpxOlEVoOe2kalSYM5kApQb3nZcxdUtoE0liJGW3RGUNE0t4v01A==";

describe("WeChat Pay v3: the documentation's worked examples, byte for byte", () => {
  it("签名生成: the request message of GET /v3/certificates is the five documented lines, the last one empty", () => {
    expect(requestMessage("GET", "/v3/certificates", DOC_TS, DOC_NONCE, "")).toBe("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
    // the query string is part of the signed URL (查询订单 signs ?mchid=…)
    expect(requestMessage("get", "/v3/pay/transactions/out-trade-no/DD1?mchid=1900007291", DOC_TS, DOC_NONCE, "")).toBe("GET\n/v3/pay/transactions/out-trade-no/DD1?mchid=1900007291\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
  });

  it("生成请求签名: JSAPI 下单 with the test key gives the documented signature and Authorization header", () => {
    const signature = rsaSign(requestMessage("POST", "/v3/pay/transactions/jsapi", DOC_TS, DOC_NONCE, DOC_JSAPI_BODY), DOC_TEST_KEY);
    expect(signature).toBe(DOC_JSAPI_SIGNATURE);
    const header = authorization({ mchid: "1900007291", serialNo: "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB", nonce: DOC_NONCE, timestamp: DOC_TS, signature });
    expect(header).toBe(`WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="${DOC_NONCE}",signature="${DOC_JSAPI_SIGNATURE}",timestamp="1554208460",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"`);
    expect(parseAuthorization(header)).toEqual({ mchid: "1900007291", nonce_str: DOC_NONCE, signature: DOC_JSAPI_SIGNATURE, timestamp: DOC_TS, serial_no: "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB" });
  });

  it("JSAPI调起支付签名: the documented paySign for appId, timeStamp, nonceStr and package", () => {
    expect(jsapiPayRequest({ appId: "wx2421b1c4370ec43b", prepayId: "wx201410272009395522657a690389285100", privateKey: DOC_TEST_KEY, timestamp: DOC_TS, nonce: DOC_NONCE })).toEqual({
      appId: "wx2421b1c4370ec43b",
      timeStamp: "1554208460",
      nonceStr: DOC_NONCE,
      package: "prepay_id=wx201410272009395522657a690389285100",
      signType: "RSA",
      paySign:
        "mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==",
    });
  });

  it("微信支付公钥验签: the documented Native 下单 answer verifies; one changed byte does not", () => {
    const body = '{"code_url":"weixin://wxpay/bizpayurl?pr=JyC91EIz1"}';
    const sig =
      "mfI1CPqvBrgcXfgXMFjdNIhBf27ACE2YyeWsWV9ZI7T7RU0vHvbQpu9Z32ogzc+k8ZC5n3kz7h70eWKjgqNdKQF0eRp8mVKlmfzMLBVHbssB9jEZEDXThOX1XFqX7s7ymia1hoHQxQagPGzkdWxtlZPZ4ZPvr1RiqkgAu6Is8MZgXXrRoBKqjmSdrP1N7uxzJ/cjfSiis9FiLjuADoqmQ1P7p2N876YPAol7Rn0+GswwAwxldbdLrmVSjfytfSBJFqTMHn4itojgxSWWN1byuckQt8hSTEv/Lg97QoeGniYP17T80pJeQyL3b+295FPHSO2AtvCgyIbKMZ0BALilAA==";
    expect(responseMessage("1722850421", "d824f2e086d3c1df967785d13fcd22ef", body)).toBe(`1722850421\nd824f2e086d3c1df967785d13fcd22ef\n${body}\n`);
    expect(rsaVerify(responseMessage("1722850421", "d824f2e086d3c1df967785d13fcd22ef", body), sig, DOC_PLATFORM_PUBLIC_KEY)).toBe(true);
    expect(rsaVerify(responseMessage("1722850421", "d824f2e086d3c1df967785d13fcd22ef", body.replace("JyC91EIz1", "JyC91EIz2")), sig, DOC_PLATFORM_PUBLIC_KEY)).toBe(false);
    expect(rsaVerify(responseMessage("1722850422", "d824f2e086d3c1df967785d13fcd22ef", body), sig, DOC_PLATFORM_PUBLIC_KEY)).toBe(false);
    // an empty body (204) still ends its line
    expect(responseMessage("1", "n", "")).toBe("1\nn\n\n");
  });

  it("证书和回调报文解密: AEAD_AES_256_GCM as documented (key, 12-byte nonce, associated_data; base64 of ciphertext ‖ tag), against a vector made by another implementation", () => {
    // made with Python's cryptography AESGCM from the 支付通知 documentation's decrypted sample
    const key = "0123456789ABCDEFGHIJabcdefghij98";
    const resource = {
      original_type: "transaction",
      algorithm: "AEAD_AES_256_GCM",
      associated_data: "transaction",
      nonce: "fdasflkja484",
      ciphertext:
        "Jmd8miUIF2QHgcpS/w6ykG1u01ZTnm3OycJw01ynXoZ55qlME27AWGGBKrzUF7bmgV2IcoeanP7VDJd+vWGfjKdrgHtYYTAunDVbFnSz8nfCBrzGBOdYhJcVLxVOlBSbKI07CrWUWkVuyVJ4daKowHjjzOx1NY8YJcAyDQg5z5QFKzTVKTBNjfgeXkZeEYgPgQ1ODullUFQofTY+F6CEnExCNB0l4gAm1ayRVA1QoHFSX2r7+VpPePgrGz7zQoCCga3tCxZBh30sYrKu4P7Wh0dUFAFQ1mQv7A2hEkiBipw9DSQalmFBhQnWMK/aLOZz6rmA0As+v9p/hsOELc6dETGfe4463XU1IfoNyiix9FUtAMMz71LIxVyS+mIAw5cReJKvpVegWYnwRJlW2pun8YX3lGb9KLir1dCekR0NgqP89r3JHyn4alNVmpLY2+qVszQhyA8kxrAXBzoFWUweasBDpjMR6RblqosSv86DuCIKKQfzFGoselm6V2J/uApua+Hl79MQ5Xb+5+fm3EnnK4bMioStxyecNu0N+ruSweAl8ES5cDsdxygAUXZQPCm3",
    };
    const plain =
      '{"mchid":"1900009191","appid":"wxd678efh567hg6787","out_trade_no":"1217752501201407033233368018","transaction_id":"1217752501201407033233368018","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC","success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}';
    expect(decryptResource(resource, key)).toBe(plain);
    expect(encryptResource(plain, key, "fdasflkja484", "transaction")).toBe(resource.ciphertext);
    // one flipped bit, another associated_data or another key: the tag refuses
    const bytes = Buffer.from(resource.ciphertext, "base64");
    bytes[10]! ^= 1;
    expect(() => decryptResource({ ...resource, ciphertext: bytes.toString("base64") }, key)).toThrow();
    expect(() => decryptResource({ ...resource, associated_data: "certificate" }, key)).toThrow();
    expect(() => decryptResource(resource, "0123456789ABCDEFGHIJabcdefghij99")).toThrow();
  });

  it("time_expire is RFC 3339 in Beijing time", () => {
    expect(beijingRfc3339(new Date("2026-12-07T02:34:56.789Z"))).toBe("2026-12-07T10:34:56+08:00");
    expect(beijingRfc3339(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01T00:00:00+08:00");
  });
});

// ———————————————————————————————————————————— against the local fake

const UA_DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const UA_PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const UA_WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";
const PAYMENT_ENV = ["PAY_GATEWAY", "WECHATPAY_MCHID", "WECHATPAY_APPID", "WECHATPAY_SERIAL_NO", "WECHATPAY_PRIVATE_KEY", "WECHATPAY_APIV3_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY_ID", "WECHATPAY_BASE_URL", "WECHATPAY_NOTIFY_URL", "WECHATPAY_TIMEOUT_MS", "WECHATPAY_APP_SECRET", "WECHATPAY_OAUTH_BASE_URL"];

let fake: FakeWechatPay;
let merchant: http.Server;
let notifyUrl = "";

function configure(env: Record<string, string>) {
  for (const k of PAYMENT_ENV) delete process.env[k];
  Object.assign(process.env, env);
}

const wechat = (more: Record<string, string> = {}) =>
  configure({
    PAY_GATEWAY: "wechatpay",
    WECHATPAY_MCHID: fake.mchid,
    WECHATPAY_APPID: fake.appId,
    WECHATPAY_SERIAL_NO: fake.merchantSerial,
    WECHATPAY_PRIVATE_KEY: fake.merchantPrivateKeyPem,
    WECHATPAY_APIV3_KEY: fake.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEY: fake.platformPublicKeyPem,
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: fake.platformKeyId,
    WECHATPAY_BASE_URL: fake.url,
    WECHATPAY_NOTIFY_URL: notifyUrl,
    WECHATPAY_TIMEOUT_MS: "1500",
    WECHATPAY_APP_SECRET: "app-secret-for-tests",
    WECHATPAY_OAUTH_BASE_URL: fake.url,
    ...more,
  });

beforeAll(async () => {
  fake = await fakeWechatPay();
  // our notify route behind a real HTTP listener, so the fake POSTs to it as WeChat would
  merchant = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const r = await notifyRoute(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
      res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json" });
      res.end(await r.text());
    });
  });
  await new Promise<void>((resolve) => merchant.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/api/payments/notify`;
});
afterAll(async () => {
  configure({});
  await fake?.close();
  await new Promise<void>((resolve) => merchant.close(() => resolve()));
});
afterEach(() => {
  setClockOffset(0);
  fake.mode = "ok";
  configure({});
});

async function cardOrder(u: User, client: { userAgent: string; ip?: string }) {
  const res = await orderCreate(u, { purpose: "SAVER_CARD", expectedTotalFen: 1990 }, { ip: "203.0.113.7", ...client });
  if (!res.ok || !res.data.payUrl) throw new Error(JSON.stringify(res));
  const order = await db().order.findUniqueOrThrow({ where: { id: res.data.orderId } });
  return { order, payUrl: res.data.payUrl, pay: order.payStep as unknown as StoredPayStep | null };
}
const lastRequest = (pathStart: string) => [...fake.requests].reverse().find((r) => r.path.startsWith(pathStart))!;
const outcomesOf = async (orderNumber: string) => {
  const rows = await db().paymentNotice.groupBy({ by: ["outcome"], where: { orderNumber }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.outcome, r._count]));
};
const orderOf = (id: string) => db().order.findUniqueOrThrow({ where: { id } });

describe("WeChat Pay v3 against a local fake of its API", () => {
  it("Native on a desktop: a signed 下单 with our order's facts, a QR code on our pay page; paying notifies and settles the order once, and a replay changes nothing", async () => {
    wechat();
    const u = await person("微信甲");
    const { order, payUrl, pay } = await cardOrder(u, { userAgent: UA_DESKTOP });
    expect(payUrl).toBe(`/orders/${order.id}/pay`);
    expect(pay).toMatchObject({ channel: "native", payerIp: null, step: { kind: "qr", codeUrl: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/) } });

    const req = lastRequest("/v3/pay/transactions/native");
    expect(req.authProblem).toBeNull(); // the fake verified our Authorization with the merchant public key
    expect(req.headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="[0-9A-F]{32}",signature="[A-Za-z0-9+/=]{344}",timestamp="\d{10}",serial_no="[0-9A-F]{40}"$/);
    expect(req.headers["wechatpay-serial"]).toBe(fake.platformKeyId);
    expect(JSON.parse(req.body)).toEqual({
      appid: fake.appId,
      mchid: fake.mchid,
      description: "省钱月卡",
      out_trade_no: order.number,
      time_expire: beijingRfc3339(order.expiresAt),
      notify_url: notifyUrl,
      amount: { total: 1990, currency: "CNY" },
    });

    const notice = fake.pay(order.number);
    const first = await fake.deliver(order.number, notice);
    expect(first).toEqual({ status: 200, body: JSON.stringify({ code: "SUCCESS", message: "成功" }) });
    const paid = await orderOf(order.id);
    const txn = fake.orders.get(order.number)!;
    expect(paid).toMatchObject({ status: "PAID", gatewayTxn: txn.transactionId });
    expect(paid.paidAt!.getTime()).toBe(new Date(txn.successTime!).getTime());
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(1);

    // WeChat re-sends until acknowledged; a replayed (or concurrent) notice pays nothing more
    const again = await Promise.all([1, 2, 3].map(() => fake.deliver(order.number, notice)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(1);
    expect(await outcomesOf(order.number)).toEqual({ PAID: 1, DUPLICATE: 3 });
  });

  it("H5 on a phone browser: scene_info carries the payer's address, the cashier URL returns to the order; 重新支付 asks again with the same parameters", async () => {
    wechat();
    const u = await person("微信乙");
    const { order, pay } = await cardOrder(u, { userAgent: UA_PHONE, ip: "198.51.100.23" });
    const req = lastRequest("/v3/pay/transactions/h5");
    expect(req.authProblem).toBeNull();
    expect(JSON.parse(req.body)).toMatchObject({ out_trade_no: order.number, amount: { total: 1990, currency: "CNY" }, scene_info: { payer_client_ip: "198.51.100.23", h5_info: { type: "Wap" } } });
    expect(pay?.channel).toBe("h5");
    const url = new URL((pay!.step as { url: string }).url);
    expect(url.origin).toBe("https://wx.tenpay.com");
    expect(url.searchParams.get("redirect_url")).toBe(`${process.env.APP_URL ?? "http://localhost:3000"}/orders/${order.id}`);

    // 重新支付 later from another network: the fake refuses a different body for the same out_trade_no, so it must be identical
    expect(await orderCheckout(await orderOf(order.id), { userAgent: UA_PHONE, ip: "192.0.2.99" })).toBe(`/orders/${order.id}/pay`);
    expect(fake.requests.filter((r) => r.path === "/v3/pay/transactions/h5" && JSON.parse(r.body).out_trade_no === order.number).map((r) => r.body)).toEqual([req.body, req.body]);

    await fake.deliver(order.number, fake.pay(order.number));
    expect((await orderOf(order.id)).status).toBe("PAID");
  });

  it("a phone whose address is unknown gets the QR code (H5 cannot be asked without it)", async () => {
    wechat();
    const u = await person("微信丙");
    const { pay } = await cardOrder(u, { userAgent: UA_PHONE, ip: "unknown" });
    expect(pay).toMatchObject({ channel: "native", step: { kind: "qr" } });
  });

  it("JSAPI inside WeChat: 网页授权 learns the openid on the server, then a signed JSAPI request for WeixinJSBridge", async () => {
    wechat();
    const u = await person("微信丁");
    const res = await orderCreate(u, { purpose: "SAVER_CARD", expectedTotalFen: 1990 }, { userAgent: UA_WECHAT, ip: "203.0.113.9" });
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(res.data.payUrl).toBe(`/api/payments/wechat/oauth?order=${res.data.orderId}`);
    const order = await orderOf(res.data.orderId);
    expect(fake.orders.has(order.number)).toBe(false); // nothing is created before the openid is known

    const start = await jsapiOAuthHandle(u, new URL(`http://localhost${res.data.payUrl}`), { userAgent: UA_WECHAT, ip: "203.0.113.9" });
    if (!("redirect" in start)) throw new Error(JSON.stringify(start));
    const authorize = new URL(start.redirect);
    expect(`${authorize.origin}${authorize.pathname}`).toBe("https://open.weixin.qq.com/connect/oauth2/authorize");
    expect(authorize.hash).toBe("#wechat_redirect");
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ appid: fake.appId, response_type: "code", scope: "snsapi_base", redirect_uri: expect.stringContaining(`/api/payments/wechat/oauth?order=${order.id}`) });
    const state = authorize.searchParams.get("state")!;

    // WeChat comes back with a code; a forged state, or another user, gets nowhere
    const back = (s: string) => new URL(`http://localhost/api/payments/wechat/oauth?order=${order.id}&code=code-abc123&state=${s}`);
    expect(await jsapiOAuthHandle(u, back("0".repeat(32)), { userAgent: UA_WECHAT })).toMatchObject({ status: 400 });
    expect(await jsapiOAuthHandle(await person("微信戊"), back(state), { userAgent: UA_WECHAT })).toMatchObject({ status: 404 });
    expect(await jsapiOAuthHandle(u, back(state), { userAgent: UA_WECHAT, ip: "203.0.113.9" })).toEqual({ redirect: `/orders/${order.id}/pay` });

    const req = lastRequest("/v3/pay/transactions/jsapi");
    expect(req.authProblem).toBeNull();
    expect(JSON.parse(req.body).payer).toEqual({ openid: "openid-abc123" });
    const pay = (await orderOf(order.id)).payStep as unknown as StoredPayStep;
    expect(pay.channel).toBe("jsapi");
    if (pay.step.kind !== "jsapi") throw new Error("not jsapi");
    const r = pay.step.request;
    expect(r).toMatchObject({ appId: fake.appId, signType: "RSA", package: expect.stringMatching(/^prepay_id=wx/) });
    const merchantPublic = crypto.createPublicKey(fake.merchantPrivateKeyPem);
    expect(rsaVerify(`${r.appId}\n${r.timeStamp}\n${r.nonceStr}\n${r.package}\n`, r.paySign, merchantPublic)).toBe(true);
  });

  it("refuses a tampered body, a wrong signature, another key id, a stale one, a wrong amount, another merchant and an undecryptable resource: logged, the order unchanged", async () => {
    wechat();
    const u = await person("微信己");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    fake.orders.get(order.number)!.state = "SUCCESS";
    fake.orders.get(order.number)!.transactionId = "4200000000000000000000000001";
    fake.orders.get(order.number)!.successTime = "2026-12-07T10:00:00+08:00";
    const good = fake.notification(order.number);
    const stranger = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

    const tampered = { ...good, body: good.body.replace('"summary":"支付成功"', '"summary":"支付成功 "') };
    const cases: [string, { headers: Record<string, string>; body: string }, number][] = [
      ["tampered body", tampered, 401],
      ["signed with another key", fake.notification(order.number, {}, { signWith: stranger }), 401],
      ["another platform key id", fake.notification(order.number, {}, { serial: "PUB_KEY_ID_0000000000000000000000000000000000" }), 401],
      ["signature header replaced", { ...good, headers: { ...good.headers, "wechatpay-signature": Buffer.alloc(256, 1).toString("base64") } }, 401],
      ["stale (10 minutes old)", fake.notification(order.number, {}, { at: new Date(now().getTime() - 10 * 60_000) }), 401],
      ["wrong amount", fake.notification(order.number, { amount: { total: 1, payer_total: 1, currency: "CNY", payer_currency: "CNY" } }), 400],
      ["another currency", fake.notification(order.number, { amount: { total: 1990, payer_total: 1990, currency: "USD", payer_currency: "USD" } }), 400],
      ["another merchant", fake.notification(order.number, { mchid: "1900000001" }), 400],
      ["another app", fake.notification(order.number, { appid: "wx0000000000000000" }), 400],
      ["unknown order", fake.notification(order.number, { out_trade_no: "DD2026120700000000" }), 404],
      ["encrypted with another APIv3 key", fake.notification(order.number, {}, { apiV3Key: "x".repeat(32) }), 401],
    ];
    for (const [what, n, status] of cases) {
      const r = await fake.deliver(order.number, n);
      expect({ what, status: r.status, code: JSON.parse(r.body).code }).toEqual({ what, status, code: "FAIL" });
    }
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", gatewayTxn: null, paidAt: null });
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(0);
    const outcomes = (await db().paymentNotice.findMany({ where: { receivedAt: { gte: order.createdAt } } })).map((n) => n.outcome);
    for (const o of ["BAD_SIGNATURE", "STALE", "AMOUNT_MISMATCH", "WRONG_MERCHANT", "UNKNOWN_ORDER", "UNDECRYPTABLE"]) expect(outcomes).toContain(o);

    // the genuine one still pays it
    expect((await fake.deliver(order.number, good)).status).toBe(200);
    expect((await orderOf(order.id)).status).toBe("PAID");
  });

  it("a notice about something other than a payment is acknowledged and changes nothing", async () => {
    wechat();
    const u = await person("微信庚");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    const r = await fake.deliver(order.number, fake.notification(order.number, { trade_state: "NOTPAY" }, { eventType: "TRANSACTION.PENDING" }));
    expect(r.status).toBe(200);
    expect((await orderOf(order.id)).status).toBe("PENDING");
  });

  it("a gateway that does not answer times out (WECHATPAY_TIMEOUT_MS): checkout says so and the order stays for 重新支付; a forged answer is not believed", async () => {
    wechat();
    const u = await person("微信辛");
    fake.mode = "slow";
    const t0 = Date.now();
    const res = await orderCreate(u, { purpose: "SAVER_CARD", expectedTotalFen: 1990 }, { userAgent: UA_DESKTOP });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(res).toMatchObject({ ok: false, error: "支付服务暂时不可用，请稍后在订单中重新支付" });
    const order = await db().order.findFirstOrThrow({ where: { userId: u.id }, orderBy: { createdAt: "desc" } });
    expect(order).toMatchObject({ status: "PENDING", payStep: null });
    await expect(paymentGateway().query(order.number)).rejects.toMatchObject({ code: "TIMEOUT" });

    fake.mode = "forged";
    await expect(orderCheckout(order, { userAgent: UA_DESKTOP })).rejects.toMatchObject({ code: "BAD_RESPONSE_SIGNATURE" });
    expect((await orderOf(order.id)).payStep).toBeNull();

    fake.mode = "ok";
    expect(await orderCheckout(order, { userAgent: UA_DESKTOP })).toBe(`/orders/${order.id}/pay`);
  });

  it("a paid order whose notification is lost is settled by the query job, once; the late notification changes nothing", async () => {
    wechat();
    const u = await person("微信壬");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    const lost = fake.pay(order.number); // paid at WeChat; the notification never reaches us

    setClockOffset(QUERY_FIRST_AFTER_MS - 10_000);
    while ((await runDueJobs()) > 0);
    expect((await orderOf(order.id)).status).toBe("PENDING"); // not asked yet
    setClockOffset(QUERY_FIRST_AFTER_MS + 1_000);
    while ((await runDueJobs()) > 0);
    const q = lastRequest(`/v3/pay/transactions/out-trade-no/${order.number}?mchid=`);
    expect(q.method).toBe("GET");
    expect(q.authProblem).toBeNull(); // the query string is signed too
    const paid = await orderOf(order.id);
    expect(paid).toMatchObject({ status: "PAID", gatewayTxn: fake.orders.get(order.number)!.transactionId });
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(1);
    expect(await outcomesOf(order.number)).toEqual({ QUERY_PAID: 1 });

    expect((await fake.deliver(order.number, fake.notification(order.number))).status).toBe(200);
    expect(lost.body).toBeTruthy();
    expect(await db().saverCard.count({ where: { userId: u.id } })).toBe(1);
    expect(await outcomesOf(order.number)).toEqual({ QUERY_PAID: 1, DUPLICATE: 1 });
  });

  it("an unpaid order is asked about until it expires, then closed at WeChat so it can no longer be paid; the chain ends", async () => {
    wechat();
    const u = await person("微信癸");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    setClockOffset(QUERY_FIRST_AFTER_MS + 1_000);
    while ((await runDueJobs()) > 0);
    expect((await orderOf(order.id)).status).toBe("PENDING");
    expect(await db().job.count({ where: { name: "order.query", status: "QUEUED", payload: { equals: { orderId: order.id } } } })).toBe(1);

    setClockOffset(ORDER_TTL_MS + 60_000);
    while ((await runDueJobs()) > 0);
    expect((await orderOf(order.id)).status).toBe("EXPIRED");
    expect(fake.orders.get(order.number)!.state).toBe("CLOSED");
    const close = lastRequest(`/v3/pay/transactions/out-trade-no/${order.number}/close`);
    expect(close).toMatchObject({ method: "POST", authProblem: null });
    expect(JSON.parse(close.body)).toEqual({ mchid: fake.mchid });
    expect(await db().job.count({ where: { name: "order.query", status: "QUEUED", payload: { equals: { orderId: order.id } } } })).toBe(0);
    const asked = fake.requests.filter((r) => r.path.includes(order.number)).length;
    setClockOffset(ORDER_TTL_MS + 3_600_000);
    while ((await runDueJobs()) > 0);
    expect(fake.requests.filter((r) => r.path.includes(order.number)).length).toBe(asked);
  });

  it("a gateway timeout in the query job is retried by the job runner", async () => {
    wechat();
    const u = await person("微信子");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    fake.pay(order.number);
    fake.mode = "slow";
    setClockOffset(QUERY_FIRST_AFTER_MS + 1_000);
    await runDueJobs();
    const job = await db().job.findFirstOrThrow({ where: { name: "order.query", payload: { equals: { orderId: order.id } } }, orderBy: { runAt: "asc" } });
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringContaining("TIMEOUT") });
    fake.mode = "ok";
    setClockOffset(QUERY_FIRST_AFTER_MS + 60_000);
    while ((await runDueJobs()) > 0);
    expect((await orderOf(order.id)).status).toBe("PAID");
  });

  it("a refund goes to WeChat once for the whole amount; refused (余额不足) it stays 退款中 and is retried; PROCESSING is asked again until SUCCESS", async () => {
    wechat();
    const u = await person("微信丑");
    const { order } = await cardOrder(u, { userAgent: UA_DESKTOP });
    await fake.deliver(order.number, fake.pay(order.number));
    const txn = fake.orders.get(order.number)!.transactionId!;

    fake.mode = "refund-refuse";
    expect(await db().$transaction((tx) => orderRefundStart(tx, order.id))).toBe(true);
    await runDueJobs();
    expect((await orderOf(order.id)).status).toBe("REFUNDING");
    const failed = await db().job.findFirstOrThrow({ where: { name: "order.refund", payload: { equals: { orderId: order.id } } } });
    expect(failed.lastError).toContain("NOT_ENOUGH");
    expect(fake.refunds.size).toBe(0);

    fake.mode = "refund-processing";
    setClockOffset(60_000);
    await runDueJobs();
    expect((await orderOf(order.id)).status).toBe("REFUNDING");
    const refund = fake.refunds.get(`${order.number}R`)!;
    expect(refund).toMatchObject({ transaction_id: txn, out_trade_no: order.number, status: "PROCESSING", amount: { refund: 1990, total: 1990, currency: "CNY" } });
    const post = lastRequest("/v3/refund/domestic/refunds");
    expect(post.authProblem).toBeNull();

    refund.status = "SUCCESS"; // WeChat finishes it
    fake.mode = "ok";
    setClockOffset(10 * 60_000);
    while ((await runDueJobs()) > 0);
    const done = await orderOf(order.id);
    expect(done.status).toBe("REFUNDED");
    expect(fake.refunds.size).toBe(1); // asked again by its out_refund_no, never refunded twice
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v3/refund/domestic/refunds").length).toBe(2); // the refused one and the accepted one
    expect(await db().outboxMessage.count({ where: { to: u.phone, kind: "order.refunded" } })).toBe(1);
  });
});

describe("payment settings", () => {
  it("the sandbox needs nothing; WeChat Pay names every missing or unreadable setting, never a value", () => {
    configure({});
    expect(paymentConfigProblems()).toEqual([]);
    expect(paymentGateway()).toMatchObject({ name: "sandbox", simulated: true });

    configure({ PAY_GATEWAY: "alipay" });
    expect(paymentConfigProblems()).toEqual(["PAY_GATEWAY 应为 sandbox 或 wechatpay（现为 alipay）"]);

    configure({ PAY_GATEWAY: "wechatpay" });
    const missing = paymentConfigProblems();
    for (const k of ["WECHATPAY_MCHID", "WECHATPAY_APPID", "WECHATPAY_SERIAL_NO", "WECHATPAY_PRIVATE_KEY", "WECHATPAY_APIV3_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY_ID"]) expect(missing.join("\n")).toContain(`${k} 未设置`);
    expect(() => paymentGateway()).toThrow(/支付配置不完整（PAY_GATEWAY=wechatpay）：.*WECHATPAY_MCHID 未设置/);

    wechat({ WECHATPAY_APIV3_KEY: "short", WECHATPAY_PRIVATE_KEY: "/nonexistent/apiclient_key.pem", WECHATPAY_TIMEOUT_MS: "soon", WECHATPAY_BASE_URL: "ftp://x" });
    const bad = paymentConfigProblems();
    expect(bad).toEqual(expect.arrayContaining(["WECHATPAY_APIV3_KEY 应为 32 字节", "WECHATPAY_PRIVATE_KEY 无法读取（应为 PEM 文本或 PEM 文件的路径）", "WECHATPAY_TIMEOUT_MS 应为毫秒数", "WECHATPAY_BASE_URL 应为 http(s):// 开头的网址"]));
    expect(bad.join("\n")).not.toContain(fake.apiV3Key);

    // a key given as a file path, with \n-escaped PEM in the other
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wxpay-"));
    fs.writeFileSync(path.join(dir, "apiclient_key.pem"), fake.merchantPrivateKeyPem);
    wechat({ WECHATPAY_PRIVATE_KEY: path.join(dir, "apiclient_key.pem"), WECHATPAY_PLATFORM_PUBLIC_KEY: fake.platformPublicKeyPem.trim().replaceAll("\n", "\\n") });
    expect(paymentConfigProblems()).toEqual([]);
    expect(paymentGateway()).toMatchObject({ name: "wechatpay", simulated: false });
  });

  it("a gateway error is typed for the job log", () => {
    const e = new GatewayError("NOT_ENOUGH", "余额不足", 403);
    expect(String(e)).toBe("GatewayError: NOT_ENOUGH: 余额不足");
  });
});

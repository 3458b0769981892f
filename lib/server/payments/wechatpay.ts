import "server-only";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";
import { isPayerIp } from "@/lib/domain/pay-channel";
import { GatewayError, type CreatePayment, type CreatedPayment, type GatewayView, type JsapiPayer, type ParsedNotice, type PaymentGateway, type RefundRequest, type RefundResult, type VerifiedPayment } from "./gateway-types";
import type { WechatPaySettings } from "./settings";
import { WECHATPAY_HEADERS as H, beijingRfc3339, decryptResource, jsapiPayRequest, newNonce, responseMessage, rsaVerify, signRequest, type EncryptedResource } from "./wechatpay-protocol";

// WeChat Pay API v3 (直连商户, 微信支付公钥 mode): Native / H5 / JSAPI 下单, 支付结果通知, 查询订单
// by out_trade_no, 关闭订单 and 申请退款 / 查询单笔退款. Every request is signed with the merchant
// key and has a timeout; every 2xx answer's signature is checked with WeChat Pay's public key
// before a field of it is believed; a notification is checked the same way, then decrypted, then
// its mchid / appid must be ours (the amount and order are matched against our order by the caller).

const MAX_AGE_MS = 5 * 60_000; // a signed answer or notification older (or newer) than this is not believed
/** out_refund_no of an order's (full) refund: one per order, so asking again is the same refund. */
export const refundNumberOf = (orderNumber: string) => `${orderNumber}R`;

type Transaction = {
  appid?: string;
  mchid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  success_time?: string;
  amount?: { total?: number; currency?: string; payer_total?: number };
};

/** UTF-8-safe cut to WeChat's 127-byte description limit. */
function description(text: string): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, "utf8") > 127) break;
    out += ch;
  }
  return out;
}

export class WechatPayGateway implements PaymentGateway {
  readonly name = "wechatpay";
  readonly simulated = false;
  readonly jsapiPayer?: JsapiPayer;

  constructor(private readonly s: WechatPaySettings) {
    if (s.appSecret) this.jsapiPayer = { authorizeUrl: (redirectUri, state) => this.authorizeUrl(redirectUri, state), openIdFromCode: (code) => this.openIdFromCode(code) };
  }

  /** Signature and freshness of a response or notification: null when good, else what is wrong. */
  private checkSigned(headers: Headers, body: string): "BAD_SIGNATURE" | "STALE" | null {
    const ts = headers.get(H.timestamp) ?? "";
    const nonce = headers.get(H.nonce) ?? "";
    const signature = headers.get(H.signature) ?? "";
    // signed with another key (a platform certificate we do not use, a probe: WECHATPAY/SIGNTEST/…): not believed
    if (headers.get(H.serial) !== this.s.platformPublicKeyId || !/^\d{1,12}$/.test(ts) || !nonce) return "BAD_SIGNATURE";
    if (!rsaVerify(responseMessage(ts, nonce, body), signature, this.s.platformPublicKey)) return "BAD_SIGNATURE";
    if (Math.abs(now().getTime() - Number(ts) * 1000) > MAX_AGE_MS) return "STALE";
    return null;
  }

  /** One signed call; a 2xx answer is verified before it is parsed; anything else throws GatewayError. */
  private async call<T>(method: "GET" | "POST", pathAndQuery: string, payload?: object): Promise<{ status: number; data: T | null }> {
    const body = payload === undefined ? "" : JSON.stringify(payload);
    const authorization = signRequest({ method, pathAndQuery, body, mchid: this.s.mchid, serialNo: this.s.serialNo, privateKey: this.s.privateKey, timestamp: String(Math.floor(now().getTime() / 1000)), nonce: newNonce() });
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.s.baseUrl}${pathAndQuery}`, {
        method,
        headers: {
          Authorization: authorization,
          Accept: "application/json",
          "Content-Type": "application/json",
          "User-Agent": "dianziqian-wechatpay/1 (node)",
          // 微信支付公钥 mode: ask for answers signed with the public key's pair
          "Wechatpay-Serial": this.s.platformPublicKeyId,
        },
        body: method === "POST" ? body : undefined,
        signal: AbortSignal.timeout(this.s.timeoutMs),
        redirect: "error",
      });
      text = await res.text();
    } catch (e) {
      const err = e as Error;
      if (err.name === "TimeoutError" || err.name === "AbortError") throw new GatewayError("TIMEOUT", `微信支付 ${method} ${pathAndQuery.split("?")[0]} ${this.s.timeoutMs} ms 内无应答`);
      throw new GatewayError("NETWORK", `微信支付无法连接：${err.message}`);
    }
    if (res.status >= 200 && res.status < 300) {
      const problem = this.checkSigned(res.headers, text);
      if (problem) throw new GatewayError("BAD_RESPONSE_SIGNATURE", `微信支付应答${problem === "STALE" ? "时间戳过期" : "签名验证失败"}，已忽略`, res.status);
      if (!text) return { status: res.status, data: null };
      try {
        return { status: res.status, data: JSON.parse(text) as T };
      } catch {
        throw new GatewayError("BAD_RESPONSE", "微信支付应答不是 JSON", res.status);
      }
    }
    let code = `HTTP_${res.status}`;
    let message = text.slice(0, 200);
    try {
      const e = JSON.parse(text) as { code?: unknown; message?: unknown };
      if (typeof e.code === "string") code = e.code;
      if (typeof e.message === "string") message = e.message;
    } catch {
      /* not JSON: the status says it */
    }
    throw new GatewayError(code, message, res.status);
  }

  async createPayment(p: CreatePayment): Promise<CreatedPayment> {
    if (!Number.isInteger(p.amountFen) || p.amountFen <= 0) throw new GatewayError("INVALID_AMOUNT", "金额应为正整数（分）");
    const order = {
      appid: this.s.appId,
      mchid: this.s.mchid,
      description: description(p.description),
      out_trade_no: p.orderNumber,
      time_expire: beijingRfc3339(p.expiresAt),
      notify_url: this.s.notifyUrl,
      amount: { total: p.amountFen, currency: "CNY" },
    };
    if (p.channel === "native") {
      const { data } = await this.call<{ code_url?: string }>("POST", "/v3/pay/transactions/native", order);
      if (typeof data?.code_url !== "string" || !data.code_url) throw new GatewayError("BAD_RESPONSE", "Native 下单应答缺少 code_url");
      return { gatewayTxn: null, step: { kind: "qr", codeUrl: data.code_url } };
    }
    if (p.channel === "h5") {
      if (!p.payerIp || !isPayerIp(p.payerIp)) throw new GatewayError("NO_PAYER_IP", "H5 支付需要付款人的 IP 地址");
      const { data } = await this.call<{ h5_url?: string }>("POST", "/v3/pay/transactions/h5", { ...order, scene_info: { payer_client_ip: p.payerIp, h5_info: { type: "Wap" } } });
      if (typeof data?.h5_url !== "string" || !/^https?:\/\//.test(data.h5_url)) throw new GatewayError("BAD_RESPONSE", "H5 下单应答缺少 h5_url");
      // the cashier sends the payer back here (the order page, which waits for the notification)
      const back = `${config.appUrl.replace(/\/+$/, "")}${p.returnPath}`;
      return { gatewayTxn: null, step: { kind: "h5", url: `${data.h5_url}${data.h5_url.includes("?") ? "&" : "?"}redirect_url=${encodeURIComponent(back)}` } };
    }
    if (!p.payerOpenId) throw new GatewayError("NO_OPENID", "JSAPI 支付需要付款人的 openid");
    const { data } = await this.call<{ prepay_id?: string }>("POST", "/v3/pay/transactions/jsapi", { ...order, payer: { openid: p.payerOpenId } });
    if (typeof data?.prepay_id !== "string" || !data.prepay_id) throw new GatewayError("BAD_RESPONSE", "JSAPI 下单应答缺少 prepay_id");
    const request = jsapiPayRequest({ appId: this.s.appId, prepayId: data.prepay_id, privateKey: this.s.privateKey, timestamp: String(Math.floor(now().getTime() / 1000)), nonce: newNonce() });
    return { gatewayTxn: null, step: { kind: "jsapi", request } };
  }

  /** A transaction as WeChat states it, if it is for our merchant and app and complete enough to pay an order. */
  private paymentOf(t: Transaction, notifyId: string | null): VerifiedPayment | "WRONG_MERCHANT" | "MALFORMED" {
    if (t.mchid !== this.s.mchid || t.appid !== this.s.appId) return "WRONG_MERCHANT";
    const paidAt = new Date(t.success_time ?? "");
    if (typeof t.out_trade_no !== "string" || typeof t.transaction_id !== "string" || !Number.isInteger(t.amount?.total) || typeof t.amount?.currency !== "string" || Number.isNaN(paidAt.getTime())) return "MALFORMED";
    return { orderNumber: t.out_trade_no, gatewayTxn: t.transaction_id, amountFen: t.amount!.total!, currency: t.amount!.currency!, paidAt, notifyId };
  }

  async parseNotification(headers: Headers, rawBody: string): Promise<ParsedNotice> {
    const problem = this.checkSigned(headers, rawBody);
    if (problem) return { ok: false, outcome: problem };
    let notice: { id?: unknown; event_type?: unknown; resource?: EncryptedResource };
    try {
      notice = JSON.parse(rawBody) as typeof notice;
    } catch {
      return { ok: false, outcome: "MALFORMED" };
    }
    const notifyId = typeof notice.id === "string" ? notice.id : null;
    const r = notice.resource;
    if (!r || typeof r.ciphertext !== "string" || typeof r.nonce !== "string") return { ok: false, outcome: "MALFORMED" };
    let t: Transaction;
    try {
      t = JSON.parse(decryptResource(r, this.s.apiV3Key)) as Transaction;
    } catch {
      // signed by WeChat, yet not decryptable with our APIv3 key: another merchant's, or our key is wrong
      return { ok: false, outcome: "UNDECRYPTABLE" };
    }
    if (notice.event_type !== "TRANSACTION.SUCCESS" || t.trade_state !== "SUCCESS") {
      if (t.mchid !== this.s.mchid) return { ok: false, outcome: "WRONG_MERCHANT" };
      return { ok: true, ignored: String(notice.event_type ?? t.trade_state ?? "UNKNOWN"), notifyId };
    }
    const payment = this.paymentOf(t, notifyId);
    return typeof payment === "string" ? { ok: false, outcome: payment } : { ok: true, payment };
  }

  async query(orderNumber: string): Promise<GatewayView> {
    let t: Transaction | null;
    try {
      ({ data: t } = await this.call<Transaction>("GET", `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNumber)}?mchid=${encodeURIComponent(this.s.mchid)}`));
    } catch (e) {
      if (e instanceof GatewayError && e.status === 404 && e.code === "ORDER_NOT_EXIST") return { state: "NOT_FOUND" };
      throw e;
    }
    if (!t || t.out_trade_no !== orderNumber) throw new GatewayError("BAD_RESPONSE", "查询订单应答与所查订单不符");
    switch (t.trade_state) {
      case "SUCCESS":
      case "REFUND": {
        const payment = this.paymentOf(t, null);
        if (typeof payment === "string") throw new GatewayError("BAD_RESPONSE", payment === "WRONG_MERCHANT" ? "查询订单应答的商户号或 AppID 不是本商户的" : "查询订单应答缺少交易信息");
        return { state: t.trade_state === "SUCCESS" ? "PAID" : "REFUND", payment };
      }
      case "NOTPAY":
      case "USERPAYING":
        return { state: "PENDING" };
      case "CLOSED":
      case "REVOKED":
      case "PAYERROR":
        return { state: "CLOSED" };
      default:
        throw new GatewayError("BAD_RESPONSE", `未知的交易状态 ${String(t.trade_state)}`);
    }
  }

  async close(orderNumber: string): Promise<void> {
    try {
      await this.call("POST", `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNumber)}/close`, { mchid: this.s.mchid });
    } catch (e) {
      if (e instanceof GatewayError && e.status === 404 && e.code === "ORDER_NOT_EXIST") return; // never created there: nothing can pay it
      throw e;
    }
  }

  /** One refund per order (out_refund_no from the order number): asked first whether it exists, so a retry never refunds twice. */
  async refund(p: RefundRequest): Promise<RefundResult> {
    const outRefundNo = refundNumberOf(p.orderNumber);
    type Refund = { status?: string; out_refund_no?: string; amount?: { refund?: number } };
    let refund: Refund | null = null;
    try {
      ({ data: refund } = await this.call<Refund>("GET", `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`));
    } catch (e) {
      if (!(e instanceof GatewayError && e.status === 404)) throw e;
    }
    if (!refund) {
      ({ data: refund } = await this.call<Refund>("POST", "/v3/refund/domestic/refunds", {
        transaction_id: p.gatewayTxn,
        out_refund_no: outRefundNo,
        reason: p.reason ?? "订单退款",
        amount: { refund: p.amountFen, total: p.amountFen, currency: "CNY" },
      }));
    }
    if (!refund || refund.out_refund_no !== outRefundNo) throw new GatewayError("BAD_RESPONSE", "退款应答与所退订单不符");
    if (refund.status === "SUCCESS") return "SUCCESS";
    if (refund.status === "PROCESSING") return "PROCESSING";
    throw new GatewayError(`REFUND_${String(refund.status)}`, refund.status === "ABNORMAL" ? "退款异常（如用户的银行卡已注销），需在商户平台处理" : "退款已关闭");
  }

  // 网页授权 (snsapi_base, silent): the payer's openid under our AppID, which JSAPI needs.
  private authorizeUrl(redirectUri: string, state: string): string {
    const q = new URLSearchParams({ appid: this.s.appId, redirect_uri: redirectUri, response_type: "code", scope: "snsapi_base", state });
    return `https://open.weixin.qq.com/connect/oauth2/authorize?${q.toString()}#wechat_redirect`;
  }

  private async openIdFromCode(code: string): Promise<string> {
    const q = new URLSearchParams({ appid: this.s.appId, secret: this.s.appSecret, code, grant_type: "authorization_code" });
    let data: { openid?: unknown; errcode?: unknown; errmsg?: unknown };
    try {
      const res = await fetch(`${this.s.oauthBaseUrl}/sns/oauth2/access_token?${q.toString()}`, { signal: AbortSignal.timeout(this.s.timeoutMs), redirect: "error" });
      data = (await res.json()) as typeof data;
    } catch (e) {
      const err = e as Error;
      throw new GatewayError(err.name === "TimeoutError" ? "TIMEOUT" : "NETWORK", `网页授权失败：${err.message}`);
    }
    if (typeof data.openid !== "string" || !data.openid) throw new GatewayError(`OAUTH_${String(data.errcode ?? "NO_OPENID")}`, String(data.errmsg ?? "网页授权未返回 openid"));
    return data.openid;
  }
}

import type { PayChannel } from "@/lib/domain/pay-channel";

// The payment gateway, shaped like the real ones (WeChat Pay API v3): create a payment for a
// channel (→ what the payer does next), the gateway later POSTs a signed asynchronous
// notification which the gateway object itself verifies and reads, the server can ask the
// gateway about an order at any time (query), close it so it can no longer be paid, and refund.
// The sandbox (模拟支付) and WeChat Pay implement the same interface; callers never know which.

export type { PayChannel };

/** What the payer does next. */
export type PayStep =
  /** open this page: the sandbox's /pay/sandbox/… */
  | { kind: "redirect"; url: string }
  /** WeChat's H5 cashier (h5_url, with our redirect_url), valid 5 minutes: our pay page forwards to it */
  | { kind: "h5"; url: string }
  /** Native: a weixin://wxpay/… code_url the payer scans with WeChat, shown as a QR code on our pay page */
  | { kind: "qr"; codeUrl: string }
  /** JSAPI inside WeChat: our pay page calls WeixinJSBridge getBrandWCPayRequest with these signed fields */
  | { kind: "jsapi"; request: JsapiPayRequest };

export type JsapiPayRequest = { appId: string; timeStamp: string; nonceStr: string; package: string; signType: "RSA"; paySign: string };

export type CreatePayment = {
  orderNumber: string;
  amountFen: number;
  description: string;
  /** our page the payer comes back to (path) */
  returnPath: string;
  /** after this the gateway refuses to take the payment (WeChat's time_expire) */
  expiresAt: Date;
  channel: PayChannel;
  /** the payer's address, required by H5 (scene_info.payer_client_ip) */
  payerIp?: string;
  /** the payer's openid under our AppID, required by JSAPI */
  payerOpenId?: string;
};

/** gatewayTxn: the gateway's transaction id when known at creation (the sandbox's), else null (WeChat's comes when paid). */
export type CreatedPayment = { gatewayTxn: string | null; step: PayStep };

/** A payment the gateway vouches for (a verified notification, or a query's answer). */
export type VerifiedPayment = {
  orderNumber: string;
  gatewayTxn: string;
  amountFen: number;
  currency: string;
  paidAt: Date;
  /** the notification's id (for the log), null for a query's answer */
  notifyId: string | null;
};

/** UNDECRYPTABLE: signed by the gateway, but its resource does not open with our APIv3 key. */
export type NoticeRefusal = "BAD_SIGNATURE" | "STALE" | "MALFORMED" | "WRONG_MERCHANT" | "UNDECRYPTABLE";
export type ParsedNotice =
  | { ok: true; payment: VerifiedPayment }
  /** a genuine notification about something other than a successful payment: acknowledged, nothing changes */
  | { ok: true; ignored: string; notifyId: string | null }
  | { ok: false; outcome: NoticeRefusal };

/** The gateway's view of one of our orders. */
export type GatewayView =
  | { state: "PAID"; payment: VerifiedPayment }
  /** paid, and refunded (in part or whole) since */
  | { state: "REFUND"; payment: VerifiedPayment }
  /** created, not paid (yet): NOTPAY, USERPAYING */
  | { state: "PENDING" }
  /** can no longer be paid: CLOSED, REVOKED, PAYERROR */
  | { state: "CLOSED" }
  /** the gateway has never seen this order number */
  | { state: "NOT_FOUND" };

export type RefundRequest = { orderNumber: string; gatewayTxn: string; amountFen: number; reason?: string };
/** SUCCESS: the money is back; PROCESSING: accepted, asked again later with the same request (idempotent). */
export type RefundResult = "SUCCESS" | "PROCESSING";

/** How a gateway learns a JSAPI payer's identity (WeChat 网页授权): absent when it has no JSAPI. */
export type JsapiPayer = {
  /** where to send the payer's browser; the provider returns to redirectUri with ?code=…&state=… */
  authorizeUrl(redirectUri: string, state: string): string;
  openIdFromCode(code: string): Promise<string>;
};

export interface PaymentGateway {
  readonly name: string;
  readonly simulated: boolean;
  readonly jsapiPayer?: JsapiPayer;
  createPayment(p: CreatePayment): Promise<CreatedPayment>;
  /** Verifies and reads the gateway's notification from its raw headers and body; never trusts an unverified field. */
  parseNotification(headers: Headers, rawBody: string): Promise<ParsedNotice>;
  query(orderNumber: string): Promise<GatewayView>;
  /** After our order expired: the gateway no longer takes a payment for it (closing a closed or unknown order is fine). */
  close(orderNumber: string): Promise<void>;
  /** Throws when the gateway refuses (the job retries). */
  refund(p: RefundRequest): Promise<RefundResult>;
}

/** The gateway refused or could not be reached: code is the gateway's (NOT_ENOUGH, SIGN_ERROR …) or ours (TIMEOUT, NETWORK, BAD_RESPONSE_SIGNATURE). */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(`${code}: ${message}`);
    this.name = "GatewayError";
  }
}

import "server-only";
import crypto from "node:crypto";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { config, secrets } from "@/lib/server/config";
import { paymentGateway } from "./gateway";
import { JSAPI_OAUTH_PATH, orderCheckout, type PayClient } from "./orders";

// JSAPI inside WeChat needs the payer's openid under our AppID. WeChat's 网页授权 (snsapi_base, no
// prompt) gives it: our route sends the browser to WeChat, WeChat sends it back with a code, the
// server trades the code for the openid (never the browser's word) and only then creates the payment.
// state binds the round trip to this order and this signed-in user.

const stateFor = (orderId: string, userId: string) => crypto.createHmac("sha256", secrets().authSecret).update(`wechat-jsapi:${orderId}:${userId}`).digest("hex").slice(0, 32);

export type OAuthStep = { redirect: string } | { error: string; status: number };

export async function jsapiOAuthHandle(user: User | null, url: URL, client: PayClient): Promise<OAuthStep> {
  if (!user) return { error: "请先登录", status: 401 };
  const orderId = url.searchParams.get("order") ?? "";
  const order = orderId.length <= 40 ? await db().order.findUnique({ where: { id: orderId } }) : null;
  if (!order || order.userId !== user.id) return { error: "订单不存在", status: 404 };
  if (order.status !== "PENDING" || order.expiresAt <= now()) return { redirect: `/orders/${order.id}` };
  const payer = paymentGateway().jsapiPayer;
  if (!payer) return { error: "未配置微信内支付", status: 404 };
  const expected = stateFor(order.id, user.id);
  const code = url.searchParams.get("code");
  if (!code) {
    const back = `${config.appUrl.replace(/\/+$/, "")}${JSAPI_OAUTH_PATH}?order=${encodeURIComponent(order.id)}`;
    return { redirect: payer.authorizeUrl(back, expected) };
  }
  const state = Buffer.from(url.searchParams.get("state") ?? "");
  if (state.length !== expected.length || !crypto.timingSafeEqual(state, Buffer.from(expected))) return { error: "授权已失效，请返回重新支付", status: 400 };
  const openId = await payer.openIdFromCode(code.slice(0, 512));
  return { redirect: await orderCheckout(order, { ...client, payerOpenId: openId }) };
}

import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";
import { parseAliyunReports, parseTencentReports, type DeliveryReport } from "@/lib/domain/sms-reports";
import type { SmsGateway } from "./sms-settings";

/** Each gateway's parser and the answer it expects (anything else, and it posts the report again). */
const GATEWAYS: Record<SmsGateway, { parse: (body: unknown) => DeliveryReport[] | null; ok: unknown; bad: unknown }> = {
  tencent: { parse: parseTencentReports, ok: { result: 0, errmsg: "OK" }, bad: { result: 1, errmsg: "bad request" } },
  aliyun: { parse: parseAliyunReports, ok: { code: 0, msg: "成功" }, bad: { code: 1, msg: "请求无效" } },
};

export const MIN_CALLBACK_TOKEN = 16;

/** The configured callback secret matches, compared in constant time (hashes of equal length). */
function tokenMatches(given: string): boolean {
  const token = config.sms.callbackToken;
  if (token.length < MIN_CALLBACK_TOKEN) return false; // unset or too short: the callback does not exist
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * A gateway's delivery-report callback (/api/sms/report/<gateway>/<SMS_CALLBACK_TOKEN>). Neither
 * gateway signs it, so the URL's secret is the only proof of origin: a wrong one is 404, as if the
 * route did not exist. Each report moves the row sent through that gateway with that message id to
 * that number: DELIVERED, or FAILED with the gateway's reason. Unknown ids change nothing.
 */
export async function smsReportHandle(gateway: string, token: string, raw: string): Promise<{ status: number; body: unknown; updated: number }> {
  if (!Object.prototype.hasOwnProperty.call(GATEWAYS, gateway) || !tokenMatches(token)) return { status: 404, body: { error: "页面不存在" }, updated: 0 };
  const g = GATEWAYS[gateway as SmsGateway];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 400, body: g.bad, updated: 0 };
  }
  const reports = g.parse(parsed);
  if (!reports) return { status: 400, body: g.bad, updated: 0 };
  let updated = 0;
  const at = now();
  for (const r of reports) {
    const moved = await db().outboxMessage.updateMany({
      where: { channel: "SMS", provider: gateway, providerMessageId: r.messageId, to: r.phone, status: { not: "PENDING" } },
      data: r.delivered ? { status: "DELIVERED", reportedAt: at, lastError: null } : { status: "FAILED", reportedAt: at, lastError: `未送达（运营商回执）：${r.error ?? ""}`.slice(0, 1000) },
    });
    updated += moved.count;
  }
  return { status: 200, body: g.ok, updated };
}

// Delivery reports (状态回执) as the SMS gateways post them to our callback, read into one shape.
// Neither gateway signs these callbacks: the route that takes them is guarded by a secret in its
// URL, and a report only ever changes the row with that gateway's message id and that number.

export type DeliveryReport = {
  /** the gateway's id of the message (Tencent sid = SendSms SerialNo; Aliyun biz_id = BizId) */
  messageId: string;
  /** the 11-digit mainland number */
  phone: string;
  delivered: boolean;
  /** the gateway's reason when not delivered, e.g. "MK:0001 用户关机" */
  error: string | null;
};

const str = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** +8613800000000, 008613800000000, 8613800000000 → 13800000000 (mainland numbers only). */
export function mainlandNumber(raw: string, nationCode = ""): string {
  const digits = raw.replace(/[\s-]/g, "").replace(/^\+/, "").replace(/^00/, "");
  const cc = nationCode.replace(/^\+/, "");
  if ((cc === "" || cc === "86") && /^86\d{11}$/.test(digits)) return digits.slice(2);
  return digits;
}

function asArray(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") return [body]; // one report posted on its own
  return null;
}

/**
 * Tencent Cloud 短信下发状态回调: a JSON array of
 * { user_receive_time, nationcode, mobile, report_status: "SUCCESS" | "FAIL", errmsg, description, sid }.
 * Entries without a sid or a number are skipped; null when the body is not such a list at all.
 */
export function parseTencentReports(body: unknown): DeliveryReport[] | null {
  const list = asArray(body);
  if (!list) return null;
  const out: DeliveryReport[] = [];
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const r = item as Record<string, unknown>;
    const messageId = str(r.sid);
    const phone = mainlandNumber(str(r.mobile), str(r.nationcode));
    const status = str(r.report_status).toUpperCase();
    if (!messageId || !phone || (status !== "SUCCESS" && status !== "FAIL")) continue;
    const delivered = status === "SUCCESS";
    const reason = [str(r.errmsg), str(r.description)].filter(Boolean).join(" ");
    out.push({ messageId, phone, delivered, error: delivered ? null : reason || "FAIL" });
  }
  return out;
}

/**
 * Aliyun 短信发送状态报告 (SmsReport, HTTP batch push): a JSON array of
 * { phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id }.
 */
export function parseAliyunReports(body: unknown): DeliveryReport[] | null {
  const list = asArray(body);
  if (!list) return null;
  const out: DeliveryReport[] = [];
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const r = item as Record<string, unknown>;
    const messageId = str(r.biz_id);
    const phone = mainlandNumber(str(r.phone_number));
    if (!messageId || !phone || (typeof r.success !== "boolean" && r.success !== "true" && r.success !== "false")) continue;
    const delivered = r.success === true || r.success === "true";
    const reason = [str(r.err_code), str(r.err_msg)].filter(Boolean).join(" ");
    out.push({ messageId, phone, delivered, error: delivered ? null : reason || "FAIL" });
  }
  return out;
}

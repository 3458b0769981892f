import { describe, expect, it } from "vitest";
import { mainlandNumber, parseAliyunReports, parseTencentReports, type DeliveryReport } from "./sms-reports";

// Tencent Cloud 短信下发状态回调 entries (the documented fields) → what we read from them
const tencent: [string, unknown, DeliveryReport[] | null][] = [
  [
    "delivered",
    [{ user_receive_time: "2015-10-17 08:03:04", nationcode: "86", mobile: "13900000000", report_status: "SUCCESS", errmsg: "DELIVRD", description: "用户短信送达成功", sid: "x12345" }],
    [{ messageId: "x12345", phone: "13900000000", delivered: true, error: null }],
  ],
  [
    "failed, with the reason",
    [{ user_receive_time: "2015-10-17 08:03:04", nationcode: "86", mobile: "13900000000", report_status: "FAIL", errmsg: "MK:0001", description: "用户关机", sid: "x1" }],
    [{ messageId: "x1", phone: "13900000000", delivered: false, error: "MK:0001 用户关机" }],
  ],
  ["failed, no reason", [{ mobile: "13900000000", report_status: "FAIL", sid: "x1" }], [{ messageId: "x1", phone: "13900000000", delivered: false, error: "FAIL" }]],
  ["a number with its country code", [{ mobile: "+8613900000000", report_status: "SUCCESS", sid: "x1" }], [{ messageId: "x1", phone: "13900000000", delivered: true, error: null }]],
  ["one report posted alone", { mobile: "13900000000", report_status: "SUCCESS", sid: "x1" }, [{ messageId: "x1", phone: "13900000000", delivered: true, error: null }]],
  ["no sid, no number or an unknown status: skipped", [{ mobile: "13900000000", report_status: "SUCCESS" }, { report_status: "SUCCESS", sid: "x" }, { mobile: "13900000000", report_status: "MAYBE", sid: "x" }, null, 3], []],
  ["not a list", "SUCCESS", null],
  ["nothing", null, null],
];

// Aliyun SmsReport entries
const aliyun: [string, unknown, DeliveryReport[] | null][] = [
  [
    "delivered",
    [{ phone_number: "13900000000", send_time: "2017-01-01 11:11:11", report_time: "2017-01-01 11:11:12", success: true, err_code: "DELIVERED", err_msg: "用户接收成功", sms_size: "1", biz_id: "12345^0", out_id: "67890" }],
    [{ messageId: "12345^0", phone: "13900000000", delivered: true, error: null }],
  ],
  ["failed", [{ phone_number: "13900000000", success: false, err_code: "MN:0001", err_msg: "空号", biz_id: "1^0" }], [{ messageId: "1^0", phone: "13900000000", delivered: false, error: "MN:0001 空号" }]],
  ["success as a string", [{ phone_number: "13900000000", success: "false", biz_id: "1^0" }], [{ messageId: "1^0", phone: "13900000000", delivered: false, error: "FAIL" }]],
  ["no biz_id or no success: skipped", [{ phone_number: "13900000000", success: true }, { phone_number: "13900000000", biz_id: "1" }], []],
  ["not a list", 42, null],
];

describe("delivery reports", () => {
  it.each(tencent)("Tencent: %s", (_, body, expected) => expect(parseTencentReports(body)).toEqual(expected));
  it.each(aliyun)("Aliyun: %s", (_, body, expected) => expect(parseAliyunReports(body)).toEqual(expected));

  it.each([
    ["13900000000", "", "13900000000"],
    ["+8613900000000", "", "13900000000"],
    ["008613900000000", "", "13900000000"],
    ["8613900000000", "86", "13900000000"],
    ["139 0000 0000", "", "13900000000"],
    ["85291234567", "852", "85291234567"], // not mainland: left as it is (and matches no row)
  ])("mainlandNumber(%s, %s) = %s", (raw, cc, expected) => expect(mainlandNumber(raw, cc)).toBe(expected));
});

import { describe, expect, it } from "vitest";
import { END_LABELS } from "./end-request";
import { SMS_TEMPLATE_KEYS, SMS_TEMPLATES, maskedParams, orderedParams, pickParams, placeholdersOf, renderSms, type SmsParams, type SmsTemplate, type SmsTemplateDef } from "./sms-templates";

const SIGN = "个人电子签";
const t = "个人借条（张三）";
const link = "https://e.example.com/s/tok123";
const until = "2027-01-05";
const { rescind, settle } = END_LABELS; // the words effects.ts put into the 解除 / 结清 messages

/**
 * Each template with sample parameters and the text the call site built inline before templates
 * (the same template literal, same values): the outbox must read exactly as it did.
 */
const cases: { [K in SmsTemplate]: [SmsParams<K>, string] } = {
  login_code: [{ code: "123456" }, `【个人电子签】您的登录验证码为 ${"123456"}，5分钟内有效。请勿泄露给他人。`],
  "account.phoneCode": [{ code: "654321" }, `【个人电子签】您正在将账号手机号更换为本号码，验证码 ${"654321"}，5分钟内有效。如非本人操作请忽略。`],
  "contract.invite": [{ initiator: "张三", title: t, until, link }, `【个人电子签】${""}${"张三"}邀请您${"签署"}《${t}》，请于${until}前打开 ${link} 处理。`],
  "contract.invite.fill": [{ initiator: "张三", title: t, until, link }, `【个人电子签】${""}${"张三"}邀请您${"补充信息并签署"}《${t}》，请于${until}前打开 ${link} 处理。`],
  "contract.invite.next": [{ initiator: "张三", title: t, until, link }, `【个人电子签】${"轮到您签署了："}${"张三"}邀请您${"签署"}《${t}》，请于${until}前打开 ${link} 处理。`],
  "contract.invite.ready": [{ title: t, until, link }, `【个人电子签】《${t}》各签署方信息已补充完整，轮到您签署了：请于${until}前打开 ${link} 签署。`],
  "contract.urge": [{ initiator: "张三", title: t, until, link }, `【个人电子签】${"提醒您："}${"张三"}邀请您${"签署"}《${t}》，请于${until}前打开 ${link} 处理。`],
  "contract.urge.fill": [{ initiator: "张三", title: t, until, link }, `【个人电子签】${"提醒您："}${"张三"}邀请您${"补充信息并签署"}《${t}》，请于${until}前打开 ${link} 处理。`],
  "contract.signed": [{ title: t }, `【个人电子签】《${t}》已有签署方完成签署，等待其他签署方。`],
  "contract.initiatorTurn": [{ title: t, link }, `【个人电子签】对方已签署《${t}》，请打开 ${link} 确认并签署，签署后合同生效。`],
  "contract.effective": [{ title: t }, `【个人电子签】《${t}》已由各方签署完成，合同已生效，可在文件夹中查看和下载。`],
  "contract.rejected": [{ title: t, reason: "金额不对" }, `【个人电子签】对方已拒签《${t}》，理由：${"金额不对"}。`],
  "contract.rejected.byInitiator": [{ initiator: "张三", title: t, reason: "未填写" }, `【个人电子签】${"张三"}已拒签《${t}》，理由：${"未填写"}。`],
  "contract.revoked": [{ initiator: "张三", title: t }, `【个人电子签】${"张三"}已撤销《${t}》，无需再签署。`],
  "contract.expired": [{ title: t }, `【个人电子签】《${t}》在签署截止时间前未完成签署，已过期。`],
  "contract.rescindRequest": [{ requester: "李四", title: t, reason: "交易已取消", link }, `【个人电子签】${"李四"}申请${rescind.noun}《${t}》，原因：${"交易已取消"}。请打开 ${link} 确认或拒绝。`],
  "contract.rescindCancelled": [{ requester: "李四", title: t }, `【个人电子签】${"李四"}已取消对《${t}》的${rescind.noun}申请，合同仍然有效。`],
  "contract.rescindAnswered.agreed": [{ title: t, link }, `【个人电子签】对方${`已同意${rescind.noun}，合同状态为${rescind.done}`}：《${t}》。查看 ${link}`],
  "contract.rescindAnswered.refused": [{ title: t, link }, `【个人电子签】对方${`拒绝了${rescind.noun}申请，合同仍然有效`}：《${t}》。查看 ${link}`],
  "contract.settleRequest": [{ requester: "李四", title: t, reason: "借款本金及利息已全部还清", link }, `【个人电子签】${"李四"}申请${settle.noun}《${t}》，原因：${"借款本金及利息已全部还清"}。请打开 ${link} 确认或拒绝。`],
  "contract.settleCancelled": [{ requester: "李四", title: t }, `【个人电子签】${"李四"}已取消对《${t}》的${settle.noun}申请，合同仍然有效。`],
  "contract.settleAnswered.agreed": [{ title: t, link }, `【个人电子签】对方${`已同意${settle.noun}，合同状态为${settle.done}`}：《${t}》。查看 ${link}`],
  "contract.settleAnswered.refused": [{ title: t, link }, `【个人电子签】对方${`拒绝了${settle.noun}申请，合同仍然有效`}：《${t}》。查看 ${link}`],
  "iou.repayReminder": [{ title: t, what: "今天（2027-01-05）还款本金¥10,000.00及利息" }, `【个人电子签】还款提醒：您在《${t}》中约定${"今天（2027-01-05）还款本金¥10,000.00及利息"}。`],
  "iou.repayReminder.payee": [{ title: t, who: "借款人李四", what: "今天（2027-01-05）还款本金¥10,000.00及利息" }, `【个人电子签】收款提醒：《${t}》中${"借款人李四"}约定${"今天（2027-01-05）还款本金¥10,000.00及利息"}。`],
  "order.refunded": [{ number: "DD20270105000001", item: "合同费用", amount: "¥3.00" }, `【个人电子签】您的订单${"DD20270105000001"}（${"合同费用"}）已退款${"¥3.00"}，将原路退回。`],
  "evidence.report": [{ title: t, number: "BG2027000001", email: "z***@example.com" }, `【个人电子签】您申请的《${t}》签署报告（${"BG2027000001"}）已发送至邮箱${"z***@example.com"}，请查收。`],
};

describe("SMS templates", () => {
  it("every template has a case here", () => {
    expect(Object.keys(cases).sort()).toEqual([...SMS_TEMPLATE_KEYS].sort());
  });

  it.each(SMS_TEMPLATE_KEYS)("%s renders the text the call site sent before templates", (key) => {
    const [params, expected] = cases[key] as [Record<string, string>, string];
    expect(renderSms(key, params, SIGN)).toBe(expected);
  });

  it.each(SMS_TEMPLATE_KEYS)("%s: params are its placeholders in order, its key is its kind or kind.variant, the text has no sign", (key) => {
    const def: SmsTemplateDef = SMS_TEMPLATES[key];
    expect(placeholdersOf(def.text)).toEqual([...def.params]);
    expect(new Set(def.params).size).toBe(def.params.length);
    expect(key === def.kind || key.startsWith(`${def.kind}.`)).toBe(true);
    expect(def.text).not.toMatch(/【|】/);
    if (def.secret) expect(def.params).toContain(def.secret);
  });

  it("orders parameters as the template does (Tencent's TemplateParamSet), whatever the object's order", () => {
    expect(orderedParams("contract.invite", { link, until, title: t, initiator: "张三" })).toEqual(["张三", t, until, link]);
  });

  it("keeps exactly the template's parameters, in its order", () => {
    expect(Object.entries(pickParams("contract.invite", { link, extra: "x", until, title: t, initiator: "张三" } as Record<string, string>))).toEqual([
      ["initiator", "张三"],
      ["title", t],
      ["until", until],
      ["link", link],
    ]);
  });

  it("only the verification-code templates carry a secret, and masking hides exactly that one", () => {
    expect(SMS_TEMPLATE_KEYS.filter((k) => (SMS_TEMPLATES[k] as SmsTemplateDef).secret)).toEqual(["login_code", "account.phoneCode"]);
    expect(maskedParams("login_code", { code: "123456" })).toEqual({ code: "******" });
    expect(renderSms("login_code", maskedParams("login_code", { code: "123456" }), SIGN)).toBe("【个人电子签】您的登录验证码为 ******，5分钟内有效。请勿泄露给他人。");
    expect(maskedParams("contract.signed", { title: "123456" })).toEqual({ title: "123456" });
  });

  it("substitutes once: a value that looks like a placeholder stays as typed", () => {
    expect(renderSms("contract.revoked", { initiator: "{title}", title: "A" }, SIGN)).toBe("【个人电子签】{title}已撤销《A》，无需再签署。");
  });

  it("refuses a missing parameter at run time too (data from an old row)", () => {
    expect(() => renderSms("contract.revoked", { initiator: "张三" }, SIGN)).toThrow(/缺少参数 title/);
    expect(() => orderedParams("contract.revoked", { initiator: "张三" })).toThrow(/缺少参数 title/);
  });

  it("uses the configured sign name", () => {
    expect(renderSms("contract.signed", { title: "A" }, "某某签")).toBe("【某某签】《A》已有签署方完成签署，等待其他签署方。");
  });
});

// Compile-time checks: a wrong or missing parameter does not type-check.
// @ts-expect-error missing "title"
const missing: SmsParams<"contract.revoked"> = { initiator: "张三" };
// @ts-expect-error unknown "name"
const unknown: SmsParams<"contract.signed"> = { title: "A", name: "x" };
void missing;
void unknown;

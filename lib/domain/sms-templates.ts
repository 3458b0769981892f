// Every SMS the product sends is one of these templates: a fixed text with {param} placeholders,
// as mainland gateways require (they send only approved templates, by id, with parameters). The
// operator registers each text with the gateway (Tencent numbers the placeholders {1} {2} … in the
// order of `params`; Aliyun names them ${param}) and configures its id (SMS_TEMPLATE_IDS).
//
// `kind` is what the outbox row is filed under (admin filters and tests read it); a kind may have
// several texts (an invitation to sign, to supply one's details first, …), each its own template.
// The sign (【个人电子签】) is not part of a text: the gateway adds the configured sign name.

export type SmsTemplateDef = {
  /** The outbox kind the message is filed under; the template key is the kind or `kind.variant`. */
  readonly kind: string;
  /** What it is for, for the operator registering it. */
  readonly label: string;
  readonly text: string;
  /** Placeholder names in the order they appear in the text (Tencent's TemplateParamSet order). */
  readonly params: readonly string[];
  /** A param holding a secret (a verification code): masked in the outbox, sealed until sent. */
  readonly secret?: string;
};

export const SMS_TEMPLATES = {
  login_code: {
    kind: "login_code",
    label: "登录验证码",
    text: "您的登录验证码为 {code}，5分钟内有效。请勿泄露给他人。",
    params: ["code"],
    secret: "code",
  },
  "account.phoneCode": {
    kind: "account.phoneCode",
    label: "更换手机号验证码",
    text: "您正在将账号手机号更换为本号码，验证码 {code}，5分钟内有效。如非本人操作请忽略。",
    params: ["code"],
    secret: "code",
  },
  "contract.invite": {
    kind: "contract.invite",
    label: "邀请签署",
    text: "{initiator}邀请您签署《{title}》，请于{until}前打开 {link} 处理。",
    params: ["initiator", "title", "until", "link"],
  },
  "contract.invite.fill": {
    kind: "contract.invite",
    label: "邀请补充信息并签署",
    text: "{initiator}邀请您补充信息并签署《{title}》，请于{until}前打开 {link} 处理。",
    params: ["initiator", "title", "until", "link"],
  },
  "contract.invite.next": {
    kind: "contract.invite",
    label: "按顺序签署：轮到下一位签署方",
    text: "轮到您签署了：{initiator}邀请您签署《{title}》，请于{until}前打开 {link} 处理。",
    params: ["initiator", "title", "until", "link"],
  },
  "contract.invite.ready": {
    kind: "contract.invite",
    label: "各方信息已补充完整，邀请签署",
    text: "《{title}》各签署方信息已补充完整，轮到您签署了：请于{until}前打开 {link} 签署。",
    params: ["title", "until", "link"],
  },
  "contract.urge": {
    kind: "contract.urge",
    label: "催办签署",
    text: "提醒您：{initiator}邀请您签署《{title}》，请于{until}前打开 {link} 处理。",
    params: ["initiator", "title", "until", "link"],
  },
  "contract.urge.fill": {
    kind: "contract.urge",
    label: "催办补充信息并签署",
    text: "提醒您：{initiator}邀请您补充信息并签署《{title}》，请于{until}前打开 {link} 处理。",
    params: ["initiator", "title", "until", "link"],
  },
  "contract.signed": {
    kind: "contract.signed",
    label: "有签署方已签署（告知发起方）",
    text: "《{title}》已有签署方完成签署，等待其他签署方。",
    params: ["title"],
  },
  "contract.initiatorTurn": {
    kind: "contract.initiatorTurn",
    label: "对方已签署，请发起方签署",
    text: "对方已签署《{title}》，请打开 {link} 确认并签署，签署后合同生效。",
    params: ["title", "link"],
  },
  "contract.effective": {
    kind: "contract.effective",
    label: "合同已生效",
    text: "《{title}》已由各方签署完成，合同已生效，可在文件夹中查看和下载。",
    params: ["title"],
  },
  "contract.rejected": {
    kind: "contract.rejected",
    label: "对方拒签（告知发起方）",
    text: "对方已拒签《{title}》，理由：{reason}。",
    params: ["title", "reason"],
  },
  "contract.rejected.byInitiator": {
    kind: "contract.rejected",
    label: "发起方拒签（告知其他签署方）",
    text: "{initiator}已拒签《{title}》，理由：{reason}。",
    params: ["initiator", "title", "reason"],
  },
  "contract.revoked": {
    kind: "contract.revoked",
    label: "发起方已撤销",
    text: "{initiator}已撤销《{title}》，无需再签署。",
    params: ["initiator", "title"],
  },
  "contract.expired": {
    kind: "contract.expired",
    label: "合同已过期",
    text: "《{title}》在签署截止时间前未完成签署，已过期。",
    params: ["title"],
  },
  "contract.rescindRequest": {
    kind: "contract.rescindRequest",
    label: "对方申请解除",
    text: "{requester}申请解除《{title}》，原因：{reason}。请打开 {link} 确认或拒绝。",
    params: ["requester", "title", "reason", "link"],
  },
  "contract.rescindCancelled": {
    kind: "contract.rescindCancelled",
    label: "对方取消解除申请",
    text: "{requester}已取消对《{title}》的解除申请，合同仍然有效。",
    params: ["requester", "title"],
  },
  "contract.rescindAnswered.agreed": {
    kind: "contract.rescindAnswered",
    label: "对方同意解除",
    text: "对方已同意解除，合同状态为已解除：《{title}》。查看 {link}",
    params: ["title", "link"],
  },
  "contract.rescindAnswered.refused": {
    kind: "contract.rescindAnswered",
    label: "对方拒绝解除",
    text: "对方拒绝了解除申请，合同仍然有效：《{title}》。查看 {link}",
    params: ["title", "link"],
  },
  "contract.settleRequest": {
    kind: "contract.settleRequest",
    label: "对方申请结清",
    text: "{requester}申请结清《{title}》，原因：{reason}。请打开 {link} 确认或拒绝。",
    params: ["requester", "title", "reason", "link"],
  },
  "contract.settleCancelled": {
    kind: "contract.settleCancelled",
    label: "对方取消结清申请",
    text: "{requester}已取消对《{title}》的结清申请，合同仍然有效。",
    params: ["requester", "title"],
  },
  "contract.settleAnswered.agreed": {
    kind: "contract.settleAnswered",
    label: "对方同意结清",
    text: "对方已同意结清，合同状态为已结清：《{title}》。查看 {link}",
    params: ["title", "link"],
  },
  "contract.settleAnswered.refused": {
    kind: "contract.settleAnswered",
    label: "对方拒绝结清",
    text: "对方拒绝了结清申请，合同仍然有效：《{title}》。查看 {link}",
    params: ["title", "link"],
  },
  "iou.repayReminder": {
    kind: "iou.repayReminder",
    label: "还款提醒（约定还款的一方）",
    text: "还款提醒：您在《{title}》中约定{what}。",
    params: ["title", "what"],
  },
  "iou.repayReminder.payee": {
    kind: "iou.repayReminder",
    label: "收款提醒（开启提醒的另一方）",
    text: "收款提醒：《{title}》中{who}约定{what}。",
    params: ["title", "who", "what"],
  },
  "order.refunded": {
    kind: "order.refunded",
    label: "订单已退款",
    text: "您的订单{number}（{item}）已退款{amount}，将原路退回。",
    params: ["number", "item", "amount"],
  },
  "evidence.report": {
    kind: "evidence.report",
    label: "签署报告已发送至邮箱",
    text: "您申请的《{title}》签署报告（{number}）已发送至邮箱{email}，请查收。",
    params: ["title", "number", "email"],
  },
} as const satisfies Record<string, SmsTemplateDef>;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;
export const SMS_TEMPLATE_KEYS = Object.keys(SMS_TEMPLATES) as SmsTemplate[];

/** The parameters a template takes, each a string: a missing or unknown one is a compile error. */
export type SmsParams<T extends SmsTemplate> = { [P in (typeof SMS_TEMPLATES)[T]["params"][number]]: string };

export function isSmsTemplate(key: string | null | undefined): key is SmsTemplate {
  return !!key && Object.prototype.hasOwnProperty.call(SMS_TEMPLATES, key);
}

export function smsTemplate(key: SmsTemplate): SmsTemplateDef {
  return SMS_TEMPLATES[key];
}

/** The placeholders of a text, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * The text a handset shows: 【sign】 and the template with each placeholder replaced (in one pass,
 * so a value containing "{x}" stays as typed). Throws on a missing parameter.
 */
export function renderSms(key: SmsTemplate, params: Readonly<Record<string, string>>, signName: string): string {
  const def = SMS_TEMPLATES[key];
  const text = def.text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (typeof v !== "string") throw new Error(`短信模板 ${key} 缺少参数 ${name}`);
    return v;
  });
  return `【${signName}】${text}`;
}

/** The parameters in the template's order (Tencent's TemplateParamSet). */
export function orderedParams(key: SmsTemplate, params: Readonly<Record<string, string>>): string[] {
  return SMS_TEMPLATES[key].params.map((name) => {
    const v = params[name];
    if (typeof v !== "string") throw new Error(`短信模板 ${key} 缺少参数 ${name}`);
    return v;
  });
}

/** Exactly the template's parameters, in its order (anything else dropped); throws on a missing one. */
export function pickParams(key: SmsTemplate, params: Readonly<Record<string, string>>): Record<string, string> {
  const values = orderedParams(key, params);
  return Object.fromEntries(SMS_TEMPLATES[key].params.map((name, i) => [name, values[i]!]));
}

/** The same parameters with the template's secret (if any) replaced by asterisks of its length. */
export function maskedParams(key: SmsTemplate, params: Readonly<Record<string, string>>): Record<string, string> {
  const secret = (SMS_TEMPLATES[key] as SmsTemplateDef).secret;
  const out: Record<string, string> = {};
  for (const name of SMS_TEMPLATES[key].params) out[name] = name === secret ? "*".repeat(params[name]?.length ?? 0) : (params[name] ?? "");
  return out;
}

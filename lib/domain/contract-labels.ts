// How a contract's state reads to a person, e.g. 待借款人签署 rather than a bare 待签署.
import { STATE_LABELS, type ContractState } from "./lifecycle";
import { roleLabelIn } from "./templates/registry";

const ROLE_LABELS: Record<string, string> = { LENDER: "出借人", BORROWER: "借款人", PAYEE: "收款人", PAYER: "付款人" };
/** A role's label; template roles (出租方, 买受人 …) need the contract's kind. */
export const roleLabel = (role: string, kind?: string) => ROLE_LABELS[role] ?? (kind ? roleLabelIn(kind, role) : "签署方");

export function statusLabel(state: ContractState, waitingRoles: string[] = [], kind?: string): string {
  if (waitingRoles.length === 1 && (state === "PENDING_SIGN" || state === "PENDING_INFO")) {
    return `待${roleLabel(waitingRoles[0]!, kind)}${state === "PENDING_INFO" ? "补充信息" : "签署"}`;
  }
  return STATE_LABELS[state];
}

export const ACTION_LABELS: Record<string, string> = {
  create: "创建草稿",
  initiate: "发起并签署",
  supplement: "补充签署信息",
  sign: "签署",
  ltvRenew: "长期验证续期",
  claim: "领取",
  reject: "拒签",
  revoke: "撤销",
  urge: "催办",
  expire: "过期",
  discard: "删除草稿",
  rescindRequest: "申请解除",
  rescindCancel: "取消解除",
  rescindConfirm: "确认解除",
  rescindRefuse: "拒绝解除",
  settleRequest: "申请结清",
  settleCancel: "取消结清",
  settleConfirm: "确认结清",
  settleRefuse: "拒绝结清",
  email: "发送到邮箱",
  reportRequest: "申请出证",
};

/** How the actor's intent was verified (意愿核验), as recorded in an audit event's detail. */
export const VERIFICATION_LABELS: Record<string, string> = { face: "人脸核身", sms: "短信验证码", password: "签署密码", webauthn: "指纹/面容ID" };

export const STATUS_TONE: Partial<Record<ContractState, string>> = {
  EFFECTIVE: "bg-emerald-50 text-emerald-700",
  PENDING_INFO: "bg-amber-50 text-amber-700",
  PENDING_SIGN: "bg-amber-50 text-amber-700",
  PENDING_CLAIM: "bg-amber-50 text-amber-700",
  DRAFT: "bg-slate-100 text-slate-600",
  RESCINDING: "bg-orange-50 text-orange-700",
  SETTLING: "bg-orange-50 text-orange-700",
  SETTLED: "bg-sky-50 text-sky-700",
};

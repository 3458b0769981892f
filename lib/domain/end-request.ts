// 解除 (rescind) and 结清 (settle): the two ways an effective contract ends by agreement.
// Both have the same shape: one side asks with a reason, the other confirms or refuses.

export const END_KINDS = ["rescind", "settle"] as const;
export type EndKind = (typeof END_KINDS)[number];

export const END_ANSWERS = ["Cancel", "Confirm", "Refuse"] as const;
export type EndAnswer = (typeof END_ANSWERS)[number];

export type EndAction = `${EndKind}${"Request" | EndAnswer}`;
export const END_ACTIONS = [
  "rescindRequest",
  "rescindCancel",
  "rescindConfirm",
  "rescindRefuse",
  "settleRequest",
  "settleCancel",
  "settleConfirm",
  "settleRefuse",
] as const satisfies readonly EndAction[];

export const END_LABELS: Record<EndKind, { noun: string; request: string; confirm: string; refuse: string; cancel: string; done: string }> = {
  rescind: { noun: "解除", request: "申请解除", confirm: "确认解除", refuse: "拒绝解除", cancel: "取消解除", done: "已解除" },
  settle: { noun: "结清", request: "申请结清", confirm: "确认结清", refuse: "拒绝结清", cancel: "取消结清", done: "已结清" },
};

/** Reasons offered as one tap; 其他 lets the user type their own. */
export const COMMON_REASONS: Record<EndKind, readonly string[]> = {
  rescind: ["双方协商一致，不再履行本合同", "合同内容填写有误，需要重新签署", "交易已取消", "对方未按约定履行"],
  settle: ["借款本金及利息已全部还清", "双方协商一致，债务已了结", "出借人同意免除剩余债务"],
};

export const END_REASON_MAX = 200;

/** Which kind of request a pending state belongs to. */
export function endKindOfState(status: string): EndKind | null {
  return status === "RESCINDING" ? "rescind" : status === "SETTLING" ? "settle" : null;
}

/** The statement the ended document carries (the PDF stamp and the detail page). */
export function endedStatement(kind: EndKind, subject: string): string {
  return kind === "settle"
    ? `本${subject}项下债务已经双方确认结清，本${subject}不再作为债权凭证。`
    : `本${subject}已经双方确认解除，自解除之日起不再履行。`;
}

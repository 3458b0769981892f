// The contract lifecycle: one explicit transition table for every contract kind.
// (state, action, actor's role) → next state and the effects the server runs in the same
// transaction. Nothing else decides a contract's status.

export const CONTRACT_STATES = [
  "DRAFT", // 草稿
  "PENDING_INFO", // 待补充: a counterparty must first supply their identity (对方填)
  "PENDING_SIGN", // 待签署
  "PENDING_CLAIM", // 待领取 (收据)
  "EFFECTIVE", // 已生效
  "RESCINDING", // 解除中
  "SETTLING", // 结清中
  "RESCINDED", // 已解除
  "SETTLED", // 已结清
  "REJECTED", // 已拒签
  "REVOKED", // 已撤销
  "EXPIRED", // 已过期
  "DISCARDED", // 草稿已删除
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export const CONTRACT_ACTIONS = [
  "initiate", // 发起: the initiator signs (or confirms, for claim-style kinds) and invites
  "supplement", // 补充信息: the counterparty supplies name / ID / phone
  "sign", // 签署
  "claim", // 领取 (收据)
  "reject", // 拒签
  "revoke", // 撤销
  "urge", // 催办
  "expire", // 过期 (scheduled)
  "discard", // 删除草稿
  "rescindRequest", // 申请解除
  "rescindCancel", // 取消解除
  "rescindConfirm", // 确认解除
  "rescindRefuse", // 拒绝解除
  "settleRequest", // 申请结清
  "settleCancel",
  "settleConfirm",
  "settleRefuse",
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/**
 * Who acts, relative to this contract. The server derives it: the initiator, any other
 * signer (recipient), and during a rescission / settlement the one who asked (requester)
 * and the one who answers (responder). SYSTEM is the scheduler.
 */
export const ACTOR_ROLES = ["INITIATOR", "RECIPIENT", "REQUESTER", "RESPONDER", "SYSTEM"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export type Effect =
  | "inviteRecipients" // SMS each recipient their link
  | "notifyInitiatorSigned" // a recipient signed, others still pending
  | "inviteNextSigner" // 按顺序签署: the next signer in order gets their link
  | "inviteReadySigners" // the last missing identity came in: signers who were waiting for it may sign now
  | "notifyAllEffective" // everyone signed: tell all parties, store the final PDF
  | "storeFinalPdf"
  | "notifyInitiatorRejected"
  | "notifyRecipientsRevoked"
  | "notifyAllExpired"
  | "remindRecipients" // 催办
  | "scheduleExpiry"
  | "notifyResponder" // a rescission / settlement asks the other side
  | "notifyResponderCancelled" // the requester withdrew it
  | "notifyRequesterAnswered"
  | "storeEndedPdf" // the 已解除 / 已结清 version of the document
  | "refundFee" // ended before taking effect: a paid fee goes back
  | "notifyInitiatorToSign" // 对方先签: the other side signed, the initiator's turn
  | "notifyRecipientsRejected"; // the initiator declined to sign after the other side did

/** Facts about the contract the guards need; the server computes them from the rows. */
export type TransitionContext = {
  /** Has any recipient supplied info, signed, claimed or rejected? (撤销 only before that) */
  recipientActed: boolean;
  /** Recipients whose identity is still missing (对方填). */
  recipientsMissingInfo: number;
  /** Recipients who still have to sign, counting the one signing now. */
  recipientsUnsigned: number;
  /** 对方先签 (template contracts): the initiator signs last and has not yet. */
  initiatorUnsigned: boolean;
  /** Total number of signers. Rescission in-app needs exactly two. */
  signerCount: number;
  /** Whether the kind completes by claiming (收据) rather than signing. */
  claimStyle: boolean;
  /** Whether the kind can be settled (借条). */
  settleable: boolean;
  /** 暂停: an account among the contract's people is frozen by the platform. */
  onHold: boolean;
  /** What 发起 is for the initiator, from the kind's sign steps: they sign (default), only confirm (确认开具), or invite and sign last (对方先签). */
  initiatorStarts?: "sign" | "confirm" | "invite";
};

/** A signer's own status (Party.status). */
export type PartyStatus = "WAITING_INFO" | "WAITING_SIGN" | "SIGNED" | "CONFIRMED" | "REJECTED";

export const ON_HOLD_MESSAGE = "合同已暂停：有签署方的账号已被平台冻结，暂不能继续操作";
/** While on hold, people may only walk away (and the scheduler may still let it expire). */
const HOLD_EXITS: ReadonlySet<ContractAction> = new Set(["revoke", "discard", "reject"]);

export type Transition =
  | { ok: true; to: ContractState; effects: Effect[] }
  | { ok: false; reason: "NOT_ALLOWED" | "GUARD"; message: string };

type Row = {
  from: readonly ContractState[];
  action: ContractAction;
  roles: readonly ActorRole[];
  to: ContractState | ((ctx: TransitionContext) => ContractState);
  /** Returns the refusal message when the action may not happen now. */
  guard?: (ctx: TransitionContext) => string | null;
  effects: readonly Effect[] | ((ctx: TransitionContext) => Effect[]);
  /** What the acting signer's own status becomes; absent when the action leaves it as it is. */
  party?: PartyStatus | ((ctx: TransitionContext) => PartyStatus | null);
};

const PENDING: readonly ContractState[] = ["PENDING_INFO", "PENDING_SIGN", "PENDING_CLAIM"];

const TABLE: readonly Row[] = [
  {
    from: ["DRAFT"],
    action: "initiate",
    roles: ["INITIATOR"],
    to: (c) => (c.recipientsMissingInfo > 0 ? "PENDING_INFO" : c.claimStyle ? "PENDING_CLAIM" : "PENDING_SIGN"),
    effects: ["inviteRecipients", "scheduleExpiry"],
    party: (c) => ({ sign: "SIGNED" as const, confirm: "CONFIRMED" as const, invite: null })[c.initiatorStarts ?? "sign"],
  },
  { from: ["DRAFT"], action: "discard", roles: ["INITIATOR"], to: "DISCARDED", effects: ["refundFee"] },
  {
    from: ["PENDING_INFO"],
    action: "supplement",
    roles: ["RECIPIENT"],
    to: (c) => (c.recipientsMissingInfo > 1 ? "PENDING_INFO" : c.claimStyle ? "PENDING_CLAIM" : "PENDING_SIGN"),
    effects: (c) => (c.recipientsMissingInfo > 1 ? [] : ["inviteReadySigners"]),
    party: "WAITING_SIGN",
  },
  {
    from: ["PENDING_SIGN"],
    action: "sign",
    roles: ["RECIPIENT"],
    to: (c) => (c.recipientsUnsigned > 1 || c.initiatorUnsigned ? "PENDING_SIGN" : "EFFECTIVE"),
    effects: (c) =>
      c.recipientsUnsigned > 1 ? ["notifyInitiatorSigned", "inviteNextSigner"] : c.initiatorUnsigned ? ["notifyInitiatorToSign"] : ["storeFinalPdf", "notifyAllEffective"],
    party: "SIGNED",
  },
  // 对方先签: once every recipient has signed, the initiator signs last, or declines
  {
    from: ["PENDING_SIGN"],
    action: "sign",
    roles: ["INITIATOR"],
    guard: initiatorTurn,
    to: "EFFECTIVE",
    effects: ["storeFinalPdf", "notifyAllEffective"],
    party: "SIGNED",
  },
  { from: ["PENDING_SIGN"], action: "reject", roles: ["INITIATOR"], guard: initiatorTurn, to: "REJECTED", effects: ["notifyRecipientsRejected", "refundFee"], party: "REJECTED" },
  {
    from: ["PENDING_CLAIM"],
    action: "claim",
    roles: ["RECIPIENT"],
    to: "EFFECTIVE",
    effects: ["storeFinalPdf", "notifyAllEffective"],
    party: "CONFIRMED",
  },
  { from: PENDING, action: "reject", roles: ["RECIPIENT"], to: "REJECTED", effects: ["notifyInitiatorRejected", "refundFee"], party: "REJECTED" },
  {
    from: PENDING,
    action: "revoke",
    roles: ["INITIATOR"],
    to: "REVOKED",
    guard: (c) => (c.recipientActed ? "对方已处理，无法撤销" : null),
    effects: ["notifyRecipientsRevoked", "refundFee"],
  },
  // 催办 reaches the recipients: nobody to remind once only the initiator's own signature is missing (对方先签)
  { from: PENDING, action: "urge", roles: ["INITIATOR"], guard: (c) => (c.recipientsUnsigned > 0 || c.recipientsMissingInfo > 0 ? null : "对方均已签署，请您签署"), to: (c) => pendingState(c), effects: ["remindRecipients"] },
  { from: PENDING, action: "expire", roles: ["SYSTEM"], to: "EXPIRED", effects: ["notifyAllExpired", "refundFee"] },
  {
    from: ["EFFECTIVE"],
    action: "rescindRequest",
    roles: ["INITIATOR", "RECIPIENT"],
    to: "RESCINDING",
    guard: (c) => (c.signerCount !== 2 ? "本合同有两个以上签署方，不支持在线解除；如需解除，请全体签署方另行签署《解除协议》" : null),
    effects: ["notifyResponder"],
  },
  { from: ["RESCINDING"], action: "rescindCancel", roles: ["REQUESTER"], to: "EFFECTIVE", effects: ["notifyResponderCancelled"] },
  {
    from: ["RESCINDING"],
    action: "rescindConfirm",
    roles: ["RESPONDER"],
    to: "RESCINDED",
    effects: ["storeEndedPdf", "notifyRequesterAnswered"],
  },
  { from: ["RESCINDING"], action: "rescindRefuse", roles: ["RESPONDER"], to: "EFFECTIVE", effects: ["notifyRequesterAnswered"] },
  {
    from: ["EFFECTIVE"],
    action: "settleRequest",
    roles: ["INITIATOR", "RECIPIENT"],
    to: "SETTLING",
    guard: (c) => (!c.settleable ? "该类合同不支持结清" : c.signerCount !== 2 ? "多于两方签署的合同不支持在线结清" : null),
    effects: ["notifyResponder"],
  },
  { from: ["SETTLING"], action: "settleCancel", roles: ["REQUESTER"], to: "EFFECTIVE", effects: ["notifyResponderCancelled"] },
  { from: ["SETTLING"], action: "settleConfirm", roles: ["RESPONDER"], to: "SETTLED", effects: ["storeEndedPdf", "notifyRequesterAnswered"] },
  { from: ["SETTLING"], action: "settleRefuse", roles: ["RESPONDER"], to: "EFFECTIVE", effects: ["notifyRequesterAnswered"] },
];

function initiatorTurn(c: TransitionContext): string | null {
  if (!c.initiatorUnsigned) return "您已签署";
  return c.recipientsUnsigned > 0 ? "请等待对方签署后再签署" : null;
}

/** 催办 leaves the contract where it is; the pending state follows from the context. */
function pendingState(c: TransitionContext): ContractState {
  if (c.recipientsMissingInfo > 0) return "PENDING_INFO";
  return c.claimStyle ? "PENDING_CLAIM" : "PENDING_SIGN";
}

export function transition(state: ContractState, action: ContractAction, role: ActorRole, ctx: TransitionContext): Transition {
  const row = TABLE.find((r) => r.action === action && r.from.includes(state) && r.roles.includes(role));
  if (!row) return { ok: false, reason: "NOT_ALLOWED", message: "当前状态下不能进行此操作" };
  if (ctx.onHold && role !== "SYSTEM" && !HOLD_EXITS.has(action)) return { ok: false, reason: "GUARD", message: ON_HOLD_MESSAGE };
  const refused = row.guard?.(ctx);
  if (refused) return { ok: false, reason: "GUARD", message: refused };
  const to = typeof row.to === "function" ? row.to(ctx) : row.to;
  const effects = typeof row.effects === "function" ? row.effects(ctx) : [...row.effects];
  return { ok: true, to, effects };
}

/** What the acting signer's own status becomes with this (allowed) transition; null when it stays. */
export function partyStatusAfter(state: ContractState, action: ContractAction, role: ActorRole, ctx: TransitionContext): PartyStatus | null {
  const row = TABLE.find((r) => r.action === action && r.from.includes(state) && r.roles.includes(role));
  return typeof row?.party === "function" ? row.party(ctx) : (row?.party ?? null);
}

/** The actions a role may attempt in a state (guards aside): what a detail page offers. */
export function actionsFor(state: ContractState, role: ActorRole): ContractAction[] {
  return TABLE.filter((r) => r.from.includes(state) && r.roles.includes(role)).map((r) => r.action);
}

export const TERMINAL_STATES: readonly ContractState[] = ["RESCINDED", "SETTLED", "REJECTED", "REVOKED", "EXPIRED", "DISCARDED"];
export const PENDING_STATES = PENDING;

/** Status labels as the folder and detail pages show them. */
export const STATE_LABELS: Record<ContractState, string> = {
  DRAFT: "草稿",
  PENDING_INFO: "待补充信息",
  PENDING_SIGN: "待签署",
  PENDING_CLAIM: "待领取",
  EFFECTIVE: "已生效",
  RESCINDING: "待确认解除",
  SETTLING: "待确认结清",
  RESCINDED: "已解除",
  SETTLED: "已结清",
  REJECTED: "已拒签",
  REVOKED: "已撤销",
  EXPIRED: "已过期",
  DISCARDED: "已删除",
};

/** How long a pending contract waits for its signers, unless its initiator chose a deadline. */
export const PENDING_TTL_DAYS = 30;

/** States in which the signed document exists: it can be downloaded and e-mailed. */
export const DOCUMENT_STATES: readonly ContractState[] = ["EFFECTIVE", "RESCINDING", "SETTLING", "RESCINDED", "SETTLED"];

/** States of a contract that ended without taking effect: what it shows is marked 作废. */
export const VOID_STATES: readonly ContractState[] = TERMINAL_STATES.filter((s) => !DOCUMENT_STATES.includes(s) && s !== "DISCARDED");

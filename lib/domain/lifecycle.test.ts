import { describe, expect, it } from "vitest";
import {
  ACTOR_ROLES,
  CONTRACT_ACTIONS,
  CONTRACT_STATES,
  actionsFor,
  transition,
  partyStatusAfter,
  ON_HOLD_MESSAGE,
  type ActorRole,
  type ContractAction,
  type ContractState,
  type TransitionContext,
  VOID_STATES,
} from "./lifecycle";

// A two-party IOU whose counterparty has not acted yet and whose identity is known.
const base: TransitionContext = {
  onHold: false,
  recipientActed: false,
  recipientsMissingInfo: 0,
  recipientsUnsigned: 1,
  initiatorUnsigned: false,
  signerCount: 2,
  claimStyle: false,
  settleable: true,
};

// Every allowed cell, written out independently of the table: [state, action, role, next].
const ALLOWED: [ContractState, ContractAction, ActorRole, ContractState][] = [
  ["DRAFT", "initiate", "INITIATOR", "PENDING_SIGN"],
  ["DRAFT", "discard", "INITIATOR", "DISCARDED"],
  ["PENDING_INFO", "supplement", "RECIPIENT", "PENDING_SIGN"],
  ["PENDING_SIGN", "sign", "RECIPIENT", "EFFECTIVE"],
  ["PENDING_CLAIM", "claim", "RECIPIENT", "EFFECTIVE"],
  ["PENDING_INFO", "reject", "RECIPIENT", "REJECTED"],
  ["PENDING_SIGN", "reject", "RECIPIENT", "REJECTED"],
  ["PENDING_CLAIM", "reject", "RECIPIENT", "REJECTED"],
  ["PENDING_INFO", "revoke", "INITIATOR", "REVOKED"],
  ["PENDING_SIGN", "revoke", "INITIATOR", "REVOKED"],
  ["PENDING_CLAIM", "revoke", "INITIATOR", "REVOKED"],
  ["PENDING_INFO", "urge", "INITIATOR", "PENDING_SIGN"], // base ctx has no missing info
  ["PENDING_SIGN", "urge", "INITIATOR", "PENDING_SIGN"],
  ["PENDING_CLAIM", "urge", "INITIATOR", "PENDING_SIGN"],
  ["PENDING_INFO", "expire", "SYSTEM", "EXPIRED"],
  ["PENDING_SIGN", "expire", "SYSTEM", "EXPIRED"],
  ["PENDING_CLAIM", "expire", "SYSTEM", "EXPIRED"],
  ["EFFECTIVE", "rescindRequest", "INITIATOR", "RESCINDING"],
  ["EFFECTIVE", "rescindRequest", "RECIPIENT", "RESCINDING"],
  ["RESCINDING", "rescindCancel", "REQUESTER", "EFFECTIVE"],
  ["RESCINDING", "rescindConfirm", "RESPONDER", "RESCINDED"],
  ["RESCINDING", "rescindRefuse", "RESPONDER", "EFFECTIVE"],
  ["EFFECTIVE", "settleRequest", "INITIATOR", "SETTLING"],
  ["EFFECTIVE", "settleRequest", "RECIPIENT", "SETTLING"],
  ["SETTLING", "settleCancel", "REQUESTER", "EFFECTIVE"],
  ["SETTLING", "settleConfirm", "RESPONDER", "SETTLED"],
  ["SETTLING", "settleRefuse", "RESPONDER", "EFFECTIVE"],
];

// Cells that exist but whose guard refuses them in the base context (对方先签: the initiator's turn).
const GUARDED = new Set(["PENDING_SIGN|sign|INITIATOR", "PENDING_SIGN|reject|INITIATOR"]);

const key = (s: string, a: string, r: string) => `${s}|${a}|${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));

describe("lifecycle table: every (state, action, role) cell", () => {
  const cells = CONTRACT_STATES.flatMap((s) => CONTRACT_ACTIONS.flatMap((a) => ACTOR_ROLES.map((r) => [s, a, r] as const)));
  it("covers all cells", () => expect(cells.length).toBe(13 * 17 * 5));
  it.each(cells)("%s · %s · %s", (state, action, role) => {
    const result = transition(state, action, role, base);
    const expected = allowed.get(key(state, action, role));
    if (expected) expect(result).toMatchObject({ ok: true, to: expected });
    else if (GUARDED.has(key(state, action, role))) expect(result).toEqual({ ok: false, reason: "GUARD", message: "您已签署" });
    else expect(result).toEqual({ ok: false, reason: "NOT_ALLOWED", message: "当前状态下不能进行此操作" });
  });
});

describe("account hold (暂停): every allowed cell, with a frozen account among the people", () => {
  const exits = new Set<ContractAction>(["revoke", "discard", "reject"]);
  it.each([...allowed.keys()].map((k) => k.split("|") as [ContractState, ContractAction, ActorRole]))("%s · %s · %s", (state, action, role) => {
    const result = transition(state, action, role, { ...base, onHold: true });
    if (role === "SYSTEM" || exits.has(action)) expect(result.ok || result.message !== ON_HOLD_MESSAGE).toBe(true);
    else expect(result).toEqual({ ok: false, reason: "GUARD", message: ON_HOLD_MESSAGE });
  });
});

describe("context-dependent outcomes", () => {
  it.each([
    ["counterparty must fill info first", { recipientsMissingInfo: 1 }, "PENDING_INFO"],
    ["receipts wait to be claimed", { claimStyle: true }, "PENDING_CLAIM"],
    ["claim-style with missing info still asks for info first", { claimStyle: true, recipientsMissingInfo: 1 }, "PENDING_INFO"],
  ] as const)("initiate: %s", (_, ctx, to) => {
    expect(transition("DRAFT", "initiate", "INITIATOR", { ...base, ...ctx })).toMatchObject({ ok: true, to, effects: ["inviteRecipients", "scheduleExpiry"] });
  });

  it("supplement waits for the last missing recipient", () => {
    expect(transition("PENDING_INFO", "supplement", "RECIPIENT", { ...base, recipientsMissingInfo: 2 })).toMatchObject({ to: "PENDING_INFO", effects: [] });
    // the last identity in: whoever was waiting for it is told they may sign now
    expect(transition("PENDING_INFO", "supplement", "RECIPIENT", { ...base, recipientsMissingInfo: 1 })).toMatchObject({ to: "PENDING_SIGN", effects: ["inviteReadySigners"] });
    expect(transition("PENDING_INFO", "supplement", "RECIPIENT", { ...base, recipientsMissingInfo: 1, claimStyle: true })).toMatchObject({ to: "PENDING_CLAIM" });
  });

  it("a multi-party contract takes effect with its last signature only", () => {
    expect(transition("PENDING_SIGN", "sign", "RECIPIENT", { ...base, recipientsUnsigned: 2 })).toEqual({ ok: true, to: "PENDING_SIGN", effects: ["notifyInitiatorSigned", "inviteNextSigner"] });
    expect(transition("PENDING_SIGN", "sign", "RECIPIENT", base)).toEqual({ ok: true, to: "EFFECTIVE", effects: ["storeFinalPdf", "notifyAllEffective"] });
  });

  it.each([
    ["a recipient still to sign", { recipientsUnsigned: 1 }, true],
    ["an identity still missing", { recipientsUnsigned: 0, recipientsMissingInfo: 1 }, true],
    ["only the initiator's own signature missing (对方先签)", { recipientsUnsigned: 0, recipientsMissingInfo: 0, initiatorUnsigned: true }, false],
  ] as const)("催办 with %s: offered %s", (_, ctx, offered) => {
    expect(transition("PENDING_SIGN", "urge", "INITIATOR", { ...base, ...ctx }).ok).toBe(offered);
  });

  it("revoke is refused once the counterparty has acted", () => {
    expect(transition("PENDING_SIGN", "revoke", "INITIATOR", { ...base, recipientActed: true })).toEqual({ ok: false, reason: "GUARD", message: "对方已处理，无法撤销" });
  });

  it("rescission and settlement need exactly two signers; settlement needs a settleable kind", () => {
    expect(transition("EFFECTIVE", "rescindRequest", "INITIATOR", { ...base, signerCount: 3 })).toMatchObject({ ok: false, reason: "GUARD" });
    expect(transition("EFFECTIVE", "settleRequest", "RECIPIENT", { ...base, settleable: false })).toEqual({ ok: false, reason: "GUARD", message: "该类合同不支持结清" });
    expect(transition("EFFECTIVE", "settleRequest", "RECIPIENT", { ...base, signerCount: 3 })).toMatchObject({ ok: false, reason: "GUARD" });
  });

  // 对方先签 (template contracts): the counterparty signs, then the initiator, who may also decline
  it("对方先签: the last recipient's signature hands over to the initiator, whose signature makes it effective", () => {
    const first = { ...base, initiatorUnsigned: true };
    expect(transition("PENDING_SIGN", "sign", "RECIPIENT", first)).toEqual({ ok: true, to: "PENDING_SIGN", effects: ["notifyInitiatorToSign"] });
    expect(transition("PENDING_SIGN", "sign", "INITIATOR", first)).toEqual({ ok: false, reason: "GUARD", message: "请等待对方签署后再签署" });
    const turn = { ...first, recipientsUnsigned: 0, recipientActed: true };
    expect(transition("PENDING_SIGN", "sign", "INITIATOR", turn)).toEqual({ ok: true, to: "EFFECTIVE", effects: ["storeFinalPdf", "notifyAllEffective"] });
    expect(transition("PENDING_SIGN", "reject", "INITIATOR", turn)).toEqual({ ok: true, to: "REJECTED", effects: ["notifyRecipientsRejected", "refundFee"] });
    expect(transition("PENDING_SIGN", "revoke", "INITIATOR", turn)).toEqual({ ok: false, reason: "GUARD", message: "对方已处理，无法撤销" });
  });

  // ending before taking effect: the fee goes back (退款)
  it.each([
    ["DRAFT", "discard", "INITIATOR", "DISCARDED", ["refundFee"]],
    ["PENDING_SIGN", "reject", "RECIPIENT", "REJECTED", ["notifyInitiatorRejected", "refundFee"]],
    ["PENDING_INFO", "revoke", "INITIATOR", "REVOKED", ["notifyRecipientsRevoked", "refundFee"]],
    ["PENDING_SIGN", "expire", "SYSTEM", "EXPIRED", ["notifyAllExpired", "refundFee"]],
  ] as const)("%s %s by %s → %s with %j", (from, action, role, to, effects) => {
    expect(transition(from, action, role, base)).toEqual({ ok: true, to, effects });
  });

  // 解除 / 结清: every cell with what the server must do in the same transaction
  it.each([
    ["EFFECTIVE", "rescindRequest", "INITIATOR", "RESCINDING", ["notifyResponder"]],
    ["EFFECTIVE", "rescindRequest", "RECIPIENT", "RESCINDING", ["notifyResponder"]],
    ["RESCINDING", "rescindCancel", "REQUESTER", "EFFECTIVE", ["notifyResponderCancelled"]],
    ["RESCINDING", "rescindConfirm", "RESPONDER", "RESCINDED", ["storeEndedPdf", "notifyRequesterAnswered"]],
    ["RESCINDING", "rescindRefuse", "RESPONDER", "EFFECTIVE", ["notifyRequesterAnswered"]],
    ["EFFECTIVE", "settleRequest", "INITIATOR", "SETTLING", ["notifyResponder"]],
    ["EFFECTIVE", "settleRequest", "RECIPIENT", "SETTLING", ["notifyResponder"]],
    ["SETTLING", "settleCancel", "REQUESTER", "EFFECTIVE", ["notifyResponderCancelled"]],
    ["SETTLING", "settleConfirm", "RESPONDER", "SETTLED", ["storeEndedPdf", "notifyRequesterAnswered"]],
    ["SETTLING", "settleRefuse", "RESPONDER", "EFFECTIVE", ["notifyRequesterAnswered"]],
  ] as const)("%s %s by %s → %s with %j", (from, action, role, to, effects) => {
    expect(transition(from, action, role, base)).toEqual({ ok: true, to, effects });
  });

  it.each([
    ["RESCINDING", "settleRequest", "RECIPIENT"],
    ["SETTLING", "rescindRequest", "INITIATOR"],
    ["RESCINDING", "rescindConfirm", "REQUESTER"], // the requester cannot answer themself
    ["SETTLING", "settleCancel", "RESPONDER"],
    ["RESCINDING", "settleConfirm", "RESPONDER"],
    ["SETTLED", "rescindRequest", "INITIATOR"],
    ["RESCINDED", "settleRequest", "RECIPIENT"],
  ] as const)("%s refuses %s by %s: only one request at a time, answered by the other side", (from, action, role) => {
    expect(transition(from, action, role, base)).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
  });

  it("urge keeps a claim-style contract waiting to be claimed", () => {
    expect(transition("PENDING_CLAIM", "urge", "INITIATOR", { ...base, claimStyle: true })).toEqual({ ok: true, to: "PENDING_CLAIM", effects: ["remindRecipients"] });
  });
});

describe("actionsFor", () => {
  it.each([
    ["PENDING_SIGN", "INITIATOR", ["revoke", "urge", "sign", "reject"]],
    ["PENDING_SIGN", "RECIPIENT", ["sign", "reject"]],
    ["PENDING_INFO", "RECIPIENT", ["supplement", "reject"]],
    ["EFFECTIVE", "RECIPIENT", ["rescindRequest", "settleRequest"]],
    ["RESCINDING", "RESPONDER", ["rescindConfirm", "rescindRefuse"]],
    ["REVOKED", "INITIATOR", []],
  ] as const)("%s for %s", (state, role, expected) => {
    expect(actionsFor(state, role).sort()).toEqual([...expected].sort());
  });
});

describe("the acting signer's own status comes from the table", () => {
  it.each([
    ["DRAFT", "initiate", "INITIATOR", {}, "SIGNED"],
    ["DRAFT", "initiate", "INITIATOR", { initiatorStarts: "confirm" }, "CONFIRMED"], // 确认开具
    ["DRAFT", "initiate", "INITIATOR", { initiatorStarts: "invite" }, null], // 对方先签: signs last
    ["PENDING_INFO", "supplement", "RECIPIENT", {}, "WAITING_SIGN"],
    ["PENDING_SIGN", "sign", "RECIPIENT", {}, "SIGNED"],
    ["PENDING_SIGN", "sign", "INITIATOR", { initiatorUnsigned: true, recipientsUnsigned: 0 }, "SIGNED"],
    ["PENDING_CLAIM", "claim", "RECIPIENT", {}, "CONFIRMED"],
    ["PENDING_SIGN", "reject", "RECIPIENT", {}, "REJECTED"],
    ["PENDING_SIGN", "reject", "INITIATOR", { initiatorUnsigned: true, recipientsUnsigned: 0 }, "REJECTED"],
    ["PENDING_SIGN", "revoke", "INITIATOR", {}, null],
    ["EFFECTIVE", "settleRequest", "INITIATOR", {}, null],
  ] as const)("%s %s by %s %o → %s", (state, action, role, over, status) => {
    expect(partyStatusAfter(state, action, role, { ...base, ...over })).toBe(status);
  });
});

describe("作废: the states that never took effect", () => {
  it.each(CONTRACT_STATES.map((s) => [s, ["REVOKED", "REJECTED", "EXPIRED"].includes(s)] as const))("%s voided: %s", (state, voided) => {
    expect(VOID_STATES.includes(state)).toBe(voided);
  });
});

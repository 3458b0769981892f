import { describe, expect, it } from "vitest";
import type { ContractState } from "./lifecycle";
import { awaitedParties, awaitsRecipients, signerHeldBack, waitingFor, type WaitingContract, type WaitingParty } from "./waiting";

const party = (seq: number, over: Partial<WaitingParty> = {}): WaitingParty => ({
  id: `p${seq}`,
  seq,
  role: seq === 0 ? "LENDER" : "BORROWER",
  isInitiator: seq === 0,
  status: seq === 0 ? "SIGNED" : "WAITING_SIGN",
  name: `人${seq}`,
  userId: `u${seq}`,
  ...over,
});
const contract = (status: ContractState, parties: WaitingParty[], over: Partial<WaitingContract> = {}): WaitingContract => ({
  status,
  signOrdered: false,
  initiatorId: "u0",
  requestPartyId: null,
  parties,
  ...over,
});

describe("what a contract waits for, per viewer", () => {
  const two = (status: ContractState, other: Partial<WaitingParty>, me: Partial<WaitingParty> = {}) => contract(status, [party(0, me), party(1, other)]);
  const cases: [string, WaitingContract, string, string | null][] = [
    ["对方填, initiator", two("PENDING_INFO", { status: "WAITING_INFO", name: null }), "u0", "待对方补充信息"],
    ["对方填, the one to fill", two("PENDING_INFO", { status: "WAITING_INFO", name: null }), "u1", "待我补充信息"],
    ["待签署, initiator", two("PENDING_SIGN", {}), "u0", "待对方签署"],
    ["待签署, signer", two("PENDING_SIGN", {}), "u1", "待我签署"],
    ["对方先签, the other side signed", two("PENDING_SIGN", { status: "SIGNED" }, { status: "WAITING_SIGN" }), "u0", "待我签署"],
    ["对方先签, the other side signed (their view)", two("PENDING_SIGN", { status: "SIGNED" }, { status: "WAITING_SIGN" }), "u1", "待对方签署"],
    ["对方先签, the other side not yet", two("PENDING_SIGN", {}, { status: "WAITING_SIGN" }), "u0", "待对方签署"],
    ["待领取, issuer", two("PENDING_CLAIM", {}, { status: "CONFIRMED" }), "u0", "待对方确认领取"],
    ["待领取, claimant", two("PENDING_CLAIM", {}, { status: "CONFIRMED" }), "u1", "待我确认领取"],
    ["解除 asked by me", two("RESCINDING", { status: "SIGNED" }, {}), "u0", null],
    ["in force", two("EFFECTIVE", { status: "SIGNED" }), "u0", null],
    ["draft", two("DRAFT", {}, { status: "WAITING_SIGN" }), "u0", null],
    ["expired", two("EXPIRED", {}), "u1", null],
  ];
  it.each(cases)("%s", (_, c, viewer, expected) => {
    expect(waitingFor(c, viewer)).toBe(expected);
  });

  it("解除 / 结清: the requester waits for the other side's answer, the other side is asked", () => {
    const c = contract("RESCINDING", [party(0), party(1, { status: "SIGNED" })], { requestPartyId: "p1" });
    expect(waitingFor(c, "u1")).toBe("待对方确认解除");
    expect(waitingFor(c, "u0")).toBe("待我确认解除");
    expect(waitingFor({ ...c, status: "SETTLING", requestPartyId: "p0" }, "u0")).toBe("待对方确认结清");
  });

  it("more than two parties: awaited signers by name, or how many when a name is missing; 按顺序签署 only the next", () => {
    const three = (over: Partial<WaitingContract> = {}, ...ps: Partial<WaitingParty>[]) => contract("PENDING_SIGN", [party(0), party(1, ps[0]), party(2, ps[1])], over);
    expect(waitingFor(three(), "u0")).toBe("待人1、人2签署");
    expect(waitingFor(three({ signOrdered: true }), "u0")).toBe("待人1签署");
    expect(waitingFor(three({ signOrdered: true }), "u2")).toBe("待人1签署");
    expect(waitingFor(three({ signOrdered: true }, { status: "SIGNED" }), "u2")).toBe("待我签署");
    expect(waitingFor(contract("PENDING_INFO", [party(0), party(1), party(2, { status: "WAITING_INFO", name: null })]), "u1")).toBe("待对方补充信息");
    expect(waitingFor(contract("PENDING_INFO", [party(0), party(1, { status: "WAITING_INFO", name: null }), party(2, { status: "WAITING_INFO", name: null })]), "u0")).toBe("待2位签署方补充信息");
    const four = contract("PENDING_SIGN", [party(0), party(1), party(2), party(3)]);
    expect(waitingFor(four, "u0")).toBe("待人1等3人签署");
  });

  it("awaited parties and 催办: the initiator's own turn reaches no one", () => {
    const mine = contract("PENDING_SIGN", [party(0, { status: "WAITING_SIGN" }), party(1, { status: "SIGNED" })]);
    expect(awaitedParties(mine).map((p) => p.id)).toEqual(["p0"]);
    expect(awaitsRecipients(mine)).toBe(false);
    expect(awaitsRecipients(contract("PENDING_SIGN", [party(0), party(1)]))).toBe(true);
    expect(awaitsRecipients(contract("EFFECTIVE", [party(0), party(1, { status: "SIGNED" })]))).toBe(false);
  });

  it("why a signer cannot sign yet: another's identity, or the order of signing", () => {
    const info = contract("PENDING_INFO", [party(0), party(1), party(2, { status: "WAITING_INFO", name: null })]);
    expect(signerHeldBack(info, info.parties[1])).toBe("还有签署方尚未补充身份信息，补充完成后将短信通知您签署。");
    expect(signerHeldBack(info, info.parties[2])).toBeNull();
    const ordered = contract("PENDING_SIGN", [party(0), party(1), party(2)], { signOrdered: true });
    expect(signerHeldBack(ordered, ordered.parties[2])).toBe("本合同按顺序签署，前一位签署方签署后会短信通知您。");
    expect(signerHeldBack(ordered, ordered.parties[1])).toBeNull();
    expect(signerHeldBack(ordered, ordered.parties[0])).toBeNull();
    expect(signerHeldBack({ ...ordered, status: "REJECTED" }, ordered.parties[2])).toBeNull();
  });
});

// What a pending contract waits for, and whom: one answer for the detail page (its status pill and
// why a signer cannot sign yet) and the folder (待我签署 / 待对方签署 / 待张三签署 … per viewer).
import type { ContractState, PartyStatus } from "./lifecycle";
import { signersDue } from "./own-file";
import { END_LABELS, endKindOfState } from "./end-request";

export type WaitingParty = { id: string; seq: number; role: string; isInitiator: boolean; status: PartyStatus | string; name: string | null; userId: string | null };
export type WaitingContract<P extends WaitingParty = WaitingParty> = {
  status: ContractState;
  signOrdered: boolean;
  initiatorId: string;
  requestPartyId: string | null;
  parties: P[];
};

/**
 * Who the contract waits for now. 待补充: those whose identity is missing (a signer named by the
 * initiator can do nothing yet); 待签署 / 待领取: the signers due (按顺序签署: only the next one),
 * and once every other side has signed (对方先签) the initiator.
 */
export function awaitedParties<P extends WaitingParty>(c: WaitingContract<P>): P[] {
  if (c.status === "PENDING_INFO") return c.parties.filter((p) => !p.isInitiator && p.status === "WAITING_INFO");
  if (c.status !== "PENDING_SIGN" && c.status !== "PENDING_CLAIM") return [];
  const due = signersDue(c.parties, c.signOrdered);
  if (due.length) return due;
  const othersDone = c.parties.every((p) => p.isInitiator || p.status === "SIGNED" || p.status === "CONFIRMED");
  return othersDone ? c.parties.filter((p) => p.isInitiator && p.status === "WAITING_SIGN") : [];
}

/** The viewer's own signer row: the one bound to them, or the initiator's for the initiator. */
export function viewerParty<P extends WaitingParty>(c: WaitingContract<P>, userId: string): P | undefined {
  return c.parties.find((p) => p.userId === userId) ?? (c.initiatorId === userId ? c.parties.find((p) => p.isInitiator) : undefined);
}

/** Why a signer who has not signed cannot sign yet (another's identity, or the order of signing); null when they can. */
export function signerHeldBack(c: WaitingContract, mine: WaitingParty | null | undefined): string | null {
  if (!mine || mine.isInitiator || mine.status !== "WAITING_SIGN") return null;
  if (c.status === "PENDING_INFO") return "还有签署方尚未补充身份信息，补充完成后将短信通知您签署。";
  if (c.status === "PENDING_SIGN" && !signersDue(c.parties, c.signOrdered).some((p) => p.id === mine.id)) return "本合同按顺序签署，前一位签署方签署后会短信通知您。";
  return null;
}

/** Others named for a list: 对方 between two; by name among more (张三 / 张三、李四 / 张三等3人). */
function whom(c: WaitingContract, others: WaitingParty[]): string {
  if (c.parties.length <= 2 || others.some((p) => !p.name)) return others.length > 1 ? `${others.length}位签署方` : "对方";
  if (others.length <= 2) return others.map((p) => p.name).join("、");
  return `${others[0]!.name}等${others.length}人`;
}

/** How waitingFor begins when the contract waits for the viewer's own act (the home page's 待我处理). */
export const WAITING_FOR_ME = "待我";

/**
 * What the contract waits for, seen by this user: 待我签署, 待对方补充信息, 待张三签署, 待我确认领取,
 * 待对方确认解除 … ; null when it waits for nobody (drafts, in force, ended).
 */
export function waitingFor(c: WaitingContract, viewerUserId: string): string | null {
  const mine = viewerParty(c, viewerUserId);
  const end = endKindOfState(c.status);
  if (end) {
    if (!mine || !c.requestPartyId) return null;
    return mine.id === c.requestPartyId ? `待对方确认${END_LABELS[end].noun}` : `${WAITING_FOR_ME}确认${END_LABELS[end].noun}`;
  }
  const awaited = awaitedParties(c);
  if (!awaited.length) return null;
  const verb = c.status === "PENDING_INFO" ? "补充信息" : c.status === "PENDING_CLAIM" ? "确认领取" : "签署";
  if (mine && awaited.some((p) => p.id === mine.id)) return `${WAITING_FOR_ME}${verb}`;
  return `待${whom(c, awaited)}${verb}`;
}

/** Whether 催办 would reach anyone: the contract waits for a signer other than the initiator. */
export function awaitsRecipients(c: WaitingContract): boolean {
  return awaitedParties(c).some((p) => !p.isInitiator);
}

// What generic contract code asks of a Contract.kind — who acts in which order, whether 结清
// applies, what the document calls itself — answered from the kind's definition (a template in
// lib/domain/templates, or an own document), so that no generic code names a kind.
import { FILE_KIND } from "./own-file";
import { signSteps, type SignStep } from "./templates/engine";
import { wizardTemplateById } from "./templates/registry";

export type ContractKind = {
  id: string;
  /** 借条, 合同 …: the word for the document in running text. */
  noun: string;
  settleable: boolean;
  /** The steps after the wizard, for a contract started as `initiatorRole`. */
  steps(initiatorRole: string | undefined): SignStep[];
};

/** Own documents: the initiator signs, then the others (in order or not, as the contract says). */
const OWN_FILE: ContractKind = {
  id: FILE_KIND,
  noun: "合同",
  settleable: false,
  steps: () => [
    { by: "initiator", action: "sign" },
    { by: "counterparty", action: "sign" },
  ],
};

/** The kind of a stored contract; undefined for an id no definition knows. */
export function contractKind(kind: string): ContractKind | undefined {
  if (kind === FILE_KIND) return OWN_FILE;
  const t = wizardTemplateById(kind);
  if (!t) return undefined;
  return {
    id: t.id,
    noun: t.noun ?? "合同",
    settleable: t.settleable ?? false,
    steps: (role) => signSteps(t, role ?? t.defaultInitiator),
  };
}

const stepsOf = (kind: string, initiatorRole: string | undefined) => contractKind(kind)?.steps(initiatorRole) ?? [];

/** 对方先签: the counterparty acts before the initiator signs. */
export const counterpartySignsFirst = (kind: string, initiatorRole?: string) => stepsOf(kind, initiatorRole)[0]?.by === "counterparty";
/** The initiator's whole part is to confirm (收据 by its payer: 确认开具); the other side signs. */
export const initiatorOnlyConfirms = (kind: string, initiatorRole: string | undefined) => stepsOf(kind, initiatorRole)[0]?.action === "confirm";
/** Who starts without signing: the counterparty acts first, or the initiator only confirms. */
export const sendsWithoutSigning = (kind: string, initiatorRole: string | undefined) =>
  counterpartySignsFirst(kind, initiatorRole) || initiatorOnlyConfirms(kind, initiatorRole);
/** The counterparty claims (确认领取) rather than signs (收据 issued by its payee). */
export const counterpartyClaims = (kind: string, initiatorRole: string | undefined) => stepsOf(kind, initiatorRole).some((s) => s.by === "counterparty" && s.action === "claim");

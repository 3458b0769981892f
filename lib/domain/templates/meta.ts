// Template metadata: who the parties are, who acts in which order, the age rule, and what the
// server knows of a signer. Pure data and small functions; no field or schema machinery.
// ───────────────────────────── template metadata ─────────────────────────────
import type { YMD } from "../dates";
import { ageOn, parsePersonId, type IdType } from "../idcard";

/** Library categories; the labels and their order live in registry.ts. */
export type CategoryId = "money" | "lease" | "trade" | "labour" | "agreement";

/** A signing party of a template. `key` is what Party.role stores. */
export type RoleDef = {
  key: string; // UPPER_SNAKE ascii: LANDLORD, TENANT …
  label: string; // 出租方
  /** The initiator's role switch in the wizard: 我是房东 / 我是租客. */
  asMe: string;
};

/**
 * Who acts in which order once the initiator has finished the wizard.
 * - initiator-first: the initiator signs, then the other parties sign (借条).
 * - counterparty-first: the other parties supply/check their identity and sign, then the
 *   initiator signs (租房合同 and the other contract templates, as in the reference product).
 * "counterparty" in a step means every party other than the initiator.
 * - receipt: roles[0] (收款人) is the only one who signs; when the payee initiates, they sign
 *   and the payer claims (确认领取); when the payer initiates, they confirm (确认开具) and the
 *   payee signs.
 */
export type SignOrder = "initiator-first" | "counterparty-first" | "receipt";

export type SignStep = { by: "initiator" | "counterparty"; action: "sign" | "claim" | "confirm" };

export type TemplateMeta = {
  id: string; // kebab-case ascii; Contract.kind
  name: string; // 租房合同
  category: CategoryId;
  summary: string; // one line for the library card
  /** Two or more parties, printed in this order as 甲方, 乙方, 丙方 …; every role signs. */
  roles: readonly [RoleDef, RoleDef, ...RoleDef[]];
  /** Role keys that may start the contract. */
  initiators: readonly string[];
  defaultInitiator: string;
  signOrder: SignOrder;
  /** Both parties' age bounds in completed years (checked from the ID number). */
  ageRange: { min: number; max: number };
  /** The age rule's message, when the kind words it its own way (借条); default: `${name}仅支持…`. */
  ageMessage?: (age: number, who: "self" | "other") => string;
  /** Upper bound of the headline amount, where the product has such a rule. */
  maxAmountFen?: number;
  /** 对方填 may be invited by link or QR code alone (the phone is then optional). */
  inviteByLink?: boolean;
  /** Contract number prefix: HT20261203…; 借条 JT. */
  numberPrefix?: string;
  /** What the document calls itself in running text: 借条, 合同 (default). */
  noun?: string;
  /** Whether 结清 (settlement) applies once effective. */
  settleable?: boolean;
  /** 告知书: read and accepted before the wizard opens. */
  notice?: readonly string[];
  /** Extra links on the template preview (e.g. 判例库). */
  previewLinks?: readonly { href: string; label: string }[];
};

export function signSteps(meta: Pick<TemplateMeta, "signOrder" | "roles">, initiatorRole: string): SignStep[] {
  switch (meta.signOrder) {
    case "initiator-first":
      return [
        { by: "initiator", action: "sign" },
        { by: "counterparty", action: "sign" },
      ];
    case "counterparty-first":
      return [
        { by: "counterparty", action: "sign" },
        { by: "initiator", action: "sign" },
      ];
    case "receipt":
      return initiatorRole === meta.roles[0].key
        ? [
            { by: "initiator", action: "sign" },
            { by: "counterparty", action: "claim" },
          ]
        : [
            { by: "initiator", action: "confirm" },
            { by: "counterparty", action: "sign" },
          ];
  }
}

/** The age rule for a party's resident ID under a template; null when acceptable. */
export function partyAgeError(meta: Pick<TemplateMeta, "ageRange" | "name" | "ageMessage">, idNumber: string, today: YMD, type: IdType = "CN_RESIDENT"): string | null {
  const parsed = parsePersonId(type, idNumber, today);
  if (!parsed.ok) return parsed.error;
  // A 回乡证 number carries no birth date: the holder's age is checked from their own real-name record when they sign.
  return parsed.birthDate ? ageRangeError(meta, parsed.birthDate, today) : null;
}

/** The template's age rule for a party born on `born` (the initiator, or a counterparty who supplies their identity). */
export function ageRangeError(meta: Pick<TemplateMeta, "ageRange" | "name" | "ageMessage">, born: YMD, today: YMD, who: "self" | "other" = "other"): string | null {
  const age = ageOn(born, today);
  const { min, max } = meta.ageRange;
  if (age >= min && age <= max) return null;
  return meta.ageMessage ? meta.ageMessage(age, who) : `${meta.name}仅支持${min}–${max}周岁的大陆居民签署`;
}

/** A signer as the server knows them: role key, identity (blank while 对方填 is pending), signature. */
export type TemplateSigner = { role: string; name: string; idMasked: string; /** 身份证号 unless another document. */ idLabel?: string; signatureSha256?: string; signedAt?: string; note?: string };
export type DocumentMeta = { number: string; initiatedOn?: string };

/** A reminder SMS on a date of the contract (借条: the borrower's repayment days). */
export type Reminder = { date: string; role: string; text: string };

/** What a template's rules and advice may know besides the form. */
export type TemplateContext = {
  /** Today in Asia/Shanghai (the server's clock on the server). */
  today: YMD;
  /** The one-year LPR in basis points (admin setting), for advice on rates. */
  lprBp?: number;
};

// 自有文件 (own documents): the rules that do not depend on storage — field kinds, who has to
// sign next when the order is fixed, and which signers still lack a signature field.

export const FILE_KIND = "file"; // Contract.kind for own documents

export const FIELD_KINDS = ["SIGNATURE", "DATE", "NAME", "TEXT"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_LABELS: Record<FieldKind, string> = { SIGNATURE: "签名", DATE: "签署日期", NAME: "姓名", TEXT: "文本" };

/** A new field's size in fractions of an A4-ish page, by kind (the user resizes from there). */
export const FIELD_DEFAULT_SIZE: Record<FieldKind, { w: number; h: number }> = {
  SIGNATURE: { w: 0.24, h: 0.08 },
  DATE: { w: 0.22, h: 0.035 },
  NAME: { w: 0.18, h: 0.035 },
  TEXT: { w: 0.3, h: 0.035 },
};

export const MAX_SIGNERS = 10; // me plus up to nine others
export const MAX_FIELDS = 200;
export const MAX_PAGES = 200;
export const TEXT_FIELD_MAX = 100;
export const DEFAULT_DEADLINE_DAYS = 30;
export const MAX_DEADLINE_DAYS = 90;

/** Signers (by seq) without a signature field: each must have one before 下一步. */
export function signersWithoutSignature(signerSeqs: number[], fields: { partySeq: number; kind: string }[]): number[] {
  return signerSeqs.filter((seq) => !fields.some((f) => f.partySeq === seq && f.kind === "SIGNATURE"));
}

type SignerState = { seq: number; isInitiator: boolean; status: string };

/**
 * Who may sign now. Unordered: every recipient waiting to sign. Ordered (按顺序签署): only the
 * first recipient in seq order who has not signed; everyone after waits for them.
 */
export function signersDue<P extends SignerState>(parties: P[], ordered: boolean): P[] {
  const waiting = parties.filter((p) => !p.isInitiator && p.status !== "SIGNED").sort((a, b) => a.seq - b.seq);
  if (!ordered) return waiting.filter((p) => p.status === "WAITING_SIGN");
  const next = waiting[0];
  return next && next.status === "WAITING_SIGN" ? [next] : [];
}

/** A field as a page shows it to one viewer: whose it is, whether it is theirs, what it holds so far. */
export type ShownField = {
  id: string;
  partySeq: number;
  kind: FieldKind;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  owner: string; // the signer's name, or 签署方N while unknown
  mine: boolean;
  /** a signed party's signature image, or the text a signed party's field carries */
  imageUrl?: string;
  text?: string;
};

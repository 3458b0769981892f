// The clause source every contract renders from. A template turns its facts into this model;
// the on-screen preview (components/contract/DocumentView) and the PDF (lib/server/pdf) both
// render this same model, so what a signer previews is what is signed.

export type DocBlock =
  /** A numbered or plain section heading ("一、借款金额"). */
  | { type: "heading"; text: string }
  /** Running clause text; may contain line breaks. */
  | { type: "paragraph"; text: string }
  /** Label / value pairs, e.g. a party's identity or the loan facts. */
  | { type: "fields"; rows: { label: string; value: string }[] }
  /** A small table, e.g. an instalment plan. */
  | { type: "table"; columns: string[]; rows: string[][] };

/** One signer's block at the foot of the document. */
export type DocSigner = {
  roleLabel: string; // 出借人 / 借款人 / 收款人 …
  name: string; // "" while the party has not supplied it (对方填)
  idMasked: string; // "1101**********123X", "" while unknown
  /** SHA-256 of the PNG in the blob store, once the party has signed. */
  signatureSha256?: string;
  /** "2026-11-25 09:30" (Asia/Shanghai), once signed. */
  signedAt?: string;
  /** Shown in place of a signature by a party whose part is a confirmation (收据: 已确认领取 …). */
  note?: string;
};

export type ContractDocument = {
  title: string; // 借条
  /** Shown under the title: contract number and, once initiated, the initiation date. */
  subtitle: string;
  blocks: DocBlock[];
  signers: DocSigner[];
  /** A closing line printed on every page, e.g. the platform notice. */
  footer: string;
};

import "server-only";
import { blobStore, storeFile } from "@/lib/server/storage";
import type { Tx } from "@/lib/server/db";
import { renderContractPdf, addSignature, sealPdf, addLongTermValidation, stampFields } from "@/lib/server/pdf";
import type { Party } from "@prisma/client";
import type { ContractDocument } from "@/lib/domain/templates/document";
import { endStamp, renderEndRecordPdf, type EndRecord } from "@/lib/server/pdf";
import { issueSignerCert, platformPki, timeStampAuthority } from "@/lib/server/pki";
import { now } from "@/lib/server/clock";
import { formatShanghaiDateTime, formatShanghaiInstant, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { roleLabel } from "@/lib/domain/contract-labels";
import { END_LABELS, endedStatement } from "@/lib/domain/end-request";
import { documentFor } from "./document";
import type { FieldKind } from "@/lib/domain/own-file";
import { ownFacts } from "./own-file";
import type { ContractWithParties } from "./types";
import { contractKind } from "@/lib/domain/contract-kind";

/** Renders a document with its signers' signature images from the blob store. */
export async function renderDocumentPdf(doc: ContractDocument): Promise<Uint8Array> {
  const images = new Map<string, Uint8Array>();
  for (const s of doc.signers) {
    if (!s.signatureSha256 || images.has(s.signatureSha256)) continue;
    const png = await blobStore().get(s.signatureSha256);
    if (png) images.set(s.signatureSha256, png);
  }
  return renderContractPdf(doc, images);
}

/**
 * Each signer's PAdES signature in signing order, then the platform seal, as incremental updates
 * over the rendered document. Signing happens when the last party has signed, so every signature
 * covers the complete contract (a 对方填 counterparty's identity is only known after the initiator
 * signed); each uses a certificate issued to that signer for this contract and carries a time-stamp.
 */
async function signContractPdf(pdf: Uint8Array, c: ContractWithParties): Promise<Uint8Array> {
  const { ca } = await platformPki();
  const tsa = timeStampAuthority();
  let out = pdf;
  // in the order they signed (对方先签 templates: the counterparty first)
  const bySigning = [...c.parties].sort((a, b) => (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0) || a.seq - b.seq);
  for (const p of bySigning) {
    if (p.status !== "SIGNED" || !p.name) continue;
    const signer = await issueSignerCert({ name: p.name, idMasked: p.idMasked ?? "", contractNumber: c.number });
    out = await addSignature(out, { signer, chain: [ca.cert], tsa, fieldName: `signer-${p.seq}`, name: p.name, reason: `签署《${c.title}》`, signingTime: p.signedAt ?? now() });
  }
  return addLongTermValidation(await sealPdf(out, "platform-seal", "平台签章：各方已签署，合同生效"), "platform-ltv");
}

/** 自有文件: the uploaded document with every signer's fields drawn where they were placed. */
async function stampOwnDocument(tx: Tx, c: ContractWithParties, documentSha256: string): Promise<Uint8Array> {
  const base = await blobStore().get(documentSha256);
  if (!base) throw new Error(`contract ${c.id}: uploaded document ${documentSha256} missing`);
  const fields = await tx.signField.findMany({ where: { contractId: c.id } });
  const signers = new Map(
    await Promise.all(
      c.parties.map(async (p) => {
        const at = p.signedAt ?? now();
        const png = p.signatureSha256 ? await blobStore().get(p.signatureSha256) : null;
        return [p.seq, { name: p.name ?? "", signedAt: formatShanghaiDateTime(at), signedOn: formatYmd(shanghaiToday(at)), png }] as const;
      }),
    ),
  );
  return stampFields(base, fields.map((f) => ({ ...f, kind: f.kind as FieldKind })), signers);
}

/** The fully signed contract, stored write-once under its SHA-256 (inside the caller's transaction). */
export async function storeContractPdf(tx: Tx, c: ContractWithParties): Promise<string> {
  const own = ownFacts(c);
  const document = own ? await stampOwnDocument(tx, c, own.documentSha256) : await renderDocumentPdf(documentFor(c, c.parties));
  return storeFile(tx, await signContractPdf(document, c), "application/pdf");
}

/**
 * The 已解除 / 已结清 version: the signed document sealed once more with the stamp as the seal's
 * appearance (nothing signed is redrawn), and the 确认书 as a sealed document of its own.
 */
export async function storeEndedPdf(tx: Tx, c: ContractWithParties): Promise<{ pdfSha256: string; recordSha256: string }> {
  const kind = c.status === "SETTLED" ? "settle" : "rescind";
  const signed = c.pdfSha256 ? await blobStore().get(c.pdfSha256) : null;
  if (!signed || !c.pdfSha256) throw new Error(`contract ${c.id} has no signed document to end`);
  const who = (p: Party | undefined, at: Date | null) => (p ? `${roleLabel(p.role, c.kind)} ${p.name ?? ""}，${at ? formatShanghaiInstant(at) : ""}` : "");
  const requester = c.parties.find((p) => p.id === c.requestPartyId);
  const confirmer = c.parties.find((p) => p.id !== c.requestPartyId);
  const words = END_LABELS[kind];
  const at = now();
  const r: EndRecord = {
    stamp: words.done,
    heading: `${words.noun}确认书`,
    statement: endedStatement(kind, contractKind(c.kind)?.noun ?? "合同"),
    contractTitle: c.title,
    contractNumber: c.number,
    reason: c.requestReason ?? "",
    requester: who(requester, c.requestedAt),
    confirmer: who(confirmer, at),
    signedSha256: c.pdfSha256,
    endedAt: formatShanghaiInstant(at),
  };
  const record = await sealPdf(await renderEndRecordPdf(r), `platform-seal-${kind}-record`, `平台签章：${r.heading}`);
  const recordSha256 = await storeFile(tx, record, "application/pdf");
  const sealed = await sealPdf(signed, `platform-seal-${kind}`, `平台签章：${words.done}（${r.heading} SHA-256 ${recordSha256}）`, await endStamp(words.done));
  const ended = await addLongTermValidation(sealed, `platform-ltv-${kind}`);
  return { pdfSha256: await storeFile(tx, ended, "application/pdf"), recordSha256 };
}

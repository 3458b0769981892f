import "server-only";
import { blobStore } from "@/lib/server/storage";
import type { Tx } from "@/lib/server/db";
import { renderContractPdf } from "@/lib/server/pdf/render";
import type { ContractDocument } from "@/lib/domain/templates/document";
import { documentFor } from "./document";
import type { ContractWithParties } from "./transition";

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

/** The fully signed contract, stored write-once under its SHA-256 (inside the caller's transaction). */
export async function storeContractPdf(tx: Tx, c: ContractWithParties): Promise<string> {
  const bytes = await renderDocumentPdf(documentFor(c, c.parties));
  const sha256 = await blobStore().put(bytes);
  await tx.storedFile.upsert({ where: { sha256 }, create: { sha256, size: bytes.length, contentType: "application/pdf" }, update: {} });
  return sha256;
}

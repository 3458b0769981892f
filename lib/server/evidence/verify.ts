import "server-only";
import { db } from "@/lib/server/db";
import { platformPki } from "@/lib/server/pki";
import { DOCUMENT_STATES } from "@/lib/domain/lifecycle";
import { documentVerdict, maskName, signatureVerdict, type Verdict } from "@/lib/domain/evidence";
import type { SignatureFacts } from "./inspect";
import { inspectUntrusted } from "./inspect-pool";

// 验证 (public): a PDF checked in memory against our root and our stored documents; never kept.

export type VerifiedSignature = {
  signer: string; // masked, or 平台签章
  platformSeal: boolean;
  issuer: string;
  signingTime: string | null; // ISO
  timestamp: { time: string | null; valid: boolean } | null; // time null: a token that cannot be read
  valid: Verdict;
  changedAfter: Verdict;
};

export type VerifyResult =
  | { kind: "not-pdf" }
  | { kind: "too-complex"; message: string }
  | {
      kind: "pdf";
      sha256: string;
      verdict: Verdict;
      signatures: VerifiedSignature[];
      /** The file is, byte for byte, a version of a contract this platform stored. */
      stored: { number: string; title: string; current: boolean } | null;
    };

export async function verifyPdf(bytes: Uint8Array): Promise<VerifyResult> {
  const { root, seal, tsaRoots } = await platformPki();
  const found = await inspectUntrusted(bytes, { root, seal: seal.cert, tsaRoots });
  if (found.kind !== "pdf") return found;
  const sigs = found.signatures;
  return {
    kind: "pdf",
    sha256: found.sha256,
    verdict: documentVerdict(sigs),
    signatures: sigs.map((s, i) => ({ ...signerOf(s), ...signatureVerdict(sigs, i), signingTime: s.signingTime?.toISOString() ?? null, timestamp: s.timestamp && { time: s.timestamp.time?.toISOString() ?? null, valid: s.timestamp.valid } })),
    stored: await storedVersion(found.sha256),
  };
}

function signerOf(s: SignatureFacts): { signer: string; platformSeal: boolean; issuer: string } {
  const cn = s.certificate?.commonName ?? "";
  const signer = s.kind === "document-timestamp" ? "文档时间戳（长期验证）" : s.platformSeal ? "平台签章" : maskName(cn) || "未知签署人";
  return { signer, platformSeal: s.platformSeal, issuer: s.certificate?.issuerCommonName ?? "未知" };
}

/** A signed version of a contract is named by hash in the audit event that produced it. */
async function storedVersion(sha256: string): Promise<{ number: string; title: string; current: boolean } | null> {
  const ev = await db().auditEvent.findFirst({
    where: { docSha256: sha256, toStatus: { in: [...DOCUMENT_STATES] } },
    select: { contract: { select: { number: true, title: true, pdfSha256: true } } },
  });
  return ev ? { number: ev.contract.number, title: ev.contract.title, current: ev.contract.pdfSha256 === sha256 } : null;
}

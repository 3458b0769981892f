import "server-only";
import { blobStore } from "@/lib/server/storage";
import { platformPki } from "@/lib/server/pki";
import { inspectPdf, type CertificateFacts } from "./inspect";
import { signatureVerdict } from "@/lib/domain/evidence";

// 查看签署证书: what the stored PDF itself carries, read back from its signatures (not from our
// database), so the view shows exactly what any validator would see.

export type SignatureCertificate = CertificateFacts & { platformSeal: boolean; signingTime: Date | null; timestampTime: Date | null; intact: boolean };

export async function signatureCertificates(pdfSha256: string): Promise<SignatureCertificate[]> {
  const pdf = await blobStore().get(pdfSha256);
  if (!pdf) return [];
  const { root, seal, tsaRoots } = await platformPki();
  const found = await inspectPdf(pdf, { root, seal: seal.cert, tsaRoots });
  if (found.kind !== "pdf") return [];
  // the signers' and the platform's signatures; document time-stamps (长期验证) are not a signer's certificate
  return found.signatures.flatMap((s, i) =>
    s.certificate && s.kind === "signature"
      ? [{ ...s.certificate, platformSeal: s.platformSeal, signingTime: s.signingTime, timestampTime: s.timestamp?.time ?? null, intact: signatureVerdict(found.signatures, i).valid.tone === "ok" }]
      : [],
  );
}

import "server-only";
import { now } from "@/lib/server/clock";
import { platformPki, timeStampAuthority } from "@/lib/server/pki";
import { addSignature, type SignatureRequest } from "./pades";

/** The platform's own signature (平台签章) over the whole current revision, time-stamped; visible when given an appearance. */
export async function sealPdf(pdf: Uint8Array, fieldName: string, reason: string, appearance?: SignatureRequest["appearance"]): Promise<Uint8Array> {
  const { ca, seal } = await platformPki();
  return addSignature(pdf, { signer: seal, chain: [ca.cert], tsa: timeStampAuthority(), fieldName, name: "个人电子签", reason, signingTime: now(), appearance });
}

import type { LegalDocument } from "./types";
import { TERMS } from "./terms";
import { PRIVACY } from "./privacy";
import { CERTIFICATE_SERVICE } from "./certificate";

export type { LegalDocument, LegalSection } from "./types";

export const LEGAL_DOCUMENTS: Record<LegalDocument["slug"], LegalDocument> = {
  terms: TERMS,
  privacy: PRIVACY,
  certificate: CERTIFICATE_SERVICE,
};

export const legalDocument = (slug: string): LegalDocument | null => (slug in LEGAL_DOCUMENTS ? LEGAL_DOCUMENTS[slug as LegalDocument["slug"]] : null);

/** What each kind of consent covers, and the version of the text it was given to. */
export const CONSENT_VERSIONS = {
  TERMS: `terms@${TERMS.version}+privacy@${PRIVACY.version}`,
  SENSITIVE_PI: `privacy@${PRIVACY.version}`,
  CERTIFICATE: `certificate@${CERTIFICATE_SERVICE.version}`,
} as const;
export type ConsentKind = keyof typeof CONSENT_VERSIONS;

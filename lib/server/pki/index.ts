import "server-only";
export { platformPki, issueSignerCert, pkiProvision, pkiProvisioned, PKI_MISSING, type PlatformPki } from "./ca";
export { signDetached, sha256, type TimeStampAuthority } from "./cms";
export { timeStampAuthority, tsaUrls, TSA_MISSING } from "./tsa";
export * from "./ca";
export * from "./cms";
export * from "./revocation";
export * from "./x509";

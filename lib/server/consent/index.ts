import "server-only";
// 同意记录: which version of which notice a person accepted, and when (terms at sign-in, sensitive
// personal information and the certificate service at 实名认证).
export * from "./consent";

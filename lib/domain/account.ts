// Account rules that other capabilities consult. Pure.

/** 更名: contracts started before the rename cannot be signed any more (the reference product's rule). */
export function renameBlockedReason(contract: { createdAt: Date }, user: { renamedAt: Date | null }): string | null {
  return user.renamedAt && contract.createdAt < user.renamedAt ? "您已更名，更名前发起的合同无法继续签署，如需签署请重新发起" : null;
}

/** 签署认证方式 */
export type VerifyMethod = "FACE" | "PASSWORD" | "WEBAUTHN";
export type IntentMethods = { preferred: VerifyMethod; password: boolean; webauthn: boolean };

import "server-only";
import type { FaceCheck, User } from "@prisma/client";
import { decrypt } from "@/lib/server/crypto";
import { heldPayload } from "@/lib/validation/intent";
import type { FaceIdentity } from "./provider-types";

/**
 * Whose face a check must find, as the provider is to verify it: for 实名 the identity entered
 * (held, encrypted, in the check); for everything else the account's own verified identity — for
 * 更名 under the new name, which the authority knows once the ID card bears it. Null when the
 * account has none (a real provider then refuses to start: there is nothing to compare with).
 */
export function expectedIdentity(check: Pick<FaceCheck, "purpose" | "payload">, user: Pick<User, "realName" | "idType" | "idNumberEnc" | "verifiedAt">): FaceIdentity | null {
  if (check.purpose === "REAL_NAME") {
    const held = heldPayload("REAL_NAME", check.payload);
    return held ? { name: held.name, idType: held.idType ?? "CN_RESIDENT", idNumber: decrypt(held.idEnc) } : null;
  }
  if (!user.verifiedAt || !user.realName || !user.idNumberEnc) return null;
  const own: FaceIdentity = { name: user.realName, idType: user.idType ?? "CN_RESIDENT", idNumber: decrypt(user.idNumberEnc) };
  if (check.purpose === "ACCOUNT") {
    const op = heldPayload("ACCOUNT", check.payload);
    if (op?.op === "rename") return { ...own, name: op.name };
  }
  return own;
}

import "server-only";
import type { User } from "@prisma/client";
import { advisoryLock, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { holdAccountChange } from "./hold";
import { contractsInProgress } from "./open-contracts";

// 账号注销: refused while any contract is in progress; otherwise, after a face check, the account
// is closed. Contracts, their documents and signatures stay as they are for the other parties.

export async function closeStart(user: User): Promise<ActionResult<{ faceCheckId: string }>> {
  const open = await contractsInProgress(user);
  if (open.length > 0) return fail(`您有${open.length}份处理中的合同，暂时无法注销`);
  return ok(await holdAccountChange(user.id, { op: "close" }));
}

/**
 * Checked again under the account's lock, inside the closing transaction. Personal data is
 * erased: the phone is released (a placeholder keeps the column unique), the identity, e-mail,
 * password, credentials, kept signatures and seals go. The contract parties keep the name and
 * masked ID the contracts were signed with.
 */
export async function applyClose(tx: Tx, user: User): Promise<{ kind: string; detail: Record<string, string> } | string> {
  await advisoryLock(tx, "account:" + user.id);
  const open = await contractsInProgress(user, tx);
  if (open.length > 0) return `您有${open.length}份处理中的合同，暂时无法注销`;
  const at = now();
  await tx.webAuthnCredential.updateMany({ where: { userId: user.id, deletedAt: null }, data: { deletedAt: at } });
  await tx.savedSignature.updateMany({ where: { userId: user.id, deletedAt: null }, data: { deletedAt: at, isDefault: false } });
  await tx.savedSeal.updateMany({ where: { userId: user.id, deletedAt: null }, data: { deletedAt: at } });
  await tx.contactCode.deleteMany({ where: { userId: user.id } });
  await tx.user.update({
    where: { id: user.id },
    data: {
      status: "DELETED",
      deletedAt: at,
      phone: `closed:${user.id}`,
      email: null,
      realName: null,
      idNumberEnc: null,
      idNumberHash: null,
      idMasked: null,
      birthDate: null,
      signPasswordHash: null,
      crossBorderAt: null,
    },
  });
  return { kind: "close", detail: {} };
}

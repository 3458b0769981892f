import "server-only";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { consumeFaceCheck, proveIntent } from "@/lib/server/identity";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { accountVerifiedSchema } from "@/lib/validation/account";
import { accountEvent, type AccountOp } from "./hold";
import { applyCredential, applySignPassword } from "./verification";
import { applyPhone } from "./contact";
import { applyCrossBorder, applyRename } from "./profile";
import { applyClose } from "./closing";
import { parseInput } from "@/lib/validation/input";
import { heldPayload } from "@/lib/validation/intent";

class Refused extends Error {}

function applyHeld(tx: Tx, user: User, op: AccountOp, attestation: unknown) {
  switch (op.op) {
    case "signPassword":
      return applySignPassword(tx, user, op);
    case "credential":
      return applyCredential(tx, user, op, attestation);
    case "phone":
      return applyPhone(tx, user, op);
    case "rename":
      return applyRename(tx, user, op);
    case "crossBorder":
      return applyCrossBorder(tx, user);
    case "close":
      return applyClose(tx, user);
  }
}

/**
 * The held account change, carried out after its face check passes: in one transaction that
 * takes the check once, applies the change and records it. A refusal inside rolls everything back.
 */
export async function accountVerified(user: User, input: unknown, ip: string): Promise<ActionResult<{ op: AccountOp["op"] }>> {
  const parsed = parseInput(accountVerifiedSchema, input);
  if (!parsed.success) return fail("请求无效");
  const proven = await proveIntent(user, { faceCheckId: parsed.data.faceCheckId, face: true }, ["ACCOUNT"]);
  if (!proven.ok) return proven;
  const op = heldPayload("ACCOUNT", proven.data.check.payload);
  if (!op) return fail("人脸核验已失效，请重新操作");
  try {
    await db().$transaction(async (tx) => {
      if (!(await consumeFaceCheck(tx, user.id, proven.data.check.id, "ACCOUNT"))) throw new Refused("人脸核验已失效，请重新操作");
      const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
      const applied = await applyHeld(tx, fresh, op, parsed.data.attestation);
      if (typeof applied === "string") throw new Refused(applied);
      await accountEvent(tx, user.id, applied.kind, applied.detail, ip);
    });
    return ok({ op: op.op });
  } catch (e) {
    if (e instanceof Refused) return fail(e.message);
    throw e;
  }
}

import "server-only";
import type { User } from "@prisma/client";
import { isOnHold } from "./hold";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { consumeFaceCheck, startFaceCheck } from "@/lib/server/identity";
import { intentMethods, proveIntent, type IntentMethods, type VerifyMethod } from "@/lib/server/identity";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { transition } from "@/lib/domain/lifecycle";
import { endKindOfState, type EndAction } from "@/lib/domain/end-request";
import { endAnswerSchema, endRequestSchema } from "@/lib/validation/contract";
import { asResult, notFound, refused, stale } from "./errors";
import { contextOf, roleOf, runTransition, type ContractWithParties } from "./transition";
import { parseInput } from "@/lib/validation/input";
import { heldPayload, type IntentPayload } from "@/lib/validation/intent";

// 解除 / 结清 after signing. Asking and confirming need intent verification (意愿验证: the face
// check, the signing password or 指纹/面容 ID); cancelling and refusing do not.

type Meta = { ip: string; userAgent: string };
type Held = IntentPayload<"INTENT">;

/** The signer this user is on the contract; only signers who signed take part in an ending. */
function signerOf(c: ContractWithParties, userId: string) {
  return c.parties.find((p) => p.userId === userId && p.status === "SIGNED") ?? null;
}

/**
 * Refuses early, with the lifecycle's own message, before any verification is started.
 * `actionFor` names the step from the loaded contract (an answer depends on what is pending).
 */
async function load(user: User, contractId: string, version: number, actionFor: (c: ContractWithParties) => EndAction | null) {
  const c = await db().contract.findUnique({ where: { id: contractId }, include: { parties: true } });
  const party = c ? signerOf(c, user.id) : null;
  if (!c || !party) throw notFound();
  if (c.version !== version) throw stale();
  const action = actionFor(c);
  if (!action) throw notFound();
  if (action.endsWith("Request") && endKindOfState(c.status)) throw refused("已有一个解除或结清申请等待对方确认");
  const role = roleOf(c, { userId: user.id, partyId: party.id });
  const t = role ? transition(c.status, action, role, contextOf(c, { onHold: await isOnHold(c) })) : null;
  if (!t?.ok) throw refused(t?.message ?? "合同不存在");
  return { party, action };
}

type HeldCheck = { faceCheckId: string; methods: IntentMethods };

/** 申请解除 / 申请结清: validated, then held in a pending check until the user proves intent. */
export async function endRequest(user: User, input: unknown): Promise<ActionResult<HeldCheck>> {
  const parsed = parseInput(endRequestSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { contractId, version, kind, reason } = parsed.data;
  try {
    const { party, action } = await load(user, contractId, version, () => `${kind}Request`);
    return ok(await hold(user, { contractId, version, action, partyId: party.id, reason }));
  } catch (e) {
    return asResult(e);
  }
}

/** 确认 is held for verification like a request; 拒绝 and 取消 happen at once. */
export async function endAnswer(user: User, input: unknown, meta: Meta): Promise<ActionResult<HeldCheck | { faceCheckId: null }>> {
  const parsed = parseInput(endAnswerSchema, input);
  if (!parsed.success) return fail("请求无效");
  const { contractId, version, answer } = parsed.data;
  try {
    const { party, action } = await load(user, contractId, version, (c) => {
      const kind = endKindOfState(c.status);
      return kind && `${kind}${answer}`;
    });
    if (answer === "Confirm") return ok(await hold(user, { contractId, version, action, partyId: party.id }));
    await apply(user, { contractId, version, action, partyId: party.id }, meta);
    return ok({ faceCheckId: null });
  } catch (e) {
    return asResult(e);
  }
}

/** The verified step: a proven intent carries out the held request or confirmation, once. */
export async function endVerified(user: User, input: unknown, meta: Meta): Promise<ActionResult<{ contractId: string }>> {
  const proven = await proveIntent(user, input, ["INTENT"]);
  if (!proven.ok) return proven;
  const { check, method } = proven.data;
  const held = heldPayload("INTENT", check.payload);
  if (!held) return fail("意愿核验已失效，请重新操作");
  try {
    await apply(user, held, meta, { faceCheckId: check.id, method });
    return ok({ contractId: held.contractId });
  } catch (e) {
    return asResult(e);
  }
}

async function hold(user: User, held: Held): Promise<HeldCheck> {
  const faceCheckId = await db().$transaction((tx) => startFaceCheck(tx, user.id, "INTENT", held));
  return { faceCheckId, methods: await intentMethods(user) };
}

async function apply(user: User, held: Held, meta: Meta, proof?: { faceCheckId: string; method: VerifyMethod }): Promise<void> {
  const isRequest = held.action.endsWith("Request");
  await runTransition({
    contractId: held.contractId,
    action: held.action,
    actor: { userId: user.id, partyId: held.partyId, ...meta },
    expectVersion: held.version,
    detail: { ...(held.reason ? { reason: held.reason } : {}), ...(proof ? { verification: proof.method.toLowerCase(), faceCheckId: proof.faceCheckId } : {}) },
    check: (c) => {
      if (!signerOf(c, user.id)) throw notFound();
    },
    contractData: () => (isRequest ? { requestPartyId: held.partyId, requestReason: held.reason ?? "", requestedAt: now() } : {}),
    apply: async (tx) => {
      if (proof && !(await consumeFaceCheck(tx, user.id, proof.faceCheckId, "INTENT"))) throw refused("意愿核验已失效，请重新操作");
    },
  });
}

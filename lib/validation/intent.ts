// 意愿验证: what a pending check holds until its owner proves it is them — one schema per purpose.
// The held payload is parsed on the way in and again on the way out, so a damaged or foreign row
// is never acted upon and every caller reads a typed payload instead of casting JSON.
import { z } from "zod";
import { ID_TYPES } from "@/lib/domain/idcard";
import { END_ACTIONS, END_REASON_MAX } from "@/lib/domain/end-request";

const id = z.string().min(1).max(64);

export const INTENT_PAYLOADS = {
  /** 签署 / 发起 / 确认领取 */
  SIGN: z.object({
    contractId: id,
    version: z.number().int().nonnegative(),
    action: z.enum(["initiate", "sign", "claim"]),
    partyId: id,
    signatureSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(), // null: 确认领取
    fieldValues: z.record(z.string(), z.string()), // 自有文件: the signer's text fields, by id
  }),
  /** 解除 / 结清: request or answer */
  INTENT: z.object({ contractId: id, version: z.number().int().nonnegative(), action: z.enum(END_ACTIONS), partyId: id, reason: z.string().max(END_REASON_MAX).optional() }),
  /** 账号变更 */
  ACCOUNT: z.discriminatedUnion("op", [
    z.object({ op: z.literal("signPassword"), hash: z.string().min(1) }),
    z.object({ op: z.literal("credential"), label: z.enum(["FINGERPRINT", "FACE_ID"]), challenge: z.string().min(1) }),
    z.object({ op: z.literal("phone"), phone: z.string().min(1) }),
    z.object({ op: z.literal("rename"), name: z.string().min(1) }),
    z.object({ op: z.literal("crossBorder") }),
    z.object({ op: z.literal("close") }),
  ]),
  /** 实名认证: the identity to write once the face matches */
  REAL_NAME: z.object({ name: z.string().min(1), idType: z.enum(ID_TYPES).optional(), idEnc: z.string().min(1), idHash: z.string().min(1), idMasked: z.string().min(1), birthDate: z.string() }),
  /** 管理后台二次验证: the sign-in session the pass is for (another session's check never passes this one) */
  ADMIN_FACTOR: z.object({ sessionId: z.string().min(1).max(128) }),
} as const;

export type IntentPurpose = keyof typeof INTENT_PAYLOADS;
export type IntentPayload<P extends IntentPurpose> = z.infer<(typeof INTENT_PAYLOADS)[P]>;

/** The held payload of a check of this purpose, or null when it does not parse (never acted upon). */
export function heldPayload<P extends IntentPurpose>(purpose: P, payload: unknown): IntentPayload<P> | null {
  const r = INTENT_PAYLOADS[purpose].safeParse(payload);
  return r.success ? (r.data as IntentPayload<P>) : null;
}

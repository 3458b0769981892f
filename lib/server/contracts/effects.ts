import "server-only";
import type { ContractStatus, Prisma } from "@prisma/client";
import type { Tx } from "@/lib/server/db";
import { config } from "@/lib/server/config";
import { now } from "@/lib/server/clock";
import { enqueue } from "@/lib/server/jobs";
import { queueSms, type SmsParams, type SmsTemplate } from "@/lib/server/notify";
import { PENDING_TTL_DAYS, type ContractAction, type Effect } from "@/lib/domain/lifecycle";
import { endKindOfState } from "@/lib/domain/end-request";
import { formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { signersDue } from "@/lib/domain/own-file";
import { storeContractPdf, storeEndedPdf } from "./pdf";
import { refundContractFee } from "@/lib/server/payments";
import type { ContractWithParties } from "./types";

export const EXPIRE_JOB = "contract.expire";

const appUrl = () => config.appUrl.replace(/\/$/, "");
export const signLink = (token: string) => `${appUrl()}/s/${token}`;
export const contractLink = (id: string) => `${appUrl()}/contracts/${id}`;

const initiatorName = (c: ContractWithParties) => c.parties.find((p) => p.isInitiator)?.name ?? "对方";

/** When a pending contract expires: its chosen deadline (own documents) or 30 days after initiation. */
function expiryOf(c: ContractWithParties): Date {
  return c.expiresAt && c.expiresAt > now() ? c.expiresAt : new Date(now().getTime() + PENDING_TTL_DAYS * 86_400_000);
}

/**
 * Whom an invitation or reminder goes to: those who can act now. While an identity is missing
 * (待补充), only those who must supply theirs — a signer named by the initiator is invited once it
 * is complete (inviteReadySigners); in 按顺序签署 only the next signer.
 */
function invitees(c: ContractWithParties) {
  const recipients = c.parties.filter((p) => !p.isInitiator && p.status !== "SIGNED" && p.inviteToken);
  if (c.status === "PENDING_INFO") return recipients.filter((p) => p.status === "WAITING_INFO");
  if (!c.signOrdered) return recipients;
  const due = new Set(signersDue(c.parties, true).map((p) => p.id));
  return recipients.filter((p) => p.status === "WAITING_INFO" || due.has(p.id));
}

/**
 * Runs a transition's effects inside its transaction. Messages become outbox rows (sent by the
 * job runner after commit); the final PDF is rendered and stored write-once. Returns the SHA-256
 * of a document stored here, for the audit event.
 */
export async function runEffects(
  tx: Tx,
  c: ContractWithParties,
  effects: Effect[],
  step: { action: ContractAction; from: ContractStatus; detail: Record<string, Prisma.InputJsonValue | null>; actorPartyId?: string },
): Promise<string | null> {
  const { detail } = step;
  let docSha256: string | null = null;
  const recipients = c.parties.filter((p) => !p.isInitiator);
  const initiator = c.parties.find((p) => p.isInitiator);
  const sms = <T extends SmsTemplate>(to: string | null | undefined, template: T, params: SmsParams<T>) => (to ? queueSms(tx, { to, template, params }) : null);
  // A signer bound to an account is told at the account's current number (更换手机号 moves them).
  const bound = c.parties.flatMap((p) => (p.userId ? [p.userId] : []));
  const current = new Map((await tx.user.findMany({ where: { id: { in: bound }, status: { not: "DELETED" } }, select: { id: true, phone: true } })).map((u) => [u.id, u.phone]));
  const phoneOf = (p: { userId: string | null; phone: string | null } | undefined) => (p ? ((p.userId && current.get(p.userId)) ?? p.phone) : null);

  for (const effect of effects) {
    switch (effect) {
      case "inviteRecipients":
      case "remindRecipients":
      case "inviteNextSigner": {
        if (effect === "inviteNextSigner" && !c.signOrdered) break; // unordered: everyone was invited at the start
        const until = formatYmd(shanghaiToday(expiryOf(c)));
        for (const p of invitees(c)) {
          if (effect === "inviteNextSigner" && p.status !== "WAITING_SIGN") continue;
          const fill = p.status === "WAITING_INFO"; // 补充信息并签署 rather than 签署
          const template =
            effect === "remindRecipients"
              ? fill ? "contract.urge.fill" : "contract.urge"
              : effect === "inviteNextSigner" ? "contract.invite.next" : fill ? "contract.invite.fill" : "contract.invite";
          await sms(phoneOf(p), template, { initiator: initiatorName(c), title: c.title, until, link: signLink(p.inviteToken!) });
        }
        break;
      }
      case "inviteReadySigners": {
        // those who supplied earlier (or were named by the initiator) could not sign while someone's identity was missing
        const until = formatYmd(shanghaiToday(expiryOf(c)));
        for (const p of invitees(c)) {
          if (p.id === step.actorPartyId || p.status !== "WAITING_SIGN") continue;
          await sms(phoneOf(p), "contract.invite.ready", { title: c.title, until, link: signLink(p.inviteToken!) });
        }
        break;
      }
      case "scheduleExpiry": {
        const expiresAt = expiryOf(c);
        await tx.contract.update({ where: { id: c.id }, data: { expiresAt, initiatedAt: now() } });
        await enqueue(tx, EXPIRE_JOB, { contractId: c.id }, { runAt: expiresAt, uniqueKey: `expire:${c.id}` });
        break;
      }
      case "notifyInitiatorSigned":
        await sms(phoneOf(initiator), "contract.signed", { title: c.title });
        break;
      case "storeFinalPdf":
        docSha256 = await storeContractPdf(tx, c);
        await tx.contract.update({ where: { id: c.id }, data: { pdfSha256: docSha256, effectiveAt: now(), ltvAt: now() } });
        break;
      case "notifyAllEffective":
        for (const p of c.parties) await sms(phoneOf(p), "contract.effective", { title: c.title });
        break;
      case "notifyInitiatorRejected":
        await sms(phoneOf(initiator), "contract.rejected", { title: c.title, reason: String(detail.reason ?? "未填写") });
        break;
      case "notifyRecipientsRevoked":
        for (const p of recipients) await sms(phoneOf(p), "contract.revoked", { initiator: initiatorName(c), title: c.title });
        break;
      case "notifyAllExpired":
        for (const p of c.parties) await sms(phoneOf(p), "contract.expired", { title: c.title });
        break;
      case "notifyResponder":
      case "notifyResponderCancelled":
      case "notifyRequesterAnswered": {
        // the other side of a 解除 / 结清 request: the requester, or everyone else
        const kind = endKindOfState(effect === "notifyResponder" ? c.status : step.from);
        if (!kind) break;
        const requester = c.parties.find((p) => p.id === c.requestPartyId);
        const link = contractLink(c.id);
        if (effect === "notifyRequesterAnswered") {
          const answer = step.action.endsWith("Confirm") ? "agreed" : "refused";
          await sms(phoneOf(requester), `contract.${kind}Answered.${answer}`, { title: c.title, link });
          break;
        }
        const name = requester?.name ?? "对方";
        for (const p of c.parties) {
          if (p.id === c.requestPartyId) continue;
          if (effect === "notifyResponder") await sms(phoneOf(p), `contract.${kind}Request`, { requester: name, title: c.title, reason: c.requestReason ?? "", link });
          else await sms(phoneOf(p), `contract.${kind}Cancelled`, { requester: name, title: c.title });
        }
        break;
      }
      case "refundFee":
        await refundContractFee(tx, c.id);
        break;
      case "notifyInitiatorToSign":
        await sms(phoneOf(initiator), "contract.initiatorTurn", { title: c.title, link: contractLink(c.id) });
        break;
      case "notifyRecipientsRejected":
        for (const p of recipients) await sms(phoneOf(p), "contract.rejected.byInitiator", { initiator: initiatorName(c), title: c.title, reason: String(detail.reason ?? "未填写") });
        break;
      case "storeEndedPdf": {
        const ended = await storeEndedPdf(tx, c);
        docSha256 = ended.pdfSha256;
        await tx.contract.update({ where: { id: c.id }, data: { pdfSha256: ended.pdfSha256, endRecordSha256: ended.recordSha256, endedAt: now(), ltvAt: now() } });
        break;
      }
    }
  }
  return docSha256;
}

import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/server/db";
import { config } from "@/lib/server/config";
import { now } from "@/lib/server/clock";
import { enqueue } from "@/lib/server/jobs";
import { queueSms } from "@/lib/server/notify";
import { PENDING_TTL_DAYS, type Effect } from "@/lib/domain/lifecycle";
import { storeContractPdf } from "./pdf";
import type { ContractWithParties } from "./transition";

export const EXPIRE_JOB = "contract.expire";

export const signLink = (token: string) => `${config.appUrl.replace(/\/$/, "")}/s/${token}`;

const initiatorName = (c: ContractWithParties) => c.parties.find((p) => p.isInitiator)?.name ?? "对方";

/**
 * Runs a transition's effects inside its transaction. Messages become outbox rows (sent by the
 * job runner after commit); the final PDF is rendered and stored write-once. Returns the SHA-256
 * of a document stored here, for the audit event.
 */
export async function runEffects(
  tx: Tx,
  c: ContractWithParties,
  effects: Effect[],
  detail: Record<string, Prisma.InputJsonValue | null>,
): Promise<string | null> {
  let docSha256: string | null = null;
  const recipients = c.parties.filter((p) => !p.isInitiator);
  const initiator = c.parties.find((p) => p.isInitiator);
  const sms = (to: string | null | undefined, body: string, kind: string) => (to ? queueSms(tx, { to, body: `【个人电子签】${body}`, kind }) : null);

  for (const effect of effects) {
    switch (effect) {
      case "inviteRecipients":
      case "remindRecipients":
        for (const p of recipients) {
          if (p.status === "SIGNED" || !p.inviteToken) continue;
          const verb = p.status === "WAITING_INFO" ? "补充信息并签署" : "签署";
          const prefix = effect === "remindRecipients" ? "提醒您：" : "";
          await sms(p.phone, `${prefix}${initiatorName(c)}邀请您${verb}《${c.title}》，请于${PENDING_TTL_DAYS}天内打开 ${signLink(p.inviteToken)} 处理。`, effect === "inviteRecipients" ? "contract.invite" : "contract.urge");
        }
        break;
      case "scheduleExpiry": {
        const expiresAt = new Date(now().getTime() + PENDING_TTL_DAYS * 86_400_000);
        await tx.contract.update({ where: { id: c.id }, data: { expiresAt, initiatedAt: now() } });
        await enqueue(tx, EXPIRE_JOB, { contractId: c.id }, { runAt: expiresAt, uniqueKey: `expire:${c.id}` });
        break;
      }
      case "notifyInitiatorSigned":
        await sms(initiator?.phone, `《${c.title}》已有签署方完成签署，等待其他签署方。`, "contract.signed");
        break;
      case "storeFinalPdf":
        docSha256 = await storeContractPdf(tx, c);
        await tx.contract.update({ where: { id: c.id }, data: { pdfSha256: docSha256, effectiveAt: now() } });
        break;
      case "notifyAllEffective":
        for (const p of c.parties) await sms(p.phone, `《${c.title}》已由各方签署完成，合同已生效，可在文件夹中查看和下载。`, "contract.effective");
        break;
      case "notifyInitiatorRejected":
        await sms(initiator?.phone, `对方已拒签《${c.title}》，理由：${String(detail.reason ?? "未填写")}。`, "contract.rejected");
        break;
      case "notifyRecipientsRevoked":
        for (const p of recipients) await sms(p.phone, `${initiatorName(c)}已撤销《${c.title}》，无需再签署。`, "contract.revoked");
        break;
      case "notifyAllExpired":
        for (const p of c.parties) await sms(p.phone, `《${c.title}》在${PENDING_TTL_DAYS}天内未完成签署，已过期。`, "contract.expired");
        break;
      case "notifyResponder":
      case "notifyRequesterAnswered":
        for (const p of c.parties) await sms(p.phone, `《${c.title}》状态已更新，请在文件夹中查看。`, `contract.${effect}`);
        break;
    }
  }
  return docSha256;
}

import "server-only";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { queueEmail } from "@/lib/server/notify";
import { takeRate } from "@/lib/server/ratelimit";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { contractEmailSchema } from "@/lib/validation/contract";
import { appendAudit } from "./audit";
import { roleOf } from "./transition";
import { parseInput } from "@/lib/validation/input";

export const EMAIL_SENDS_PER_HOUR = 10;

/** user@example.com → us***@example.com, for the audit trail. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}***@${domain}`;
}

/**
 * 发送到邮箱: the contract's current document as an attachment, through the outbox. A party of a
 * signed contract only; at most 10 sends an hour per user; recorded in the contract's audit chain.
 */
export async function contractEmail(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<{ to: string }>> {
  const parsed = parseInput(contractEmailSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { contractId, email } = parsed.data;
  return db().$transaction(async (tx) => {
    // the row lock keeps this audit event from interleaving with a transition's
    await tx.$executeRaw`SELECT 1 FROM "Contract" WHERE "id" = ${contractId} FOR UPDATE`;
    const c = await tx.contract.findUnique({ where: { id: contractId }, include: { parties: true } });
    const role = c ? roleOf(c, { userId: user.id }) : null;
    if (!c || !role || !c.parties.some((p) => p.userId === user.id)) return fail("合同不存在");
    if (!c.pdfSha256) return fail("合同签署完成后才能发送到邮箱");
    const file = await tx.storedFile.findUnique({ where: { sha256: c.pdfSha256 } });
    if (!file) return fail("合同文件暂不可用，请稍后再试");
    if (!(await takeRate(tx, `contract-email:${user.id}`, EMAIL_SENDS_PER_HOUR, 3600_000))) {
      return fieldFail("email", `每小时最多发送${EMAIL_SENDS_PER_HOUR}次，请稍后再试`);
    }
    await queueEmail(tx, {
      to: email,
      subject: `【个人电子签】《${c.title}》合同文件`,
      body: `您好：\n\n附件是《${c.title}》（合同编号 ${c.number}）的PDF文件。\n文件SHA-256：${c.pdfSha256}\n可在个人电子签的文件夹中随时查看。\n\n个人电子签`,
      kind: "contract.email",
      attachments: [{ filename: `${c.title}-${c.number}.pdf`, sha256: c.pdfSha256, size: file.size, contentType: "application/pdf" }],
    });
    await appendAudit(tx, c.id, {
      action: "email",
      fromStatus: c.status,
      toStatus: c.status,
      actorUserId: user.id,
      actorRole: role,
      ip: meta.ip,
      userAgent: meta.userAgent,
      docSha256: c.pdfSha256,
      detail: { to: maskEmail(email) },
    });
    return ok({ to: email });
  });
}

import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { now } from "@/lib/server/clock";
import { decrypt, encrypt } from "@/lib/server/crypto";
import { emailProvider, smsProvider, type Attachment } from "./providers";

export type { Attachment } from "./providers";

const DELIVER = "outbox.deliver";
const MAX_ATTEMPTS = 5;

/**
 * A message that carries a secret (a verification code) is stored masked, with the full text
 * sealed (encrypted) until it is handed to the provider and then erased: no admin page, log or
 * backup of the outbox ever holds a usable code.
 */
function withSecret(body: string, secret: string | undefined) {
  if (!secret) return { body };
  return { body: body.replaceAll(secret, "*".repeat(secret.length)), sealed: encrypt(body), redacted: true };
}

/** Queues an SMS in the caller's transaction; the job runner delivers it. */
export async function queueSms(tx: Tx, msg: { to: string; body: string; kind: string; secret?: string }): Promise<string> {
  const row = await tx.outboxMessage.create({ data: { channel: "SMS", to: msg.to, kind: msg.kind, ...withSecret(msg.body, msg.secret) } });
  await enqueue(tx, DELIVER, { id: row.id }, { maxAttempts: MAX_ATTEMPTS });
  return row.id;
}

export async function queueEmail(
  tx: Tx,
  msg: { to: string; subject: string; body: string; kind: string; attachments?: Attachment[]; secret?: string },
): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: { channel: "EMAIL", to: msg.to, subject: msg.subject, kind: msg.kind, attachments: msg.attachments ?? [], ...withSecret(msg.body, msg.secret) },
  });
  await enqueue(tx, DELIVER, { id: row.id }, { maxAttempts: MAX_ATTEMPTS });
  return row.id;
}

/** Sends one outbox row through its provider; throws so the job runner retries. */
export async function deliverOutboxMessage(id: string): Promise<void> {
  const client = db();
  const msg = await client.outboxMessage.findUnique({ where: { id } });
  if (!msg || msg.status === "SENT") return;
  if (msg.redacted && !msg.sealed) return; // its secret is gone: nothing left to send
  const provider = msg.channel === "SMS" ? smsProvider() : emailProvider();
  const body = msg.sealed ? decrypt(msg.sealed) : msg.body;
  try {
    if (msg.channel === "SMS") await smsProvider().send({ outboxId: msg.id, to: msg.to, body });
    else
      await emailProvider().send({
        outboxId: msg.id,
        to: msg.to,
        subject: msg.subject ?? "",
        body,
        attachments: msg.attachments as Attachment[],
      });
    await client.outboxMessage.update({
      where: { id },
      data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, provider: provider.name, lastError: null, sealed: null },
    });
  } catch (e) {
    const attempts = msg.attempts + 1;
    const final = attempts >= MAX_ATTEMPTS;
    await client.outboxMessage.update({
      where: { id },
      data: {
        attempts,
        provider: provider.name,
        // provider errors may quote the text: never keep a secret's message in the error
        lastError: msg.redacted ? "发送失败（内容含验证码，不记录详情）" : String((e as Error)?.message ?? e).slice(0, 1000),
        status: final ? "FAILED" : "PENDING",
        sealed: final ? null : undefined,
      },
    });
    throw e;
  }
}

/**
 * Admin re-send: a failed message goes back to the queue with fresh attempts. A message that
 * carried a verification code cannot be re-sent (its code was erased; the user asks for a new one).
 */
export async function resendOutboxMessage(tx: Tx, id: string) {
  const msg = await tx.outboxMessage.findUnique({ where: { id } });
  if (!msg || msg.status === "PENDING" || msg.redacted) return null;
  await tx.outboxMessage.update({ where: { id }, data: { status: "PENDING", attempts: 0, lastError: null } });
  await enqueue(tx, DELIVER, { id }, { maxAttempts: MAX_ATTEMPTS });
  return msg;
}

registerJob(DELIVER, async (payload) => {
  const { id } = payload as { id: string };
  await deliverOutboxMessage(id);
}, { queue: "messages" });

export function notifyProvidersSimulated(): { sms: boolean; email: boolean } {
  return { sms: smsProvider().simulated, email: emailProvider().simulated };
}
export * from "./outbox-query";
export * from "./providers";

import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { now } from "@/lib/server/clock";
import { emailProvider, smsProvider, type Attachment } from "./providers";

export type { Attachment } from "./providers";

const DELIVER = "outbox.deliver";
const MAX_ATTEMPTS = 5;

/** Queues an SMS in the caller's transaction; the job runner delivers it. */
export async function queueSms(tx: Tx, msg: { to: string; body: string; kind: string }): Promise<string> {
  const row = await tx.outboxMessage.create({ data: { channel: "SMS", to: msg.to, body: msg.body, kind: msg.kind } });
  await enqueue(tx, DELIVER, { id: row.id }, { maxAttempts: MAX_ATTEMPTS });
  return row.id;
}

export async function queueEmail(
  tx: Tx,
  msg: { to: string; subject: string; body: string; kind: string; attachments?: Attachment[] },
): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: { channel: "EMAIL", to: msg.to, subject: msg.subject, body: msg.body, kind: msg.kind, attachments: msg.attachments ?? [] },
  });
  await enqueue(tx, DELIVER, { id: row.id }, { maxAttempts: MAX_ATTEMPTS });
  return row.id;
}

/** Sends one outbox row through its provider; throws so the job runner retries. */
export async function deliverOutboxMessage(id: string): Promise<void> {
  const client = db();
  const msg = await client.outboxMessage.findUnique({ where: { id } });
  if (!msg || msg.status === "SENT") return;
  const provider = msg.channel === "SMS" ? smsProvider() : emailProvider();
  try {
    if (msg.channel === "SMS") await smsProvider().send({ to: msg.to, body: msg.body });
    else
      await emailProvider().send({
        to: msg.to,
        subject: msg.subject ?? "",
        body: msg.body,
        attachments: msg.attachments as Attachment[],
      });
    await client.outboxMessage.update({
      where: { id },
      data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, provider: provider.name, lastError: null },
    });
  } catch (e) {
    const attempts = msg.attempts + 1;
    await client.outboxMessage.update({
      where: { id },
      data: {
        attempts,
        provider: provider.name,
        lastError: String((e as Error)?.message ?? e).slice(0, 1000),
        status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
      },
    });
    throw e;
  }
}

/** Admin re-send: a failed message goes back to the queue with fresh attempts. */
export async function resendOutboxMessage(tx: Tx, id: string) {
  const msg = await tx.outboxMessage.findUnique({ where: { id } });
  if (!msg || msg.status === "PENDING") return null;
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

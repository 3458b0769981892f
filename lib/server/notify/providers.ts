import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/server/config";
import { blobStore } from "@/lib/server/storage";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";

export type Attachment = { filename: string; sha256: string; size: number; contentType: string };
export type OutgoingSms = { outboxId: string; to: string; body: string };
export type OutgoingEmail = { outboxId: string; to: string; subject: string; body: string; attachments: Attachment[] };

export interface SmsProvider {
  readonly name: string;
  /** true for the development provider: messages stay in the outbox (UI says 模拟). */
  readonly simulated: boolean;
  send(msg: OutgoingSms): Promise<void>;
}

export interface EmailProvider {
  readonly name: string;
  readonly simulated: boolean;
  send(msg: OutgoingEmail): Promise<void>;
}

/** The simulated handset / mailbox: what a development provider delivered, in full, for /dev/outbox. */
async function simulatedDelivery(msg: { outboxId: string; to: string; body: string }): Promise<void> {
  await db().simulatedDelivery.upsert({ where: { outboxId: msg.outboxId }, create: { outboxId: msg.outboxId, to: msg.to, body: msg.body, createdAt: now() }, update: {} });
}

/**
 * Development SMS: delivers to the simulated handset. Checking the number and length here keeps
 * the same failure modes as a gateway (which refuses bad numbers and over-long texts).
 */
class OutboxSmsProvider implements SmsProvider {
  readonly name = "dev-outbox";
  readonly simulated = true;
  async send(msg: OutgoingSms): Promise<void> {
    if (!/^1[3-9]\d{9}$/.test(msg.to)) throw new Error(`invalid mobile number ${msg.to}`);
    if (msg.body.length > 500) throw new Error("sms body too long");
    await simulatedDelivery(msg);
  }
}

async function mailOptions(msg: OutgoingEmail) {
  const attachments = await Promise.all(
    msg.attachments.map(async (a) => {
      const content = await blobStore().get(a.sha256);
      if (!content) throw new Error(`attachment ${a.sha256} missing from the file store`);
      return { filename: a.filename, content: Buffer.from(content), contentType: a.contentType };
    }),
  );
  return { from: config.mailFrom, to: msg.to, subject: msg.subject, text: msg.body, attachments };
}

/** Real e-mail through SMTP (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465). */
class SmtpEmailProvider implements EmailProvider {
  readonly name = "smtp";
  readonly simulated = false;
  private transport = nodemailer.createTransport(config.smtpUrl);
  async send(msg: OutgoingEmail): Promise<void> {
    await this.transport.sendMail(await mailOptions(msg));
  }
}

/** Development e-mail: builds the full MIME message (attachments included) but does not send it. */
class OutboxEmailProvider implements EmailProvider {
  readonly name = "dev-outbox";
  readonly simulated = true;
  private transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  async send(msg: OutgoingEmail): Promise<void> {
    await this.transport.sendMail(await mailOptions(msg));
    await simulatedDelivery(msg);
  }
}

let sms: SmsProvider | null = null;
let email: EmailProvider | null = null;

export function smsProvider(): SmsProvider {
  if (config.smsProvider !== "dev") throw new Error(`SMS provider ${config.smsProvider} is not configured`);
  sms ??= new OutboxSmsProvider();
  return sms;
}

/** The providers as getters (one may throw when it is not configured), for the status page. */
export function notifyProviders(): { sms: () => SmsProvider; email: () => EmailProvider } {
  return { sms: smsProvider, email: emailProvider };
}

export function emailProvider(): EmailProvider {
  email ??= config.smtpUrl ? new SmtpEmailProvider() : new OutboxEmailProvider();
  return email;
}

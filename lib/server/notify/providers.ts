import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/server/config";
import { blobStore } from "@/lib/server/storage";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { MAINLAND_MOBILE, type OutgoingSms, type SmsProvider, type SmsReceipt } from "./sms-types";
import { smsGatewayCheck } from "./sms-settings";
import { TencentSmsProvider } from "./sms-tencent";
import { AliyunSmsProvider } from "./sms-aliyun";

export type { OutgoingSms, SmsProvider, SmsReceipt } from "./sms-types";
export type Attachment = { filename: string; sha256: string; size: number; contentType: string };
export type OutgoingEmail = { outboxId: string; to: string; subject: string; body: string; attachments: Attachment[] };

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
 * Development SMS: delivers the text rendered from our template table to the simulated handset.
 * Checking the number and length here keeps the same failure modes as a gateway (which refuses
 * bad numbers and over-long texts).
 */
class OutboxSmsProvider implements SmsProvider {
  readonly name = "dev-outbox";
  readonly simulated = true;
  async send(msg: OutgoingSms): Promise<SmsReceipt> {
    if (!MAINLAND_MOBILE.test(msg.to)) throw new Error(`invalid mobile number ${msg.to}`);
    if (msg.body.length > 500) throw new Error("sms body too long");
    await simulatedDelivery(msg);
    return { providerMessageId: null };
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

let sms: { key: string; provider: SmsProvider } | null = null;
let email: EmailProvider | null = null;

/**
 * The provider SMS_PROVIDER names: dev (the outbox, 模拟), tencent or aliyun. A real gateway with
 * an incomplete configuration (a template without its id …) throws here, at first use, with every
 * problem named; the start-up check refuses to start with the same list.
 */
export function smsProvider(): SmsProvider {
  const key = `${config.smsProvider}\n${JSON.stringify(config.sms)}`;
  if (sms?.key === key) return sms.provider;
  if (config.smsProvider === "dev") {
    sms = { key, provider: new OutboxSmsProvider() };
    return sms.provider;
  }
  const { settings, problems } = smsGatewayCheck();
  if (!settings) throw new Error(`短信服务未配置好：${problems.join("；")}`);
  sms = { key, provider: settings.gateway === "tencent" ? new TencentSmsProvider(settings) : new AliyunSmsProvider(settings) };
  return sms.provider;
}

/** The providers as getters (one may throw when it is not configured), for the status page. */
export function notifyProviders(): { sms: () => SmsProvider; email: () => EmailProvider } {
  return { sms: smsProvider, email: emailProvider };
}

export function emailProvider(): EmailProvider {
  email ??= config.smtpUrl ? new SmtpEmailProvider() : new OutboxEmailProvider();
  return email;
}

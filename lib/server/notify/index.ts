import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";
import { decrypt, encrypt } from "@/lib/server/crypto";
import { SMS_TEMPLATES, isSmsTemplate, maskedParams, pickParams, renderSms, type SmsParams, type SmsTemplate, type SmsTemplateDef } from "@/lib/domain/sms-templates";
import { emailProvider, smsProvider, type Attachment } from "./providers";

export type { Attachment } from "./providers";
export type { SmsParams, SmsTemplate } from "@/lib/domain/sms-templates";

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

/** What `sealed` holds for an SMS: the text and the parameters, secret included. */
type SealedSms = { body: string; params: Record<string, string> };

function unsealSms(sealed: string): { body: string; params: Record<string, string> | null } {
  const plain = decrypt(sealed);
  try {
    const v = JSON.parse(plain) as Partial<SealedSms>;
    if (v && typeof v.body === "string" && v.params && typeof v.params === "object") return { body: v.body, params: v.params };
  } catch {
    // sealed before templates: the text alone
  }
  return { body: plain, params: null };
}

/**
 * Queues an SMS in the caller's transaction; the job runner delivers it. The message is a
 * template and its parameters (a gateway sends approved templates only); the outbox row keeps
 * the text rendered from our table (what the development handset shows) and the parameters. A
 * template's secret (a code) is masked in both and sealed until it is sent.
 */
export async function queueSms<T extends SmsTemplate>(tx: Tx, msg: { to: string; template: T; params: SmsParams<T> }): Promise<string> {
  const def: SmsTemplateDef = SMS_TEMPLATES[msg.template];
  const params = pickParams(msg.template, msg.params);
  const sign = config.sms.signName;
  const body = renderSms(msg.template, params, sign);
  const shown = maskedParams(msg.template, params); // the same, with a secret as ******
  const stored = def.secret
    ? { body: renderSms(msg.template, shown, sign), params: shown, sealed: encrypt(JSON.stringify({ body, params } satisfies SealedSms)), redacted: true }
    : { body, params };
  const row = await tx.outboxMessage.create({ data: { channel: "SMS", to: msg.to, kind: def.kind, template: msg.template, ...stored } });
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
  if (!msg || msg.status !== "PENDING") return; // sent (and perhaps reported) already, or given up
  if (msg.redacted && !msg.sealed) return; // its secret is gone: nothing left to send
  let providerName = "?";
  try {
    let providerMessageId: string | null = null;
    if (msg.channel === "SMS") {
      const provider = smsProvider();
      providerName = provider.name;
      const { body, params } = msg.sealed ? unsealSms(msg.sealed) : { body: msg.body, params: msg.params as Record<string, string> | null };
      const template = isSmsTemplate(msg.template) ? msg.template : null;
      ({ providerMessageId } = await provider.send({ outboxId: msg.id, to: msg.to, template, params: template ? params : null, body }));
    } else {
      const provider = emailProvider();
      providerName = provider.name;
      await provider.send({
        outboxId: msg.id,
        to: msg.to,
        subject: msg.subject ?? "",
        body: msg.sealed ? decrypt(msg.sealed) : msg.body,
        attachments: msg.attachments as Attachment[],
      });
    }
    await client.outboxMessage.update({
      where: { id },
      data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, provider: providerName, providerMessageId, lastError: null, sealed: null },
    });
  } catch (e) {
    const attempts = msg.attempts + 1;
    const final = attempts >= MAX_ATTEMPTS;
    await client.outboxMessage.update({
      where: { id },
      data: {
        attempts,
        provider: providerName,
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
  await tx.outboxMessage.update({ where: { id }, data: { status: "PENDING", attempts: 0, lastError: null, providerMessageId: null, reportedAt: null } });
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
export { smsConfigProblems } from "./sms-settings";
export { smsReportHandle } from "./sms-reports";
export * from "./providers";

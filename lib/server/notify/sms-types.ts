import type { SmsTemplate } from "@/lib/domain/sms-templates";

/**
 * One SMS as a gateway takes it: a template and its parameters (the gateway renders its approved
 * copy). `body` is our own rendering of the same template, for the development handset; a row
 * queued before templates has only a body (template and params null).
 */
export type OutgoingSms = { outboxId: string; to: string; template: SmsTemplate | null; params: Record<string, string> | null; body: string };

/** What the gateway answered: its id of the message (Tencent SerialNo, Aliyun BizId), matched by delivery reports. */
export type SmsReceipt = { providerMessageId: string | null };

export interface SmsProvider {
  readonly name: string;
  /** true for the development provider: messages stay in the outbox (UI says 模拟). */
  readonly simulated: boolean;
  /** Resolves once the gateway accepted the message; throws (so the job retries) otherwise. */
  send(msg: OutgoingSms): Promise<SmsReceipt>;
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** A row queued before SMS became templates can only be shown, not sent through a gateway. */
export const NO_TEMPLATE = "该短信排队于模板化之前，没有模板参数，无法通过短信网关发送";

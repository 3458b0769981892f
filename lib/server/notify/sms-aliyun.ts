import "server-only";
import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { pickParams } from "@/lib/domain/sms-templates";
import type { OutgoingSms, SmsProvider, SmsReceipt } from "./sms-types";
import { MAINLAND_MOBILE, NO_TEMPLATE } from "./sms-types";
import type { SmsGatewaySettings } from "./sms-settings";

// The SDK is CommonJS with a default export; loaded natively (not bundled) its class may sit one level down.
const Client = ((Dysmsapi as unknown as { default?: typeof Dysmsapi }).default ?? Dysmsapi) as typeof Dysmsapi;

/**
 * Aliyun SMS (短信服务 dysmsapi 2017-05-25 SendSms) through the official SDK, which signs each
 * request (ACS3-HMAC-SHA256). An answer whose Code is not "OK" (isv.BUSINESS_LIMIT_CONTROL …)
 * throws and the outbox job retries; OutId carries our outbox id.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = "aliyun";
  readonly simulated = false;
  private client: Dysmsapi;

  constructor(private settings: SmsGatewaySettings) {
    const ep = settings.endpoint;
    this.client = new Client(
      new $OpenApiUtil.Config({
        accessKeyId: settings.secretId,
        accessKeySecret: settings.secretKey,
        regionId: settings.region,
        endpoint: ep ? ep.host : "dysmsapi.aliyuncs.com",
        protocol: ep ? ep.protocol : "https",
        connectTimeout: settings.timeoutMs,
        readTimeout: settings.timeoutMs,
      }),
    );
  }

  async send(msg: OutgoingSms): Promise<SmsReceipt> {
    if (!msg.template || !msg.params) throw new Error(NO_TEMPLATE);
    if (!MAINLAND_MOBILE.test(msg.to)) throw new Error(`invalid mobile number ${msg.to}`);
    // the template's parameters by name (its ${name} placeholders), nothing else
    const named = pickParams(msg.template, msg.params);
    let body;
    try {
      const res = await this.client.sendSms(
        new SendSmsRequest({
          phoneNumbers: msg.to,
          signName: this.settings.signName,
          templateCode: this.settings.templateIds[msg.template],
          templateParam: JSON.stringify(named),
          outId: msg.outboxId,
        }),
      );
      body = res.body;
    } catch (e) {
      const err = e as { code?: string; message?: string };
      throw new Error(`阿里云短信请求失败：${err.code ? `${err.code} ` : ""}${err.message ?? String(e)}`);
    }
    if (body?.code !== "OK") throw new Error(`阿里云短信发送失败：${body?.code ?? "?"} ${body?.message ?? ""}`.trim());
    return { providerMessageId: body.bizId ?? null };
  }
}

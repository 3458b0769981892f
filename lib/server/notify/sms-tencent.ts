import "server-only";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import { orderedParams } from "@/lib/domain/sms-templates";
import { MAINLAND_MOBILE, NO_TEMPLATE, type OutgoingSms, type SmsProvider, type SmsReceipt } from "./sms-types";
import type { SmsGatewaySettings } from "./sms-settings";

type SdkClient = InstanceType<typeof sms.v20210111.Client>;

/**
 * Tencent Cloud SMS (短信 SendSms, API 2021-01-11) through the official SDK, which signs each
 * request with TC3-HMAC-SHA256. One number per request, so the status of the one SendStatusSet
 * entry is the message's: anything but "Ok" throws and the outbox job retries.
 */
export class TencentSmsProvider implements SmsProvider {
  readonly name = "tencent";
  readonly simulated = false;
  private client: SdkClient;

  constructor(private settings: SmsGatewaySettings) {
    const ep = settings.endpoint;
    this.client = new sms.v20210111.Client({
      credential: { secretId: settings.secretId, secretKey: settings.secretKey },
      region: settings.region,
      profile: {
        httpProfile: {
          endpoint: ep ? ep.host : "sms.tencentcloudapi.com",
          protocol: ep ? `${ep.protocol}://` : "https://",
          reqMethod: "POST",
          reqTimeout: settings.timeoutMs / 1000, // seconds; the SDK's default is 60
        },
      },
    });
  }

  async send(msg: OutgoingSms): Promise<SmsReceipt> {
    if (!msg.template || !msg.params) throw new Error(NO_TEMPLATE);
    if (!MAINLAND_MOBILE.test(msg.to)) throw new Error(`invalid mobile number ${msg.to}`);
    let res: Awaited<ReturnType<SdkClient["SendSms"]>>;
    try {
      res = await this.client.SendSms({
        PhoneNumberSet: [`+86${msg.to}`],
        SmsSdkAppId: this.settings.sdkAppId,
        SignName: this.settings.signName,
        TemplateId: this.settings.templateIds[msg.template],
        TemplateParamSet: orderedParams(msg.template, msg.params),
        SessionContext: msg.outboxId,
      });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      throw new Error(`腾讯云短信请求失败：${err.code ? `${err.code} ` : ""}${err.message ?? String(e)}`);
    }
    const status = res.SendStatusSet?.[0];
    if (!status) throw new Error("腾讯云短信：应答缺少 SendStatusSet");
    if (status.Code !== "Ok") throw new Error(`腾讯云短信发送失败：${status.Code ?? "?"} ${status.Message ?? ""}`.trim());
    return { providerMessageId: status.SerialNo ?? null };
  }
}

import "server-only";
import { faceid } from "tencentcloud-sdk-nodejs/tencentcloud/services/faceid/index.js"; // the file itself: Node resolves it when the package stays external
import type { IdType } from "@/lib/domain/idcard";
import { faceIdVerdict } from "@/lib/domain/faceid";
import { log } from "@/lib/server/log";
import { FaceProviderError, type FaceCheckProvider, type FaceExpectation, type FaceResult, type FaceSessionStart, type RealNameProvider } from "./provider-types";
import type { TencentFaceSettings } from "./face-settings";

type SdkClient = InstanceType<typeof faceid.v20180301.Client>;

const sdkError = (e: unknown) => {
  const err = e as { code?: string; message?: string; requestId?: string };
  return { code: err.code ?? "", message: err.message ?? String(e), requestId: err.requestId ?? "" };
};

/**
 * Tencent Cloud 人脸核身 (FaceID, API 2018-03-01) through the official SDK, which signs each
 * request with TC3-HMAC-SHA256. start = DetectAuth with our RuleId, the identity the face must
 * match (IdCard + Name: FaceID compares the live face with the authority's photo of that ID),
 * RedirectUrl back to our return page and Extra = our check id; it answers with the BizToken
 * (our reference) and the H5 page's Url. result = GetDetectInfoEnhanced by BizToken + RuleId,
 * read by faceIdVerdict: PASSED only for ErrCode 0 on our check, for the identity we asked about.
 */
export class TencentFaceCheckProvider implements FaceCheckProvider {
  readonly name = "tencent-faceid";
  readonly simulated = false;
  private client: SdkClient;

  constructor(private settings: TencentFaceSettings) {
    const ep = settings.endpoint;
    this.client = new faceid.v20180301.Client({
      credential: { secretId: settings.secretId, secretKey: settings.secretKey },
      region: settings.region,
      profile: {
        httpProfile: {
          endpoint: ep ? ep.host : "faceid.tencentcloudapi.com",
          protocol: ep ? `${ep.protocol}://` : "https://",
          reqMethod: "POST",
          reqTimeout: settings.timeoutMs / 1000, // seconds; the SDK's default is 60
        },
      },
    });
  }

  async start(check: FaceSessionStart): Promise<{ ref: string; url: string | null }> {
    // nothing to compare the face with: FaceID would let the person type any identity in its page
    if (!check.identity) throw new FaceProviderError("FaceID needs the identity to verify", "请先完成实名认证");
    let res: Awaited<ReturnType<SdkClient["DetectAuth"]>>;
    try {
      res = await this.client.DetectAuth({
        RuleId: this.settings.ruleId,
        IdCard: check.identity.idNumber.toUpperCase(),
        Name: check.identity.name,
        RedirectUrl: check.returnUrl,
        Extra: check.id,
      });
    } catch (e) {
      const err = sdkError(e);
      throw new FaceProviderError(`腾讯云人脸核身 DetectAuth 失败：${err.code ? `${err.code} ` : ""}${err.message}`);
    }
    if (!res.BizToken || !res.Url) throw new FaceProviderError("腾讯云人脸核身 DetectAuth：应答缺少 BizToken 或 Url");
    return { ref: res.BizToken, url: res.Url };
  }

  async result(ref: string, expected: FaceExpectation): Promise<FaceResult> {
    if (!ref) return "PENDING";
    let res: Awaited<ReturnType<SdkClient["GetDetectInfoEnhanced"]>>;
    try {
      // InfoType 1: the text only — we keep no photo or video of the person
      res = await this.client.GetDetectInfoEnhanced({ BizToken: ref, RuleId: this.settings.ruleId, InfoType: "1" });
    } catch (e) {
      const err = sdkError(e);
      // an expired or unknown BizToken is a session that can never pass: definitive
      if (/BizToken/i.test(err.code)) {
        log().warn({ code: err.code, requestId: err.requestId }, "faceid: session gone");
        return "FAILED";
      }
      throw new FaceProviderError(`腾讯云人脸核身 GetDetectInfoEnhanced 失败：${err.code ? `${err.code} ` : ""}${err.message}`);
    }
    const verdict = faceIdVerdict(res.Text ?? null, { checkId: expected.checkId, identity: expected.identity });
    if (verdict.result === "FAILED") log().info({ checkId: expected.checkId, reason: verdict.reason, requestId: res.RequestId }, "faceid: not passed");
    return verdict.result;
  }
}

/**
 * 实名核验 with FaceID: the authority check is part of the face check — DetectAuth is given the
 * name and ID number, FaceID compares the face with the authority's photo for them, and the check
 * passes only when the identity it verified is the one entered (faceIdVerdict). So there is
 * nothing to ask before the face check; no checksum stands in for the authority. A 港澳居民来往内地通行证
 * has no authority photo FaceID compares against (it verifies 身份证 and 港澳台居民居住证 numbers).
 */
export class TencentRealNameProvider implements RealNameProvider {
  readonly name = "tencent-faceid";
  readonly simulated = false;
  async verify(input: { name: string; idType: IdType; idNumber: string }) {
    if (input.idType === "HK_MO_PERMIT") return { ok: false, message: "暂不支持以港澳居民来往内地通行证在线认证，请使用港澳台居民居住证" } as const;
    return { ok: true } as const;
  }
}

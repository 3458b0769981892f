import "server-only";
import type { IdType } from "@/lib/domain/idcard";

/** 实名核验: does this name + ID number exist at the authority? */
export interface RealNameProvider {
  readonly name: string;
  readonly simulated: boolean;
  verify(input: { name: string; idType: IdType; idNumber: string }): Promise<{ ok: true } | { ok: false; message: string }>;
}

export type FaceResult = "PENDING" | "PASSED" | "FAILED";

/** The identity a face must belong to: the one entered for 实名, else the account's own. */
export type FaceIdentity = { name: string; idType: IdType; idNumber: string };

/** What a provider is asked to check: our check, whose face it must be, and where its page sends the person back. */
export type FaceSessionStart = { id: string; purpose: string; identity: FaceIdentity | null; returnUrl: string };

/** What a provider's answer must be about: our check, and the identity it was asked to verify. */
export type FaceExpectation = { checkId: string; identity: FaceIdentity | null };

/**
 * 人脸核身, shaped as the real services work (Tencent FaceID: DetectAuth → the provider's H5 page →
 * GetDetectInfoEnhanced): the server starts a check and gets the provider's reference and the page
 * where the person completes it; afterwards the server asks the provider for the result by that
 * reference. The browser never reports the outcome to us. The development provider's page is the
 * 模拟 pane inside our own page (url null), and its "backend" is the SimulatedFaceSession table.
 */
export interface FaceCheckProvider {
  readonly name: string;
  readonly simulated: boolean;
  start(check: FaceSessionStart): Promise<{ ref: string; url: string | null }>;
  result(ref: string, expected: FaceExpectation): Promise<FaceResult>;
}

/** The provider could not be asked (down, refused our key, timed out) or refuses to start; `userMessage` is what the person is told. */
export class FaceProviderError extends Error {
  constructor(
    message: string,
    readonly userMessage = "人脸核身服务暂时不可用，请稍后重试",
  ) {
    super(message);
    this.name = "FaceProviderError";
  }
}

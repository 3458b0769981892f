import "server-only";
import { parsePersonId, type IdType } from "@/lib/domain/idcard";
import { shanghaiToday } from "@/lib/domain/dates";
import { now } from "@/lib/server/clock";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";

/** 实名核验: does this name + ID number exist at the authority? */
export interface RealNameProvider {
  readonly name: string;
  readonly simulated: boolean;
  verify(input: { name: string; idType: IdType; idNumber: string }): Promise<{ ok: true } | { ok: false; message: string }>;
}

export type FaceResult = "PENDING" | "PASSED" | "FAILED";

/**
 * 人脸核身, shaped as the real services work (Tencent FaceID: DetectAuth → the provider's H5 page →
 * GetDetectInfo): the server starts a check and gets the provider's reference and the page where
 * the person completes it; afterwards the server asks the provider for the result by that
 * reference. The browser never reports the outcome to us. The development provider's page is the
 * 模拟 pane inside our own page (url null), and its "backend" is the SimulatedFaceSession table.
 */
export interface FaceCheckProvider {
  readonly name: string;
  readonly simulated: boolean;
  start(check: { id: string; purpose: string }): Promise<{ ref: string; url: string | null }>;
  result(ref: string): Promise<FaceResult>;
}

class DevRealNameProvider implements RealNameProvider {
  readonly name = "dev-checksum";
  readonly simulated = true;
  // No authority to ask offline: a number is "found" when its structure and check digit hold.
  async verify(input: { name: string; idType: IdType; idNumber: string }) {
    const parsed = parsePersonId(input.idType, input.idNumber, shanghaiToday(now()));
    return parsed.ok ? ({ ok: true } as const) : ({ ok: false, message: parsed.error } as const);
  }
}

class DevFaceCheckProvider implements FaceCheckProvider {
  readonly name = "dev-simulated";
  readonly simulated = true;
  // writes nothing: a check is usually started inside the caller's transaction
  async start(): Promise<{ ref: string; url: string | null }> {
    return { ref: `sim_${crypto.randomBytes(16).toString("hex")}`, url: null };
  }
  async result(ref: string): Promise<FaceResult> {
    const s = ref ? await db().simulatedFaceSession.findUnique({ where: { ref } }) : null;
    return s?.outcome === "PASSED" ? "PASSED" : s?.outcome === "FAILED" ? "FAILED" : "PENDING";
  }
}

let realName: RealNameProvider | null = null;
let face: FaceCheckProvider | null = null;
export function realNameProvider(): RealNameProvider {
  realName ??= new DevRealNameProvider();
  return realName;
}
export function faceCheckProvider(): FaceCheckProvider {
  face ??= new DevFaceCheckProvider();
  return face;
}

import "server-only";
import { parsePersonId, type IdType } from "@/lib/domain/idcard";
import { shanghaiToday } from "@/lib/domain/dates";
import { now } from "@/lib/server/clock";

/** 实名核验: does this name + ID number exist at the authority? */
export interface RealNameProvider {
  readonly name: string;
  readonly simulated: boolean;
  verify(input: { name: string; idType: IdType; idNumber: string }): Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * 人脸核身: a liveness + likeness check of the person at the device. The development provider
 * takes the tester's 模拟通过 / 模拟不通过 choice as the outcome and says so in the UI.
 */
export interface FaceCheckProvider {
  readonly name: string;
  readonly simulated: boolean;
  /** Turns the client's evidence into a verdict. */
  judge(evidence: { simulatedOutcome?: boolean }): Promise<boolean>;
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
  async judge(evidence: { simulatedOutcome?: boolean }): Promise<boolean> {
    return evidence.simulatedOutcome === true;
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

import "server-only";
import { parsePersonId, type IdType } from "@/lib/domain/idcard";
import { shanghaiToday } from "@/lib/domain/dates";
import { now } from "@/lib/server/clock";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { faceSettingsCheck, faceProviderKind } from "./face-settings";
import { TencentFaceCheckProvider, TencentRealNameProvider } from "./face-tencent";
import type { FaceCheckProvider, FaceResult, RealNameProvider } from "./provider-types";

export { FaceProviderError } from "./provider-types";
export type { FaceCheckProvider, FaceExpectation, FaceIdentity, FaceResult, FaceSessionStart, RealNameProvider } from "./provider-types";

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
  // writes nothing: what the tester chooses on the 模拟 pane is recorded by simulatedFaceDecide
  async start(): Promise<{ ref: string; url: string | null }> {
    return { ref: `sim_${crypto.randomBytes(16).toString("hex")}`, url: null };
  }
  async result(ref: string): Promise<FaceResult> {
    const s = ref ? await db().simulatedFaceSession.findUnique({ where: { ref } }) : null;
    return s?.outcome === "PASSED" ? "PASSED" : s?.outcome === "FAILED" ? "FAILED" : "PENDING";
  }
}

type Pair = { key: string; realName: RealNameProvider; face: FaceCheckProvider };
let current: Pair | null = null;

/**
 * The providers FACE_PROVIDER names: dev (checksum + the 模拟 pane; the default) or tencent
 * (FaceID, which also does the real-name check). An incomplete configuration throws here, at first
 * use, with every problem named (the status page shows it as 未配置); the start-up check refuses
 * to start with the same list.
 */
function providers(): Pair {
  const check = faceSettingsCheck();
  const key = JSON.stringify(check);
  if (current?.key === key) return current;
  if (check.kind === "dev") {
    current = { key, realName: new DevRealNameProvider(), face: new DevFaceCheckProvider() };
  } else {
    if (!check.settings) throw new Error(`人脸核身服务未配置好：${check.problems.join("；")}`);
    current = { key, realName: new TencentRealNameProvider(), face: new TencentFaceCheckProvider(check.settings) };
  }
  return current;
}

export function realNameProvider(): RealNameProvider {
  return providers().realName;
}
export function faceCheckProvider(): FaceCheckProvider {
  return providers().face;
}

/** Whether the identity checks are the development ones (模拟), for pages that say so; no provider is built. */
export function identitySimulated(): boolean {
  return faceProviderKind() === "dev";
}

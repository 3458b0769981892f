// 人脸核身 and 实名 through Tencent Cloud FaceID, against a local fake of its API (test-faceid.ts):
// the SDK's signed requests, the provider's answers read as our verdict, and the server deciding —
// never the browser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { decrypt } from "@/lib/server/crypto";
import { idCheckChar } from "@/lib/domain/idcard";
import { person } from "@/lib/server/contracts/test-kit";
import { providerStatus } from "@/lib/server/providers";
import { consumeFaceCheck, faceCheckLaunch, faceCheckStatus, faceReturnUrl, startFaceCheck } from "./face-check";
import { judgeIntent } from "./intent";
import { faceConfigProblems } from "./face-settings";
import { faceCheckProvider, realNameProvider } from "./providers";
import { realNameFinish, realNameStart } from "./real-name";
import { simulatedFaceDecide } from "./simulated-face";
import { fakeFaceId, type FakeFaceId } from "./test-faceid";

const creds = { secretId: "AKIDfaceid000000000000000000000000000", secretKey: "faceid-secret-key-for-tests", ruleId: "2" };
const FACE_ENV = ["FACE_PROVIDER", "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "FACEID_RULE_ID", "FACEID_ENDPOINT", "FACEID_REGION", "FACEID_TIMEOUT_MS", "SMS_PROVIDER"];
const TC3 = /^TC3-HMAC-SHA256 Credential=AKIDfaceid0+\/\d{4}-\d{2}-\d{2}\/[\w.]+\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/;
const UNAVAILABLE = "人脸核身服务暂时不可用，请稍后重试";

function configure(env: Record<string, string>) {
  for (const k of FACE_ENV) delete process.env[k];
  Object.assign(process.env, env);
}
afterEach(() => configure({}));

let fake: FakeFaceId;
beforeAll(async () => {
  fake = await fakeFaceId(creds);
});
afterAll(() => fake.close());

const tencent = (more: Record<string, string> = {}) =>
  configure({ FACE_PROVIDER: "tencent", TENCENTCLOUD_SECRET_ID: creds.secretId, TENCENTCLOUD_SECRET_KEY: creds.secretKey, FACEID_RULE_ID: creds.ruleId, FACEID_ENDPOINT: fake.url, ...more });

let seq = 0;
const adultId = () => {
  const first17 = `11010519850302${String(100 + (++seq % 800)).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
};
const newcomer = () => db().user.create({ data: { phone: `1990000${String(++seq).padStart(4, "0")}` } });
const fresh = (u: User) => db().user.findUniqueOrThrow({ where: { id: u.id } });
const row = (id: string) => db().faceCheck.findUniqueOrThrow({ where: { id } });
const sign = { contractId: "c1", version: 1, action: "sign", partyId: "p1", signatureSha256: "a".repeat(64), fieldValues: {} } as const;
const face = (faceCheckId: string) => ({ faceCheckId, face: true as const });

async function launched(u: User, faceCheckId: string): Promise<string> {
  const l = await faceCheckLaunch(u, faceCheckId);
  if (!l.ok) throw new Error(JSON.stringify(l));
  return (await row(faceCheckId)).providerRef!;
}

describe("实名 through FaceID", () => {
  it("DetectAuth, signed, with the RuleId, the identity entered, our return page and our check id; the H5 page; pending until the person finishes; a pass completes 实名 once", async () => {
    tencent();
    const holder = await newcomer();
    const idNumber = adultId();
    const rn = await realNameStart(holder.id, { name: "陈小文", idType: "CN_RESIDENT", idNumber, sensitiveConsent: true, certificateConsent: true });
    if (!rn.ok) throw new Error(JSON.stringify(rn));
    const id = rn.data.faceCheckId;
    // nothing is asked of the provider until the person turns to the face check
    expect(await row(id)).toMatchObject({ provider: null, providerRef: null, providerUrl: null });
    const before = fake.requests.length;

    const launch = await faceCheckLaunch(holder, id);
    expect(launch).toMatchObject({ ok: true, data: { simulated: false, url: expect.stringMatching(/^https:\/\/faceid\.qq\.com\/.*token=/) } });
    const req = fake.requests.at(-1)!;
    expect(fake.requests.length).toBe(before + 1);
    expect(req.signatureProblem).toBeNull();
    expect(req.method).toBe("POST");
    expect(req.headers.authorization).toMatch(TC3);
    expect(req.headers).toMatchObject({ "x-tc-action": "DetectAuth", "x-tc-version": "2018-03-01" });
    expect(req.json).toEqual({ RuleId: "2", IdCard: idNumber, Name: "陈小文", RedirectUrl: faceReturnUrl(id), Extra: id });
    expect(faceReturnUrl(id)).toMatch(new RegExp(`/face/return\\?check=${id}$`));
    const [bizToken] = [...fake.sessions.keys()].slice(-1);
    expect(await row(id)).toMatchObject({ provider: "tencent-faceid", providerRef: bizToken, providerUrl: launch.ok ? launch.data.url : "" });

    // asked again (a reload, another tab): the same session, no second DetectAuth
    expect(await faceCheckLaunch(holder, id)).toEqual(launch);
    expect(fake.requests.length).toBe(before + 1);

    // not finished at the provider: pending, asked by BizToken and RuleId, signed
    expect(await judgeIntent(holder, face(id), ["REAL_NAME"])).toEqual({ kind: "retry", field: "face", message: "请先完成人脸核验" });
    const query = fake.requests.at(-1)!;
    expect(query.signatureProblem).toBeNull();
    expect(query.headers.authorization).toMatch(TC3);
    expect(query.headers["x-tc-action"]).toBe("GetDetectInfoEnhanced");
    expect(query.json).toEqual({ BizToken: bizToken, RuleId: "2", InfoType: "1" });
    expect(await faceCheckStatus(holder, id)).toEqual({ status: "PENDING", purpose: "REAL_NAME" });
    fake.finish(bizToken!, "unfinished"); // ErrCode 17 本次流程未完成
    expect(await judgeIntent(holder, face(id), ["REAL_NAME"])).toMatchObject({ kind: "retry" });

    // the person passes at the provider: our return page learns it from the server, without settling the check
    fake.finish(bizToken!, "passed");
    expect(await faceCheckStatus(holder, id)).toEqual({ status: "PASSED", purpose: "REAL_NAME" });
    expect((await row(id)).status).toBe("PENDING");
    expect(await judgeIntent(holder, face(id), ["REAL_NAME"])).toMatchObject({ kind: "passed", method: "FACE", check: { id } });
    expect(await realNameFinish(holder.id, id)).toEqual({ ok: true, data: undefined });
    expect(await fresh(holder)).toMatchObject({ realName: "陈小文", idType: "CN_RESIDENT", verifiedAt: expect.any(Date) });
    expect(decrypt((await fresh(holder)).idNumberEnc!)).toBe(idNumber);

    // a check passed at the provider is taken once
    expect(await realNameFinish(holder.id, id)).toEqual({ ok: false, error: "人脸核验未通过或已过期，请重新认证" });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, holder.id, id, "REAL_NAME"))).toBeNull();
    expect(await judgeIntent(holder, face(id), ["REAL_NAME"])).toEqual({ kind: "expired" });
    expect(await faceCheckStatus(holder, id)).toEqual({ status: "PASSED", purpose: "REAL_NAME" });
  });

  it("passed at the provider, but for another name and ID than the ones entered: not passed, and no identity is written", async () => {
    tencent();
    const holder = await newcomer();
    const rn = await realNameStart(holder.id, { name: "李四", idType: "CN_RESIDENT", idNumber: adultId(), sensitiveConsent: true, certificateConsent: true });
    if (!rn.ok) throw new Error(JSON.stringify(rn));
    const bizToken = await launched(holder, rn.data.faceCheckId);
    fake.finish(bizToken, "passed-as-other");
    expect(await faceCheckStatus(holder, rn.data.faceCheckId)).toMatchObject({ status: "FAILED" });
    expect(await judgeIntent(holder, face(rn.data.faceCheckId), ["REAL_NAME"])).toEqual({ kind: "failed", message: "人脸核验未通过，请重试" });
    expect(await realNameFinish(holder.id, rn.data.faceCheckId)).toMatchObject({ ok: false });
    expect(await fresh(holder)).toMatchObject({ realName: null, verifiedAt: null, idNumberEnc: null });
  });

  it("the real-name provider is FaceID's own check (no checksum stands in); a 通行证 has no authority photo there and is refused before any session", async () => {
    tencent();
    expect(realNameProvider()).toMatchObject({ name: "tencent-faceid", simulated: false });
    const holder = await newcomer();
    const before = fake.requests.length;
    expect(await realNameStart(holder.id, { name: "陈小文", idType: "HK_MO_PERMIT", idNumber: "H87654321", birthDate: "1985-03-02", sensitiveConsent: true, certificateConsent: true })).toEqual({
      ok: false,
      fieldErrors: { idNumber: "暂不支持以港澳居民来往内地通行证在线认证，请使用港澳台居民居住证" },
    });
    expect(fake.requests.length).toBe(before);
  });
});

describe("人脸核身 for a signature or an account change through FaceID", () => {
  it("compares the face with the account's own verified identity; a failed liveness ends the check, which can never be taken", async () => {
    tencent();
    const u = await person("签署人甲");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    const bizToken = await launched(u, id);
    expect(fake.requests.at(-1)!.json).toMatchObject({ IdCard: decrypt(u.idNumberEnc!), Name: "签署人甲", Extra: id });
    fake.finish(bizToken, "liveness-failed");
    expect(await faceCheckStatus(u, id)).toEqual({ status: "FAILED", purpose: "SIGN" });
    expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "failed", message: "人脸核验未通过，请重试" });
    expect(await row(id)).toMatchObject({ status: "FAILED", method: "FACE" });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, u.id, id, "SIGN"))).toBeNull();
    // even if the provider changed its mind afterwards, the check is over
    fake.finish(bizToken, "passed");
    expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "expired" });
  });

  it("a pass is taken once by the act that consumes it", async () => {
    tencent();
    const u = await person("签署人乙");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    fake.finish(await launched(u, id), "passed");
    expect(await judgeIntent(u, face(id), ["SIGN"])).toMatchObject({ kind: "passed" });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, u.id, id, "SIGN"))).toEqual({ id, payload: sign });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, u.id, id, "SIGN"))).toBeNull();
  });

  it("更名 is verified under the new name; an account without a verified identity cannot start a FaceID check", async () => {
    tencent();
    const u = await person("旧名字");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "ACCOUNT", { op: "rename", name: "新名字" }));
    await launched(u, id);
    expect(fake.requests.at(-1)!.json).toMatchObject({ IdCard: decrypt(u.idNumberEnc!), Name: "新名字" });

    const unverified = await newcomer();
    const close = await db().$transaction((tx) => startFaceCheck(tx, unverified.id, "ACCOUNT", { op: "close" }));
    const before = fake.requests.length;
    expect(await faceCheckLaunch(unverified, close)).toEqual({ ok: false, error: "请先完成实名认证" });
    expect(fake.requests.length).toBe(before);
    // a check is its holder's: another account cannot open or read it
    expect(await faceCheckLaunch(unverified, id)).toEqual({ ok: false, error: "人脸核验已失效，请重新操作" });
    expect(await faceCheckStatus(unverified, id)).toEqual({ status: "EXPIRED", purpose: null });
  });
});

describe("when FaceID fails to answer", () => {
  it("an error answer: the session does not open, or the check stays pending and is asked again later", async () => {
    tencent();
    const u = await person("服务异常");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    fake.mode = "error";
    try {
      expect(await faceCheckLaunch(u, id)).toEqual({ ok: false, error: UNAVAILABLE });
      expect(await row(id)).toMatchObject({ providerRef: null });
      fake.mode = "ok";
      const bizToken = await launched(u, id);
      fake.finish(bizToken, "passed");
      fake.mode = "error";
      expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "retry", field: "face", message: UNAVAILABLE });
      expect(await faceCheckStatus(u, id)).toEqual({ status: "UNAVAILABLE", purpose: "SIGN" });
      expect((await row(id)).status).toBe("PENDING");
    } finally {
      fake.mode = "ok";
    }
    expect(await judgeIntent(u, face(id), ["SIGN"])).toMatchObject({ kind: "passed" });
  });

  it("a timeout (FACEID_TIMEOUT_MS) ends the request; the check stays pending", async () => {
    tencent();
    const u = await person("超时");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    const bizToken = await launched(u, id);
    fake.finish(bizToken, "passed");
    tencent({ FACEID_TIMEOUT_MS: "300" });
    fake.mode = "hang";
    try {
      const t0 = Date.now();
      expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "retry", field: "face", message: UNAVAILABLE });
      expect(Date.now() - t0).toBeLessThan(5_000);
      const other = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
      expect(await faceCheckLaunch(u, other)).toEqual({ ok: false, error: UNAVAILABLE });
    } finally {
      fake.mode = "ok";
    }
    expect((await row(id)).status).toBe("PENDING");
  });

  it("a wrong key: FaceID's signature check refuses it", async () => {
    tencent({ TENCENTCLOUD_SECRET_KEY: "not-the-key" });
    const u = await person("错误密钥");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    expect(await faceCheckLaunch(u, id)).toEqual({ ok: false, error: UNAVAILABLE });
    expect(fake.requests.at(-1)!.signatureProblem).toBe("signature does not match");
  });
});

describe("the browser cannot decide a FaceID check", () => {
  it("the 模拟 page's answer is refused with the real provider, even while the other development providers are on", async () => {
    tencent({ SMS_PROVIDER: "dev" });
    const u = await person("浏览器甲");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    const bizToken = await launched(u, id);
    expect(await simulatedFaceDecide(u.id, id, true)).toBe(false);
    expect(await db().simulatedFaceSession.count({ where: { ref: bizToken } })).toBe(0);
    expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "retry", field: "face", message: "请先完成人脸核验" });
  });

  it("nor with the development face provider once the development providers are off", async () => {
    configure({ SMS_PROVIDER: "tencent" });
    const u = await person("浏览器乙");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    await launched(u, id);
    expect(await simulatedFaceDecide(u.id, id, true)).toBe(false);
    expect(await judgeIntent(u, face(id), ["SIGN"])).toMatchObject({ kind: "retry" });
  });

  it("a session opened by the development provider is not asked of FaceID after a switch", async () => {
    configure({});
    const u = await person("切换");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    await launched(u, id);
    expect(await simulatedFaceDecide(u.id, id, true)).toBe(true);
    tencent();
    const before = fake.requests.length;
    expect(await judgeIntent(u, face(id), ["SIGN"])).toEqual({ kind: "failed", message: "人脸核验已失效，请重新操作" });
    expect(fake.requests.length).toBe(before);
  });
});

describe("configuration", () => {
  it("names every missing or malformed setting, and the status page shows FaceID as 正式 or 未配置", () => {
    configure({});
    expect(faceConfigProblems()).toEqual([]);
    expect(providerStatus().filter((p) => p.kind === "faceCheck" || p.kind === "realName")).toEqual([
      { kind: "realName", label: "实名核验", name: "dev-checksum", simulated: true, configured: true },
      { kind: "faceCheck", label: "人脸核身", name: "dev-simulated", simulated: true, configured: true },
    ]);
    configure({ FACE_PROVIDER: "tencent" });
    expect(faceConfigProblems()).toEqual([
      "TENCENTCLOUD_SECRET_ID（SecretId）未设置",
      "TENCENTCLOUD_SECRET_KEY（SecretKey）未设置",
      "FACEID_RULE_ID（人脸核身控制台的业务流程 RuleId）未设置",
    ]);
    expect(() => faceCheckProvider()).toThrow(/人脸核身服务未配置好/);
    expect(providerStatus().find((p) => p.kind === "faceCheck")).toEqual({ kind: "faceCheck", label: "人脸核身", name: "未配置", simulated: false, configured: false });
    tencent({ FACEID_ENDPOINT: "ftp://x", FACEID_TIMEOUT_MS: "soon" });
    expect(faceConfigProblems()).toEqual(["FACEID_ENDPOINT 应为 http(s):// 开头的网址", "FACEID_TIMEOUT_MS 应为 100–120000 之间的整数（毫秒）"]);
    configure({ FACE_PROVIDER: "aliyun" });
    expect(faceConfigProblems()).toEqual(["FACE_PROVIDER=aliyun 无效（可选 dev、tencent）"]);
    tencent();
    expect(faceConfigProblems()).toEqual([]);
    expect(providerStatus().filter((p) => p.kind === "faceCheck" || p.kind === "realName")).toEqual([
      { kind: "realName", label: "实名核验", name: "tencent-faceid", simulated: false, configured: true },
      { kind: "faceCheck", label: "人脸核身", name: "tencent-faceid", simulated: false, configured: true },
    ]);
  });
});

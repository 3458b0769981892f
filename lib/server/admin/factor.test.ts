// 管理后台二次验证 as a pending intent (purpose ADMIN_FACTOR): bound to the admin and the session
// it was started in, proven by the signing password or 指纹/面容 ID only, consumed once.
import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now, setClockOffset } from "@/lib/server/clock";
import { person } from "@/lib/server/contracts/test-kit";
import { hashSignPassword, intentMethods, proveIntent, registrationOptions, verifyRegistration } from "@/lib/server/identity";
import { softAuthenticator } from "@/lib/server/identity/test-authenticator";
import { faceProof } from "@/lib/server/identity/test-kit";
import { ADMIN_FACTOR_TTL_MS, adminFactorOptions, adminFactorStart, adminFactorVerify } from "./factor";

const IP = "10.0.0.2";
const EXPIRED = { ok: false, error: "意愿核验已失效，请重新操作" };

async function admin(name: string): Promise<User> {
  const u = await person(name);
  return db().user.update({ where: { id: u.id }, data: { role: "ADMIN", signPasswordHash: await hashSignPassword("135790") } });
}

async function started(u: User, sessionId: string): Promise<string> {
  const s = await adminFactorStart(u, sessionId);
  if (!s.ok) throw new Error(JSON.stringify(s));
  return s.data.faceCheckId;
}

/** A platform credential registered for `u` through the real registration check. */
async function withKey(u: User) {
  const device = softAuthenticator("http://localhost:3000");
  const options = await registrationOptions(u);
  const cred = await verifyRegistration(device.register(options), options.challenge);
  if (!cred) throw new Error("registration");
  await db().webAuthnCredential.create({ data: { userId: u.id, ...cred, label: "FINGERPRINT", createdAt: now() } });
  return device;
}

async function optionsFor(u: User, sessionId: string, faceCheckId: string) {
  const o = await adminFactorOptions(u, sessionId, { faceCheckId });
  if (!o.ok) throw new Error(JSON.stringify(o));
  return o.data;
}

const check = (id: string) => db().faceCheck.findUniqueOrThrow({ where: { id } });
const fails = async (u: User) => (await db().user.findUniqueOrThrow({ where: { id: u.id } })).signPasswordFails;

describe("admin second factor", () => {
  it("by password: the check is consumed with the pass, AdminFactor and the audit written together; the check is then spent", async () => {
    const a = await admin("二次验证甲");
    const id = await started(a, "sid-pw");
    // held for this session; no face provider session is opened for a purpose the face cannot prove
    expect(await check(id)).toMatchObject({ purpose: "ADMIN_FACTOR", payload: { sessionId: "sid-pw" }, status: "PENDING", provider: null, providerRef: null });

    const before = now().getTime();
    const passed = await adminFactorVerify(a, "sid-pw", { faceCheckId: id, password: "135790" }, IP);
    if (!passed.ok) throw new Error(JSON.stringify(passed));
    expect(passed.data.expiresAt.getTime()).toBeGreaterThanOrEqual(before + ADMIN_FACTOR_TTL_MS);
    const factor = await db().adminFactor.findUniqueOrThrow({ where: { sessionId: "sid-pw" } });
    expect(factor).toMatchObject({ userId: a.id, method: "PASSWORD", expiresAt: passed.data.expiresAt });
    expect(factor.passedAt!.getTime() + ADMIN_FACTOR_TTL_MS).toBe(factor.expiresAt!.getTime());
    expect(await check(id)).toMatchObject({ status: "PASSED", method: "PASSWORD", consumedAt: expect.any(Date) });
    const audit = await db().adminAudit.findMany({ where: { adminId: a.id, action: "admin.factor" } });
    expect(audit).toMatchObject([{ targetType: "session", summary: "管理后台二次验证通过（签署密码）", ip: IP }]);

    // spent: the same check passes nothing again
    expect(await adminFactorVerify(a, "sid-pw", { faceCheckId: id, password: "135790" }, IP)).toEqual(EXPIRED);
    // and a check left too long has expired
    const late = await started(a, "sid-pw");
    setClockOffset(11 * 60_000);
    try {
      expect(await adminFactorVerify(a, "sid-pw", { faceCheckId: late, password: "135790" }, IP)).toEqual(EXPIRED);
    } finally {
      setClockOffset(0);
    }
    expect(await db().adminAudit.count({ where: { adminId: a.id, action: "admin.factor" } })).toBe(1);
  });

  it("a wrong password keeps the check pending and counts toward the signing password's lock", async () => {
    const a = await admin("二次验证乙");
    const id = await started(a, "sid-wrong");
    expect(await adminFactorVerify(a, "sid-wrong", { faceCheckId: id, password: "000000" }, IP)).toEqual({ ok: false, fieldErrors: { password: "签署密码错误，还可尝试4次" } });
    expect(await check(id)).toMatchObject({ status: "PENDING", method: null });
    expect(await fails(a)).toBe(1);
    for (const left of [3, 2, 1]) {
      expect(await adminFactorVerify(a, "sid-wrong", { faceCheckId: id, password: "000000" }, IP)).toEqual({ ok: false, fieldErrors: { password: `签署密码错误，还可尝试${left}次` } });
    }
    expect(await adminFactorVerify(a, "sid-wrong", { faceCheckId: id, password: "000000" }, IP)).toEqual({ ok: false, fieldErrors: { password: "签署密码错误次数过多，已锁定30分钟，请使用人脸核身" } });
    // locked: even the right password waits, and the check is still pending
    expect(await adminFactorVerify(a, "sid-wrong", { faceCheckId: id, password: "135790" }, IP)).toEqual({ ok: false, fieldErrors: { password: "签署密码已锁定，请30分钟后再试，或使用人脸核身" } });
    expect(await check(id)).toMatchObject({ status: "PENDING" });
    expect(await db().adminFactor.findUnique({ where: { sessionId: "sid-wrong" } })).toBeNull();
  });

  it("a check started in another session or by another admin is refused before any password try", async () => {
    const a = await admin("二次验证丙");
    const b = await admin("二次验证丁");
    const id = await started(a, "sid-a");
    expect(await adminFactorVerify(a, "sid-b", { faceCheckId: id, password: "135790" }, IP)).toEqual(EXPIRED);
    expect(await adminFactorVerify(a, "sid-b", { faceCheckId: id, password: "000000" }, IP)).toEqual(EXPIRED);
    expect(await fails(a)).toBe(0);
    expect(await adminFactorVerify(b, "sid-a", { faceCheckId: id, password: "135790" }, IP)).toEqual(EXPIRED);
    expect(await adminFactorOptions(a, "sid-b", { faceCheckId: id })).toEqual(EXPIRED);
    expect(await db().adminFactor.count({ where: { sessionId: { in: ["sid-a", "sid-b"] } } })).toBe(0);
    // the check is untouched and still passes the session it was started in
    expect(await check(id)).toMatchObject({ status: "PENDING", challenge: null });
    expect(await adminFactorVerify(a, "sid-a", { faceCheckId: id, password: "135790" }, IP)).toMatchObject({ ok: true });
    expect(await db().adminFactor.findUniqueOrThrow({ where: { sessionId: "sid-a" } })).toMatchObject({ userId: a.id });
    expect(await db().adminFactor.findUnique({ where: { sessionId: "sid-b" } })).toBeNull();
  });

  it("the face check is not a way in: refused for ADMIN_FACTOR, and not offered", async () => {
    const a = await db().user.update({ where: { id: (await admin("二次验证戊")).id }, data: { preferredVerification: "FACE" } });
    expect(await intentMethods(a, "ADMIN_FACTOR")).toEqual({ preferred: "PASSWORD", password: true, webauthn: false });
    const id = await started(a, "sid-face");
    // the simulated provider has no session to decide for this check
    const sessions = await db().simulatedFaceSession.count();
    const proof = await faceProof(a, id);
    expect(await db().simulatedFaceSession.count()).toBe(sessions);
    expect(await adminFactorVerify(a, "sid-face", proof, IP)).toEqual({ ok: false, error: "该操作不能使用此验证方式" });
    expect(await proveIntent(a, proof, ["ADMIN_FACTOR"])).toEqual({ ok: false, error: "该操作不能使用此验证方式" });
    expect(await check(id)).toMatchObject({ status: "PENDING", method: null });
    expect(await db().adminFactor.findUnique({ where: { sessionId: "sid-face" } })).toBeNull();
  });

  it("指纹/面容 ID: a challenge answers one try only — refused, replayed or raced", async () => {
    const a = await admin("二次验证己");
    const device = await withKey(a);
    expect(await intentMethods(a, "ADMIN_FACTOR")).toMatchObject({ password: true, webauthn: true });
    const id = await started(a, "sid-key");

    // a refused assertion spends the challenge: the good answer to it comes too late
    const o1 = await optionsFor(a, "sid-key", id);
    expect(await adminFactorVerify(a, "sid-key", { faceCheckId: id, webauthn: device.assert(o1, { origin: "https://evil.example" }) }, IP)).toEqual({ ok: false, fieldErrors: { webauthn: "指纹或面容 ID 验证未通过" } });
    expect(await check(id)).toMatchObject({ status: "PENDING", challenge: null });
    expect(await adminFactorVerify(a, "sid-key", { faceCheckId: id, webauthn: device.assert(o1) }, IP)).toEqual({ ok: false, fieldErrors: { webauthn: "请重新发起指纹或面容 ID 验证" } });

    // a new challenge, answered twice at once: one passes
    const o2 = await optionsFor(a, "sid-key", id);
    const answer = device.assert(o2);
    const raced = await Promise.all([1, 2].map(() => adminFactorVerify(a, "sid-key", { faceCheckId: id, webauthn: answer }, IP)));
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().adminFactor.findUniqueOrThrow({ where: { sessionId: "sid-key" } })).toMatchObject({ userId: a.id, method: "WEBAUTHN" });
    expect(await db().adminAudit.findFirstOrThrow({ where: { adminId: a.id, action: "admin.factor" } })).toMatchObject({ summary: "管理后台二次验证通过（指纹/面容 ID）" });

    // replayed on the spent check, and on a new check with its own challenge
    expect(await adminFactorVerify(a, "sid-key", { faceCheckId: id, webauthn: answer }, IP)).toEqual(EXPIRED);
    const next = await started(a, "sid-key");
    await optionsFor(a, "sid-key", next);
    expect(await adminFactorVerify(a, "sid-key", { faceCheckId: next, webauthn: answer }, IP)).toEqual({ ok: false, fieldErrors: { webauthn: "指纹或面容 ID 验证未通过" } });
    expect(await db().adminAudit.count({ where: { adminId: a.id, action: "admin.factor" } })).toBe(1);
  });
});

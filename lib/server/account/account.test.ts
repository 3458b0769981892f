import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { deliveredCode } from "@/lib/server/notify/test-kit";
import { db } from "@/lib/server/db";
import { setClockOffset } from "@/lib/server/clock";
import { signFinish, signStart } from "@/lib/server/contracts";
import { initiate, iouDraftSave, iouForm, meta, person, pngDataUrl, sign, versionOf } from "@/lib/server/contracts/test-kit";
import { intentWebauthnOptions } from "@/lib/server/identity";
import { softAuthenticator } from "@/lib/server/identity/test-authenticator";
import { signaturesOf, signatureAdd } from "./seals";
import { credentialStart, preferredSet, signPasswordStart } from "./verification";
import { emailChange, emailCodeRequest, phoneChangeStart, phoneCodeRequest } from "./contact";
import { crossBorderStart, renameStart } from "./profile";
import { closeStart } from "./closing";
import { contractsAwaitingMySignature } from "./open-contracts";
import { accountVerified } from "./verified";
import { faceProof } from "@/lib/server/identity/test-kit";

const fresh = (u: User) => db().user.findUniqueOrThrow({ where: { id: u.id } });
const passFace = async (u: User, faceCheckId: string, extra: object = {}) => accountVerified(u, { ...(await faceProof(u, faceCheckId)), ...extra }, meta.ip);
const codeSentTo = deliveredCode;

/** A contract where `signer` is the next to sign, started by a new person. */
async function awaiting(signer: User) {
  const lender = await person("出借方");
  const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: signer.phone }));
  return { c, recipient };
}

async function signStarted(u: User, contractId: string, token?: string) {
  const started = await signStart(u, { contractId, version: await versionOf(contractId), token, signature: { png: pngDataUrl() } });
  if (!started.ok) throw new Error(JSON.stringify(started));
  return started.data;
}

async function setPassword(u: User, password: string) {
  const held = await signPasswordStart(u, { password, confirm: password });
  if (!held.ok) return held;
  return passFace(u, held.data.faceCheckId);
}

describe("签署认证方式", () => {
  it("签署密码: trivial and birth-date passwords refused; set after a face check; signs; five wrong tries lock it for 30 minutes", async () => {
    const u = await person("密码甲", "19900115");
    expect(await signPasswordStart(u, { password: "123456", confirm: "123456" })).toMatchObject({ ok: false, fieldErrors: { password: "密码过于简单，请勿使用连续的数字" } });
    expect(await signPasswordStart(u, { password: "900115", confirm: "900115" })).toMatchObject({ ok: false, fieldErrors: { password: "请勿使用您的出生日期作为签署密码" } });
    expect(await signPasswordStart(u, { password: "135790", confirm: "135791" })).toMatchObject({ ok: false, fieldErrors: { confirm: "两次输入的密码不一致" } });
    const failedFace = await signPasswordStart(u, { password: "135790", confirm: "135790" });
    if (!failedFace.ok) throw new Error("start");
    expect(await accountVerified(u, await faceProof(u, failedFace.data.faceCheckId, false), meta.ip)).toMatchObject({ ok: false });
    expect((await fresh(u)).signPasswordHash).toBeNull();
    expect(await setPassword(u, "135790")).toMatchObject({ ok: true });
    const withPw = await fresh(u);
    expect(withPw.signPasswordHash).toMatch(/^scrypt\$/);
    expect(withPw.preferredVerification).toBe("PASSWORD");

    // the initiator signs a new IOU with the password
    const other = await person("密码乙");
    const draft = await iouDraftSave(withPw, { form: iouForm({ counterpartyPhone: other.phone }), complete: true });
    if (!draft.ok) throw new Error("draft");
    const { payContract } = await import("@/lib/server/contracts/test-kit");
    await payContract(withPw, draft.data.contractId);
    const held = await signStarted(withPw, draft.data.contractId);
    expect(held.methods).toEqual({ preferred: "PASSWORD", password: true, webauthn: false });
    for (const remaining of [4, 3, 2, 1]) {
      expect(await signFinish(withPw, { faceCheckId: held.faceCheckId, password: "000001" }, meta)).toEqual({ ok: false, fieldErrors: { password: `签署密码错误，还可尝试${remaining}次` } });
    }
    expect(await signFinish(withPw, { faceCheckId: held.faceCheckId, password: "000001" }, meta)).toMatchObject({ fieldErrors: { password: expect.stringContaining("已锁定30分钟") } });
    expect(await signFinish(withPw, { faceCheckId: held.faceCheckId, password: "135790" }, meta)).toMatchObject({ fieldErrors: { password: expect.stringContaining("签署密码已锁定") } });
    expect((await db().contract.findUniqueOrThrow({ where: { id: draft.data.contractId } })).status).toBe("DRAFT");
    // the face check is always there
    expect(await signFinish(withPw, await faceProof(withPw, held.faceCheckId), meta)).toMatchObject({ ok: true });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { contractId: draft.data.contractId, action: "initiate" } });
    expect(audit.detail).toMatchObject({ verification: "face" });

    // after 30 minutes the right password works again
    setClockOffset(31 * 60_000);
    try {
      const next = await iouDraftSave(withPw, { form: iouForm({ counterpartyPhone: other.phone }), complete: true });
      if (!next.ok) throw new Error("draft");
      await payContract(withPw, next.data.contractId);
      const again = await signStarted(withPw, next.data.contractId);
      expect(await signFinish(withPw, { faceCheckId: again.faceCheckId, password: "135790" }, meta)).toMatchObject({ ok: true });
      expect((await db().auditEvent.findFirstOrThrow({ where: { contractId: next.data.contractId, action: "initiate" } })).detail).toMatchObject({ verification: "password" });
    } finally {
      setClockOffset(0);
    }
  });

  it("指纹/面容 ID: registered after a face check; signs; a wrong challenge, origin or counter is refused", async () => {
    const u = await person("生物丙");
    const device = softAuthenticator("http://localhost:3000");
    const started = await credentialStart(u, { label: "FINGERPRINT" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(started.data.options.authenticatorSelection).toMatchObject({ authenticatorAttachment: "platform", userVerification: "required" });
    // an attestation for another challenge is refused and nothing is kept
    const wrong = device.register({ ...started.data.options, challenge: "AAAA" });
    expect(await passFace(u, started.data.faceCheckId, { attestation: wrong })).toEqual({ ok: false, error: "指纹或面容 ID 验证未通过，请重试" });
    expect(await db().webAuthnCredential.count({ where: { userId: u.id } })).toBe(0);
    const again = await credentialStart(u, { label: "FINGERPRINT" });
    if (!again.ok) throw new Error("start");
    expect(await passFace(u, again.data.faceCheckId, { attestation: device.register(again.data.options) })).toMatchObject({ ok: true });
    const withKey = await fresh(u);
    expect(withKey.preferredVerification).toBe("WEBAUTHN");

    const { c, recipient } = await awaiting(withKey);
    const { supplementInfo } = await import("@/lib/server/contracts");
    expect(await supplementInfo(withKey, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).toMatchObject({ ok: true });
    const held = await signStarted(withKey, c.id, recipient.inviteToken!);
    expect(held.methods.preferred).toBe("WEBAUTHN");
    const optionsFor = async () => {
      const o = await intentWebauthnOptions(withKey, { faceCheckId: held.faceCheckId }, ["SIGN"]);
      if (!o.ok) throw new Error(JSON.stringify(o));
      return o.data;
    };
    const refused = { ok: false, fieldErrors: { webauthn: "指纹或面容 ID 验证未通过，请重试或改用人脸核身" } };
    expect(await signFinish(withKey, { faceCheckId: held.faceCheckId, webauthn: device.assert(await optionsFor(), { challenge: "bm90LWl0" }) }, meta)).toEqual(refused);
    expect(await signFinish(withKey, { faceCheckId: held.faceCheckId, webauthn: device.assert(await optionsFor(), { origin: "https://evil.example" }) }, meta)).toEqual(refused);
    // someone else's pending check cannot be driven with this user's options
    const stranger = await person("路人丁");
    expect(await intentWebauthnOptions(stranger, { faceCheckId: held.faceCheckId }, ["SIGN"])).toMatchObject({ ok: false });
    // a good assertion signs; the counter moved forward
    expect(await signFinish(withKey, { faceCheckId: held.faceCheckId, webauthn: device.assert(await optionsFor()) }, meta)).toMatchObject({ ok: true });
    const cred = await db().webAuthnCredential.findFirstOrThrow({ where: { userId: u.id } });
    expect(cred.counter).toBeGreaterThan(0);
    expect((await db().auditEvent.findFirstOrThrow({ where: { contractId: c.id, action: "sign" } })).detail).toMatchObject({ verification: "webauthn" });

    // a replayed (not increasing) counter is refused
    const { c: c2, recipient: r2 } = await awaiting(withKey);
    await supplementInfo(withKey, { token: r2.inviteToken, version: await versionOf(c2.id) }, meta);
    const held2 = await signStarted(withKey, c2.id, r2.inviteToken!);
    const o2 = await intentWebauthnOptions(withKey, { faceCheckId: held2.faceCheckId }, ["SIGN"]);
    if (!o2.ok) throw new Error("options");
    expect(await signFinish(withKey, { faceCheckId: held2.faceCheckId, webauthn: device.assert(o2.data, { counter: cred.counter }) }, meta)).toEqual(refused);
    // preferring a method one has not set up is refused
    expect(await preferredSet(stranger, { method: "WEBAUTHN" })).toMatchObject({ ok: false, fieldErrors: { method: "请先开通指纹或面容 ID" } });
  });
});

describe("更换手机号 / 更换邮箱", () => {
  it("phone: a code to the new number, a face check; a taken number is refused; invitations to the old number keep working", async () => {
    const u = await person("换号戊");
    const taken = await person("占号己");
    const { c, recipient } = await awaiting(u);
    expect(await phoneCodeRequest(u, { phone: taken.phone })).toMatchObject({ ok: false, fieldErrors: { phone: "该手机号已注册其他账号，请更换号码" } });
    expect(await phoneCodeRequest(u, { phone: "12345" })).toMatchObject({ ok: false, fieldErrors: { phone: expect.any(String) } });
    const newPhone = "19912340001";
    expect(await phoneCodeRequest(u, { phone: newPhone })).toMatchObject({ ok: true });
    const code = await codeSentTo(newPhone);
    const wrongCode = code === "000000" ? "111111" : "000000";
    expect(await phoneChangeStart(u, { phone: newPhone, code: wrongCode })).toMatchObject({ ok: false, fieldErrors: { code: expect.stringContaining("验证码错误") } });
    const held = await phoneChangeStart(u, { phone: newPhone, code });
    if (!held.ok) throw new Error(JSON.stringify(held));
    expect((await fresh(u)).phone).not.toBe(newPhone);
    expect(await passFace(u, held.data.faceCheckId)).toMatchObject({ ok: true });
    const moved = await fresh(u);
    expect(moved.phone).toBe(newPhone);
    expect(await db().accountEvent.count({ where: { userId: u.id, kind: "phone.change" } })).toBe(1);
    // the invitation that named the old number still opens and signs for this account
    const { supplementInfo } = await import("@/lib/server/contracts");
    expect(await supplementInfo(moved, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).toMatchObject({ ok: true });
    expect(await sign(moved, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
    // and the contract's notice goes to the new number
    expect(await db().outboxMessage.count({ where: { to: newPhone, kind: "contract.effective" } })).toBe(1);
  });

  it("e-mail: the code sent to the new address changes it; a wrong code changes nothing", async () => {
    const u = await person("换邮庚");
    expect(await emailCodeRequest(u, { email: "not-an-email" })).toMatchObject({ ok: false, fieldErrors: { email: "请输入正确的邮箱地址" } });
    expect(await emailCodeRequest(u, { email: "geng@example.com" })).toMatchObject({ ok: true });
    const code = await codeSentTo("geng@example.com");
    expect(await emailChange(u, { email: "other@example.com", code }, meta.ip)).toMatchObject({ ok: false, fieldErrors: { code: "请先获取验证码" } });
    expect(await emailChange(u, { email: "geng@example.com", code }, meta.ip)).toMatchObject({ ok: true });
    expect((await fresh(u)).email).toBe("geng@example.com");
    expect(await emailChange(u, { email: "geng@example.com", code }, meta.ip)).toMatchObject({ ok: false, fieldErrors: { code: "验证码已使用，请重新获取" } });
  });
});

describe("更名", () => {
  it("lists the contracts it stops; afterwards old signatures are 已失效 and those contracts refuse this signer", async () => {
    const u = await person("更名辛");
    await signatureAdd(u, { png: pngDataUrl() });
    const { c, recipient } = await awaiting(u);
    expect((await contractsAwaitingMySignature(u)).map((x) => x.id)).toContain(c.id);
    expect(await renameStart(u, { name: "更名辛", accepted: true })).toMatchObject({ ok: false, fieldErrors: { name: "新姓名与当前姓名相同" } });
    expect(await renameStart(u, { name: "新名字", accepted: false })).toMatchObject({ ok: false, fieldErrors: { accepted: expect.any(String) } });
    expect(await renameStart(u, { name: "<script>", accepted: true })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    const held = await renameStart(u, { name: "更名壬", accepted: true });
    if (!held.ok) throw new Error("rename");
    expect(await passFace(u, held.data.faceCheckId)).toMatchObject({ ok: true });
    const renamed = await fresh(u);
    expect(renamed.realName).toBe("更名壬");
    expect((await signaturesOf(u.id)).every((s) => !s.valid)).toBe(true);
    const { supplementInfo } = await import("@/lib/server/contracts");
    await supplementInfo(renamed, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta);
    expect(await signStart(renamed, { contractId: c.id, version: await versionOf(c.id), token: recipient.inviteToken, signature: { png: pngDataUrl() } })).toEqual({
      ok: false,
      error: "您已更名，更名前发起的合同无法继续签署，如需签署请重新发起",
    });
  });
});

describe("港澳台 switch and 账号注销", () => {
  it("the switch turns on after a face check; then an IOU may name a 回乡证 holder, who real-names with it and signs", async () => {
    const { realNameStart, realNameFinish } = await import("@/lib/server/identity");
    const u = await person("港澳癸");
    const holderPhone = "19912340077";
    const named = iouForm({ counterpartyFill: "SELF", counterpartyName: "陈大文", counterpartyIdType: "HK_MO_PERMIT", counterpartyIdNumber: "H12345678", counterpartyPhone: holderPhone });
    expect(await iouDraftSave(u, { form: named, complete: true })).toMatchObject({ ok: false, fieldErrors: { counterpartyIdType: "请先在「高级设置」中开启同港澳台居民签署合同" } });
    const held = await crossBorderStart(u);
    if (!held.ok) throw new Error("start");
    expect(await passFace(u, held.data.faceCheckId)).toMatchObject({ ok: true });
    const on = await fresh(u);
    expect(on.crossBorderAt).not.toBeNull();
    expect(await iouDraftSave(on, { form: { ...named, counterpartyIdNumber: "X1234567" }, complete: true })).toMatchObject({ ok: false, fieldErrors: { counterpartyIdNumber: expect.stringContaining("港澳居民来往内地通行证") } });
    const { c, recipient } = await initiate(on, named);
    expect(recipient).toMatchObject({ idType: "HK_MO_PERMIT", idMasked: "H123*5678", status: "WAITING_SIGN" });

    // the holder signs in with the named phone and real-names with the same permit (birth date entered)
    const holder = await db().user.create({ data: { phone: holderPhone } });
    expect(await realNameStart(holder.id, { name: "陈大文", idType: "HK_MO_PERMIT", idNumber: "H12345678", birthDate: "", sensitiveConsent: true, certificateConsent: true })).toMatchObject({ ok: false, fieldErrors: { birthDate: "请选择出生日期" } });
    const rn = await realNameStart(holder.id, { name: "陈大文", idType: "HK_MO_PERMIT", idNumber: "h1234 5678", birthDate: "1985-03-02", sensitiveConsent: true, certificateConsent: true });
    if (!rn.ok) throw new Error(JSON.stringify(rn));
    // the 模拟 provider's pass, as the realname action records it
    await db().faceCheck.update({ where: { id: rn.data.faceCheckId }, data: { status: "PASSED" } });
    expect(await realNameFinish(holder.id, rn.data.faceCheckId)).toMatchObject({ ok: true });
    const verified = await fresh(holder);
    expect(verified).toMatchObject({ idType: "HK_MO_PERMIT", realName: "陈大文" });
    expect(await sign(verified, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
  });

  it("refused while a contract is in progress; closed once it has ended; the contract stays intact for the other party", async () => {
    const u = await person("注销子");
    const { c, recipient } = await awaiting(u);
    expect(await closeStart(u)).toEqual({ ok: false, error: "您有1份处理中的合同，暂时无法注销" });
    // a check started before the contract existed still refuses at the moment of closing
    const { supplementInfo } = await import("@/lib/server/contracts");
    await supplementInfo(u, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta);
    expect(await sign(u, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
    const held = await closeStart(u);
    if (!held.ok) throw new Error(JSON.stringify(held));
    const late = await awaiting(await fresh(u));
    expect(await passFace(u, held.data.faceCheckId)).toEqual({ ok: false, error: "您有1份处理中的合同，暂时无法注销" });
    expect((await fresh(u)).status).toBe("ACTIVE");
    const { initiatorAction } = await import("@/lib/server/contracts");
    const lender = await db().user.findUniqueOrThrow({ where: { id: late.c.initiatorId } });
    expect(await initiatorAction(lender, "revoke", { contractId: late.c.id, version: await versionOf(late.c.id) }, meta)).toMatchObject({ ok: true });

    const again = await closeStart(u);
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(await passFace(u, again.data.faceCheckId)).toMatchObject({ ok: true });
    const closed = await fresh(u);
    expect(closed).toMatchObject({ status: "DELETED", realName: null, idNumberHash: null, email: null });
    expect(closed.phone).not.toBe(u.phone);
    // the number is free again; the signed contract and its document are untouched
    expect(await db().user.findUnique({ where: { phone: u.phone } })).toBeNull();
    const kept = await db().contract.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
    expect(kept.status).toBe("EFFECTIVE");
    expect(kept.pdfSha256).toBeTruthy();
    expect(kept.parties.find((p) => p.userId === u.id)).toMatchObject({ name: "注销子", status: "SIGNED" });
  });
});

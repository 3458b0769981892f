import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { requestLoginCode, verifyLoginCode } from "@/lib/server/auth";
import { realNameStart } from "@/lib/server/identity";
import { deliveredCode } from "@/lib/server/notify/test-kit";
import { CONSENT_VERSIONS } from "@/lib/domain/legal";
import { idCheckChar } from "@/lib/domain/idcard";

const from = { ip: "10.3.0.1", limitable: true };
const meta = { ip: "10.3.0.1", userAgent: "vitest" };

describe("consent (个人信息保护法)", () => {
  it("sign-in needs the unticked box ticked; the consent and its version are kept with the account", async () => {
    const phone = "13711112222";
    expect(await requestLoginCode({ phone }, from)).toMatchObject({ ok: false, fieldErrors: { agree: "请阅读并勾选同意《用户协议》和《隐私政策》" } });
    expect(await requestLoginCode({ phone, agree: false }, from)).toMatchObject({ ok: false, fieldErrors: { agree: expect.any(String) } });
    expect(await db().loginCode.count({ where: { phone } })).toBe(0);
    expect((await requestLoginCode({ phone, agree: true }, from)).ok).toBe(true);
    const code = await deliveredCode(phone);
    expect(await verifyLoginCode({ phone, code }, meta)).toMatchObject({ ok: false, fieldErrors: { agree: expect.any(String) } });
    const signed = await verifyLoginCode({ phone, code, agree: "true" }, meta);
    expect(signed.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { phone } });
    expect(await db().consentRecord.findMany({ where: { userId: user.id }, select: { kind: true, version: true, ip: true } })).toEqual([{ kind: "TERMS", version: CONSENT_VERSIONS.TERMS, ip: "10.3.0.1" }]);
  });

  it("实名认证 collects nothing without the separate consents for sensitive information and the certificate service", async () => {
    const user = await db().user.create({ data: { phone: "13711113333" } });
    const first17 = "11010519900307123";
    const idNumber = first17 + idCheckChar(first17);
    const typed = { name: "同意测试", idType: "CN_RESIDENT", idNumber, birthDate: "" };
    expect(await realNameStart(user.id, typed)).toMatchObject({
      ok: false,
      fieldErrors: { sensitiveConsent: "请勾选同意处理您的证件号码和人脸信息，否则无法完成实名认证", certificateConsent: "请阅读并勾选同意《数字证书服务协议》" },
    });
    expect(await db().faceCheck.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().consentRecord.count({ where: { userId: user.id } })).toBe(0);
    expect((await realNameStart(user.id, { ...typed, sensitiveConsent: true, certificateConsent: true }, "10.3.0.2")).ok).toBe(true);
    expect((await db().consentRecord.findMany({ where: { userId: user.id }, orderBy: { kind: "asc" } })).map((r) => [r.kind, r.version])).toEqual([
      ["CERTIFICATE", CONSENT_VERSIONS.CERTIFICATE],
      ["SENSITIVE_PI", CONSENT_VERSIONS.SENSITIVE_PI],
    ]);
  });
});

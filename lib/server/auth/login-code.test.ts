import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { setClockOffset } from "@/lib/server/clock";
import { requestLoginCode, verifyLoginCode } from "./login-code";
import { deliveredCode } from "@/lib/server/notify/test-kit";

const meta = { ip: "10.0.0.1", userAgent: "vitest" };
const from = { ip: meta.ip, limitable: true };
let n = 0;
const phone = () => `1990000${String(++n).padStart(4, "0")}`;

const codeFor = deliveredCode;

describe("login codes", () => {
  it("stores only a hash, queues the SMS and signs in, creating the account once", async () => {
    const p = phone();
    const res = await requestLoginCode({ phone: p, agree: true }, from);
    expect(res.ok).toBe(true);
    const code = await codeFor(p);
    const row = await db().loginCode.findFirstOrThrow({ where: { phone: p } });
    expect(row.codeHash).not.toContain(code);
    expect(await db().job.count({ where: { name: "outbox.deliver" } })).toBeGreaterThan(0);
    const signed = await verifyLoginCode({ phone: p, code, agree: true }, meta);
    expect(signed.ok).toBe(true);
    expect(await db().user.count({ where: { phone: p } })).toBe(1);
    expect(await db().signInEvent.count({ where: { user: { phone: p } } })).toBe(1);
    // a used code cannot sign in again
    const again = await verifyLoginCode({ phone: p, code, agree: true }, meta);
    expect(again).toEqual({ ok: false, fieldErrors: { code: "验证码已使用，请重新获取" } });
  });

  it("refuses a new code within 60 s and allows it after", async () => {
    const p = phone();
    expect((await requestLoginCode({ phone: p, agree: true }, from)).ok).toBe(true);
    const early = await requestLoginCode({ phone: p, agree: true }, from);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.fieldErrors?.phone).toMatch(/验证码发送过于频繁/);
    setClockOffset(61_000);
    try {
      expect((await requestLoginCode({ phone: p, agree: true }, from)).ok).toBe(true);
    } finally {
      setClockOffset(0);
    }
  });

  it("voids the code at the fifth wrong try", async () => {
    const p = phone();
    await requestLoginCode({ phone: p, agree: true }, from);
    const code = await codeFor(p);
    const wrong = code === "123456" ? "654321" : "123456";
    for (let i = 1; i <= 4; i++) {
      const r = await verifyLoginCode({ phone: p, code: wrong, agree: true }, meta);
      expect(r).toEqual({ ok: false, fieldErrors: { code: `验证码错误，还可尝试 ${5 - i} 次` } });
    }
    expect(await verifyLoginCode({ phone: p, code: wrong, agree: true }, meta)).toEqual({
      ok: false,
      fieldErrors: { code: "验证码错误次数过多，已失效，请重新获取" },
    });
    expect(await verifyLoginCode({ phone: p, code, agree: true }, meta)).toEqual({ ok: false, fieldErrors: { code: "验证码已失效，请重新获取" } });
    expect(await db().user.count({ where: { phone: p } })).toBe(0);
  });

  it("expires a code after 5 minutes", async () => {
    const p = phone();
    await requestLoginCode({ phone: p, agree: true }, from);
    const code = await codeFor(p);
    setClockOffset(5 * 60_000 + 1);
    try {
      expect(await verifyLoginCode({ phone: p, code, agree: true }, meta)).toEqual({ ok: false, fieldErrors: { code: "验证码已过期，请重新获取" } });
    } finally {
      setClockOffset(0);
    }
  });

  it("answers bad input with field messages, never a throw", async () => {
    expect(await requestLoginCode({ phone: "12345", agree: true }, from)).toMatchObject({ ok: false, fieldErrors: { phone: "请输入正确的11位大陆手机号" } });
    expect(await requestLoginCode({}, from)).toMatchObject({ ok: false });
    expect(await verifyLoginCode({ phone: phone(), code: "12ab56", agree: true }, meta)).toMatchObject({ ok: false, fieldErrors: { code: "验证码为6位数字" } });
  });

  it("caps codes per phone per hour", async () => {
    const p = phone();
    for (let i = 0; i < 10; i++) {
      setClockOffset(i * 61_000);
      expect((await requestLoginCode({ phone: p, agree: true }, { ip: `10.1.0.${i}`, limitable: true })).ok).toBe(true);
    }
    setClockOffset(10 * 61_000);
    try {
      const r = await requestLoginCode({ phone: p, agree: true }, { ip: "10.1.0.99", limitable: true });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.phone).toMatch(/本小时/);
    } finally {
      setClockOffset(0);
    }
  });

  it("the code exists only hashed and on the simulated handset: the outbox row is masked, its sealed copy erased on delivery, and it cannot be re-sent", async () => {
    const p = phone();
    await requestLoginCode({ phone: p, agree: true }, from);
    const queued = await db().outboxMessage.findFirstOrThrow({ where: { to: p, kind: "login_code" } });
    expect(queued.body).toContain("您的登录验证码为 ******");
    expect(queued.body).not.toMatch(/\d{6}/);
    expect(queued.sealed).toBeTruthy();
    expect(JSON.stringify(await db().job.findMany({ where: { name: "outbox.deliver" } }))).not.toMatch(/\d{6}，/);
    const code = await codeFor(p);
    const sent = await db().outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent).toMatchObject({ status: "SENT", sealed: null, redacted: true });
    expect(sent.body).not.toContain(code);
    const { resendOutboxMessage } = await import("@/lib/server/notify");
    expect(await db().$transaction((tx) => resendOutboxMessage(tx, queued.id))).toBeNull();
  });

  it("an address that is not the caller's own (an unconfigured proxy) keys no per-IP limit", async () => {
    const shared = { ip: "127.0.0.1", limitable: false };
    for (let i = 0; i < 35; i++) expect((await requestLoginCode({ phone: phone(), agree: true }, shared)).ok).toBe(true);
    const own = { ip: "10.2.0.1", limitable: true };
    for (let i = 0; i < 30; i++) expect((await requestLoginCode({ phone: phone(), agree: true }, own)).ok).toBe(true);
    expect(await requestLoginCode({ phone: phone(), agree: true }, own)).toMatchObject({ ok: false, fieldErrors: { phone: expect.stringMatching(/频繁|上限|稍后/) } });
  });
});

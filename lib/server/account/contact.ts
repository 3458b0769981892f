import "server-only";
import crypto from "node:crypto";
import type { Channel, User } from "@prisma/client";
import { advisoryLock, db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { keyedHash } from "@/lib/server/crypto";
import { queueEmail, queueSms } from "@/lib/server/notify";
import { canIssueCode, checkCode, generateCode, CODE_TTL_MS } from "@/lib/domain/login-code";
import { maskPhone } from "@/lib/domain/phone";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { emailChangeSchema, emailCodeSchema, phoneChangeSchema, phoneCodeSchema } from "@/lib/validation/account";
import { accountEvent, holdAccountChange, type AccountOp } from "./hold";
import { parseInput } from "@/lib/validation/input";

// 更换手机号 / 更换邮箱: a code proves the new number or address reaches this person. The code
// rules (spacing, caps, five tries, five minutes) are the sign-in codes'.

const HOUR = 3600_000;
const codeHash = (userId: string, destination: string, code: string) => keyedHash("contact-code", `${userId}:${destination}:${code}`);
const field = (channel: Channel) => (channel === "SMS" ? "phone" : "email");

async function sendCode(user: User, channel: Channel, destination: string): Promise<ActionResult<{ resendAfterSec: number }>> {
  return db().$transaction(async (tx) => {
    await advisoryLock(tx, "contact-code:" + user.id);
    const at = now();
    const since = new Date(at.getTime() - HOUR);
    const [last, toDestination, byUser] = await Promise.all([
      tx.contactCode.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } }),
      tx.contactCode.count({ where: { destination, createdAt: { gte: since } } }),
      tx.contactCode.count({ where: { userId: user.id, createdAt: { gte: since } } }),
    ]);
    const verdict = canIssueCode({ now: at.getTime(), lastCodeAt: last?.createdAt.getTime() ?? null, phoneCodesLastHour: toDestination, ipCodesLastHour: byUser });
    if (!verdict.ok) return fieldFail(field(channel), verdict.message);
    const code = generateCode((max: number) => crypto.randomInt(max));
    await tx.contactCode.updateMany({ where: { userId: user.id, consumedAt: null, voidedAt: null }, data: { voidedAt: at } });
    await tx.contactCode.create({ data: { userId: user.id, channel, destination, codeHash: codeHash(user.id, destination, code), expiresAt: new Date(at.getTime() + CODE_TTL_MS), createdAt: at } });
    if (channel === "SMS") {
      await queueSms(tx, { to: destination, template: "account.phoneCode", params: { code } });
    } else {
      await queueEmail(tx, { to: destination, kind: "account.emailCode", subject: "个人电子签 · 邮箱验证码", body: `您正在将个人电子签账号的邮箱更换为本地址。\n\n验证码：${code}（5分钟内有效）\n\n如非本人操作，请忽略本邮件。`, secret: code });
    }
    return ok({ resendAfterSec: 60 });
  });
}

/** Takes the newest code for this destination, counting a wrong entry; null when it is accepted. */
async function takeCode(tx: Tx, user: User, channel: Channel, destination: string, code: string): Promise<string | null> {
  await advisoryLock(tx, "contact-code:" + user.id);
  const at = now();
  const row = await tx.contactCode.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
  if (!row || row.channel !== channel || row.destination !== destination) return "请先获取验证码";
  const matches = crypto.timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(codeHash(user.id, destination, code)));
  const verdict = checkCode(
    { createdAt: row.createdAt.getTime(), expiresAt: row.expiresAt.getTime(), attempts: row.attempts, consumedAt: row.consumedAt?.getTime() ?? null, voidedAt: row.voidedAt?.getTime() ?? null },
    at.getTime(),
    matches,
  );
  if (verdict.result === "WRONG") {
    await tx.contactCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, voidedAt: verdict.voidNow ? at : undefined } });
    return verdict.message;
  }
  if (verdict.result !== "OK") return verdict.message;
  await tx.contactCode.update({ where: { id: row.id }, data: { consumedAt: at } });
  return null;
}

async function phoneTaken(user: User, phone: string): Promise<string | null> {
  if (phone === user.phone) return "新手机号不能与当前手机号相同";
  return (await db().user.findUnique({ where: { phone } })) ? "该手机号已注册其他账号，请更换号码" : null;
}

export async function phoneCodeRequest(user: User, input: unknown): Promise<ActionResult<{ resendAfterSec: number }>> {
  const parsed = parseInput(phoneCodeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const taken = await phoneTaken(user, parsed.data.phone);
  if (taken) return fieldFail("phone", taken);
  return sendCode(user, "SMS", parsed.data.phone);
}

/** 更换手机号, step 1: the code for the new number, then the face check holds the change. */
export async function phoneChangeStart(user: User, input: unknown): Promise<ActionResult<{ faceCheckId: string }>> {
  const parsed = parseInput(phoneChangeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt) return fail("请先完成实名认证");
  const { phone, code } = parsed.data;
  const taken = await phoneTaken(user, phone);
  if (taken) return fieldFail("phone", taken);
  const wrong = await db().$transaction((tx) => takeCode(tx, user, "SMS", phone, code));
  if (wrong) return fieldFail("code", wrong);
  return ok(await holdAccountChange(user.id, { op: "phone", phone }));
}

/**
 * The new number becomes the account's. Invitations that named the old number and were not
 * opened yet are bound to this account, so they keep working; the contracts keep the number
 * they named (it is part of the record), and messages go to the account's current number.
 */
export async function applyPhone(tx: Tx, user: User, op: Extract<AccountOp, { op: "phone" }>) {
  if (await tx.user.findUnique({ where: { phone: op.phone } })) return "该手机号已注册其他账号，请更换号码";
  await tx.party.updateMany({ where: { phone: user.phone, userId: null, isInitiator: false }, data: { userId: user.id } });
  await tx.user.update({ where: { id: user.id }, data: { phone: op.phone } });
  return { kind: "phone.change", detail: { from: maskPhone(user.phone), to: maskPhone(op.phone) } };
}

export async function emailCodeRequest(user: User, input: unknown): Promise<ActionResult<{ resendAfterSec: number }>> {
  const parsed = parseInput(emailCodeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (parsed.data.email.toLowerCase() === user.email?.toLowerCase()) return fieldFail("email", "新邮箱不能与当前邮箱相同");
  return sendCode(user, "EMAIL", parsed.data.email);
}

/** 更换邮箱: the code is the whole proof (the reference product asks no face check here). */
export async function emailChange(user: User, input: unknown, ip: string): Promise<ActionResult<undefined>> {
  const parsed = parseInput(emailChangeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { email, code } = parsed.data;
  return db().$transaction(async (tx) => {
    const wrong = await takeCode(tx, user, "EMAIL", email, code);
    if (wrong) return fieldFail("code", wrong);
    await tx.user.update({ where: { id: user.id }, data: { email } });
    await accountEvent(tx, user.id, "email.change", { from: user.email ?? "", to: email }, ip);
    return ok(undefined);
  });
}

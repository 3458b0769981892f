import "server-only";
import crypto from "node:crypto";
import { advisoryLock, db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { keyedHash } from "@/lib/server/crypto";
import { queueSms } from "@/lib/server/notify";
import { config } from "@/lib/server/config";
import { canIssueCode, checkCode, generateCode, CODE_TTL_MS } from "@/lib/domain/login-code";
import { requestCodeSchema, signInSchema } from "@/lib/validation/auth";
import { fieldFail, zodFail, type ActionResult } from "@/lib/server/result";
import type { ClientAddress } from "@/lib/domain/client-address";
import { consentRecord } from "@/lib/server/consent";
import { parseInput } from "@/lib/validation/input";

const HOUR = 3600_000;
const codeHash = (phone: string, code: string) => keyedHash("login-code", `${phone}:${code}`);

/** 获取验证码: issues a 6-digit code by SMS, within the resend spacing and hourly caps. */
export async function requestLoginCode(input: unknown, from: ClientAddress): Promise<ActionResult<{ resendAfterSec: number }>> {
  const parsed = parseInput(requestCodeSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { phone } = parsed.data;
  const ip = from.ip;
  return db().$transaction(async (tx) => {
    // Serialise code issuing per phone so two quick taps cannot both pass the spacing check.
    await advisoryLock(tx, "login:" + phone);
    const at = now();
    const since = new Date(at.getTime() - HOUR);
    const [last, phoneCount, ipCount] = await Promise.all([
      tx.loginCode.findFirst({ where: { phone }, orderBy: { createdAt: "desc" } }),
      tx.loginCode.count({ where: { phone, createdAt: { gte: since } } }),
      // per address only where the address is the caller's own (not an unconfigured proxy's)
      from.limitable ? tx.loginCode.count({ where: { ip, createdAt: { gte: since } } }) : Promise.resolve(0),
    ]);
    const verdict = canIssueCode({
      now: at.getTime(),
      lastCodeAt: last ? last.createdAt.getTime() : null,
      phoneCodesLastHour: phoneCount,
      ipCodesLastHour: ipCount,
      ipHourlyCap: config.loginIpHourlyCap,
    });
    if (!verdict.ok) return fieldFail("phone", verdict.message);
    const code = generateCode((max: number) => crypto.randomInt(max));
    // A new code replaces any earlier one.
    await tx.loginCode.updateMany({ where: { phone, consumedAt: null, voidedAt: null }, data: { voidedAt: at } });
    await tx.loginCode.create({
      data: { phone, ip, codeHash: codeHash(phone, code), expiresAt: new Date(at.getTime() + CODE_TTL_MS), createdAt: at },
    });
    await queueSms(tx, { to: phone, template: "login_code", params: { code } });
    return { ok: true as const, data: { resendAfterSec: 60 } };
  });
}

export type SignedInUser = { id: string; phone: string; role: "USER" | "ADMIN" };

/**
 * Checks a code and signs the phone in, creating the account on first sign-in.
 * Returns an error message for the form when the code is wrong, expired or void.
 */
export async function verifyLoginCode(
  input: unknown,
  meta: { ip: string; userAgent: string },
): Promise<ActionResult<SignedInUser>> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { phone, code } = parsed.data;
  return db().$transaction(async (tx): Promise<ActionResult<SignedInUser>> => {
    await advisoryLock(tx, "login:" + phone);
    const at = now();
    const row = await tx.loginCode.findFirst({ where: { phone }, orderBy: { createdAt: "desc" } });
    if (!row) return fieldFail("code", "请先获取验证码");
    const verdict = checkCode(
      {
        createdAt: row.createdAt.getTime(),
        expiresAt: row.expiresAt.getTime(),
        attempts: row.attempts,
        consumedAt: row.consumedAt?.getTime() ?? null,
        voidedAt: row.voidedAt?.getTime() ?? null,
      },
      at.getTime(),
      crypto.timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(codeHash(phone, code))),
    );
    if (verdict.result === "WRONG") {
      await tx.loginCode.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, voidedAt: verdict.voidNow ? at : undefined },
      });
      return fieldFail("code", verdict.message);
    }
    if (verdict.result !== "OK") return fieldFail("code", verdict.message);

    const existing = await tx.user.findUnique({ where: { phone } });
    if (existing && existing.status !== "ACTIVE") {
      return fieldFail("phone", existing.status === "FROZEN" ? "该账号已被冻结，请联系客服" : "该账号已注销");
    }
    await tx.loginCode.update({ where: { id: row.id }, data: { consumedAt: at } });
    const isConfiguredAdmin = config.adminPhones.includes(phone);
    const user = existing
      ? isConfiguredAdmin && existing.role !== "ADMIN"
        ? await tx.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } })
        : existing
      : await tx.user.create({ data: { phone, role: isConfiguredAdmin ? "ADMIN" : "USER" } });
    // the unticked box on the sign-in form was ticked (the schema insists): kept with the account
    await consentRecord(tx, user.id, ["TERMS"], meta.ip);
    await tx.signInEvent.create({
      data: { userId: user.id, ip: meta.ip, userAgent: meta.userAgent.slice(0, 300), createdAt: at },
    });
    return { ok: true, data: { id: user.id, phone: user.phone, role: user.role } };
  });
}

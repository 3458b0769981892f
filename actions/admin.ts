"use server";
// Thin server actions for the admin area. Each one checks the ADMIN account and this session's
// second factor (requireAdmin: anyone else gets 404), then calls the admin capability, which
// validates the input and records the action in the admin audit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import { db } from "@/lib/server/db";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { lprBp, setLprBp } from "@/lib/server/settings";
import { resendOutboxMessage } from "@/lib/server/notify";
import { lprSettingSchema, lprToBp } from "@/lib/validation/settings";
import { adminAudit, userFreeze, userUnfreeze, feeRulesUpdate, couponBatchCreate, couponBatchEdit, couponBatchToggle, couponIssue, orderRefund, iouCaseHide, iouCaseSave, legalProviderSave } from "@/lib/server/admin";
import type { AdminActor } from "@/lib/server/admin";
import { parseInput } from "@/lib/validation/input";

async function actor(): Promise<AdminActor> {
  const admin = await requireAdmin();
  return { admin, ip: (await requestMeta()).ip };
}
const refreshed = <T extends { ok: boolean }>(res: T, path: string): T => {
  if (res.ok) revalidatePath(path, "layout");
  return res;
};

export async function userFreezeAction(input: unknown) {
  return refreshed(await userFreeze(await actor(), input), "/admin/users");
}
export async function userUnfreezeAction(input: unknown) {
  return refreshed(await userUnfreeze(await actor(), input), "/admin/users");
}
export async function feeRulesUpdateAction(input: unknown) {
  return refreshed(await feeRulesUpdate(await actor(), input), "/admin/fees");
}
export async function couponBatchCreateAction(input: unknown) {
  return refreshed(await couponBatchCreate(await actor(), input), "/admin/fees");
}
export async function couponBatchEditAction(input: unknown) {
  return refreshed(await couponBatchEdit(await actor(), input), "/admin/fees");
}
export async function couponIssueAction(input: unknown) {
  return refreshed(await couponIssue(await actor(), input), "/admin/fees");
}
export async function couponBatchToggleAction(input: unknown) {
  return refreshed(await couponBatchToggle(await actor(), input), "/admin/fees");
}
export async function orderRefundAction(input: unknown) {
  return refreshed(await orderRefund(await actor(), input), "/admin/orders");
}
export async function legalProviderSaveAction(input: unknown) {
  return refreshed(await legalProviderSave(await actor(), input), "/admin/content");
}
export async function iouCaseSaveAction(input: unknown) {
  return refreshed(await iouCaseSave(await actor(), input), "/admin/content");
}
export async function iouCaseHideAction(input: unknown) {
  return refreshed(await iouCaseHide(await actor(), input), "/admin/content");
}

export async function lprSaveAction(input: unknown): Promise<ActionResult<{ bp: number }>> {
  const { admin, ip } = await actor();
  const parsed = parseInput(lprSettingSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const bp = lprToBp(parsed.data.lpr);
  const before = await lprBp();
  await db().$transaction(async (tx) => {
    await setLprBp(bp, tx);
    await adminAudit(tx, admin, { action: "lpr.update", targetType: "setting", targetId: "lpr1yBp", summary: `一年期LPR 设为 ${(bp / 100).toFixed(2)}%`, before: { bp: before }, after: { bp }, ip });
  });
  revalidatePath("/admin/settings");
  return ok({ bp });
}

const resendSchema = z.object({ id: z.string().min(1).max(40) });
export async function resendAction(input: unknown): Promise<ActionResult<undefined>> {
  const { admin, ip } = await actor();
  const parsed = parseInput(resendSchema, input);
  if (!parsed.success) return fail("请求无效");
  const done = await db().$transaction(async (tx) => {
    const msg = await resendOutboxMessage(tx, parsed.data.id);
    if (msg) await adminAudit(tx, admin, { action: "outbox.resend", targetType: "outbox", targetId: msg.id, summary: `重新发送${msg.channel === "SMS" ? "短信" : "邮件"}（${msg.kind}）`, before: { status: msg.status, lastError: msg.lastError }, ip });
    return Boolean(msg);
  });
  if (!done) return fail("该消息不存在、正在发送，或含验证码而不能重新发送");
  revalidatePath("/admin/outbox");
  return ok(undefined);
}

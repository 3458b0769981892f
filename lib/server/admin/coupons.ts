import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { normalizePhone } from "@/lib/domain/phone";
import { couponBatchEditSchema, couponBatchSchema, couponBatchToggleSchema, couponIssueSchema } from "@/lib/validation/admin";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { parseInput } from "@/lib/validation/input";

// 优惠券批次: created by admins, then issued to a user or published as a 兑换码.

const fen = (yuan: string) => (yuan ? Math.round(Number(yuan) * 100) : 0);
/** Shanghai calendar dates: valid from the start of the first day to the end of the last. */
const shanghaiStart = (ymd: string) => new Date(`${ymd}T00:00:00+08:00`);

export function couponBatches() {
  return db().couponBatch.findMany({ orderBy: { createdAt: "desc" }, take: 100, include: { _count: { select: { coupons: true } } } });
}

export async function couponBatchCreate({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = parseInput(couponBatchSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const v = parsed.data;
  if (v.code && (await db().couponBatch.findUnique({ where: { code: v.code } }))) return fieldFail("code", "该兑换码已被其他批次使用");
  const kinds = v.kinds ? [...new Set(v.kinds.split(/[,，\s]+/).filter(Boolean))] : null;
  if (kinds && kinds.some((k) => !/^[a-z][a-z0-9-]{0,39}$/.test(k))) return fieldFail("kinds", "适用合同类型应为英文标识（如 iou, receipt），用逗号分隔");
  const data = {
    name: v.name,
    kind: v.kind,
    amountFen: v.kind === "FIXED" ? fen(v.amountYuan) : 0,
    percentOff: v.kind === "PERCENT" ? Number(v.percentOff) : 0,
    minSpendFen: fen(v.minSpendYuan),
    kinds: kinds ?? undefined,
    validFrom: shanghaiStart(v.validFrom),
    validTo: new Date(shanghaiStart(v.validTo).getTime() + 86_400_000),
    perUserLimit: v.perUserLimit,
    code: v.code || null,
    createdAt: now(),
  };
  return db().$transaction(async (tx) => {
    const batch = await tx.couponBatch.create({ data });
    await adminAudit(tx, admin, { action: "couponBatch.create", targetType: "couponBatch", targetId: batch.id, summary: `新建优惠券批次「${v.name}」${v.code ? `，兑换码 ${v.code}` : ""}`, after: { ...data, validFrom: v.validFrom, validTo: v.validTo, createdAt: undefined }, ip });
    return ok({ id: batch.id });
  });
}

/** 发放: one coupon of the batch to the account with this phone, within the per-user limit. */
export async function couponIssue({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(couponIssueSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const user = await db().user.findUnique({ where: { phone: normalizePhone(parsed.data.phone) } });
  if (!user || user.status === "DELETED") return fieldFail("phone", "没有使用该手机号的账号");
  return db().$transaction(async (tx) => {
    const batch = await tx.couponBatch.findUnique({ where: { id: parsed.data.batchId } });
    if (!batch) return fail("批次不存在");
    if (!batch.active || batch.validTo <= now()) return fail("该批次已停用或已过期");
    if ((await tx.coupon.count({ where: { batchId: batch.id, userId: user.id } })) >= batch.perUserLimit) return fieldFail("phone", "该用户已达到本批次的领取上限");
    const c = await tx.coupon.create({ data: { batchId: batch.id, userId: user.id, createdAt: now() } });
    await adminAudit(tx, admin, { action: "coupon.issue", targetType: "couponBatch", targetId: batch.id, summary: `向用户 ${user.realName ?? user.phone} 发放「${batch.name}」`, after: { couponId: c.id, userId: user.id }, ip });
    return ok(undefined);
  });
}

export async function couponBatchToggle({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(couponBatchToggleSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const batch = await tx.couponBatch.findUnique({ where: { id: parsed.data.batchId } });
    if (!batch) return fail("批次不存在");
    await tx.couponBatch.update({ where: { id: batch.id }, data: { active: parsed.data.active } });
    await adminAudit(tx, admin, { action: parsed.data.active ? "couponBatch.enable" : "couponBatch.disable", targetType: "couponBatch", targetId: batch.id, summary: `${parsed.data.active ? "启用" : "停用"}优惠券批次「${batch.name}」`, before: { active: batch.active }, after: { active: parsed.data.active }, ip });
    return ok(undefined);
  });
}

/**
 * 修改批次: name, end date and per-user limit. The discount and minimum spend stay, so coupons
 * already issued keep the value they were given; the audit keeps before and after (the history).
 */
export async function couponBatchEdit({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(couponBatchEditSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const v = parsed.data;
  return db().$transaction(async (tx) => {
    const batch = await tx.couponBatch.findUnique({ where: { id: v.batchId } });
    if (!batch) return fail("批次不存在");
    const validTo = new Date(shanghaiStart(v.validTo).getTime() + 86_400_000);
    if (validTo <= batch.validFrom) return fieldFail("validTo", "截止日期不能早于生效日期");
    const before = { name: batch.name, validTo: batch.validTo.toISOString(), perUserLimit: batch.perUserLimit };
    const after = { name: v.name, validTo: validTo.toISOString(), perUserLimit: v.perUserLimit };
    if (JSON.stringify(before) === JSON.stringify(after)) return fail("没有修改任何内容");
    await tx.couponBatch.update({ where: { id: batch.id }, data: { name: v.name, validTo, perUserLimit: v.perUserLimit } });
    await adminAudit(tx, admin, { action: "couponBatch.update", targetType: "couponBatch", targetId: batch.id, summary: `修改优惠券批次「${v.name}」`, before, after, ip });
    return ok(undefined);
  });
}

/** The batches' edits, newest first, by batch id. */
export async function couponBatchHistory(batchIds: string[]) {
  const rows = await db().adminAudit.findMany({ where: { targetType: "couponBatch", targetId: { in: batchIds }, action: "couponBatch.update" }, orderBy: { createdAt: "desc" }, take: 500 });
  const byBatch = new Map<string, typeof rows>();
  for (const r of rows) byBatch.set(r.targetId ?? "", [...(byBatch.get(r.targetId ?? "") ?? []), r]);
  return byBatch;
}

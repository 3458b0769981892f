import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { contentHideSchema, iouCaseSchema, legalProviderSchema } from "@/lib/validation/admin";
import { adminAudit } from "./audit";
import type { AdminActor } from "./actor";
import { parseInput } from "@/lib/validation/input";

// 内容管理: 法律服务 providers and the 借条判例库. Nothing users may have linked is deleted:
// a provider is switched off, a case is hidden (its page then says it was withdrawn).

export function allLegalProviders() {
  return db().legalProvider.findMany({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
}

export async function legalProviderSave({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = parseInput(legalProviderSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { id, ...data } = parsed.data;
  return db().$transaction(async (tx) => {
    const before = id ? await tx.legalProvider.findUnique({ where: { id } }) : null;
    if (id && !before) return fail("服务商不存在");
    const row = id ? await tx.legalProvider.update({ where: { id }, data }) : await tx.legalProvider.create({ data });
    await adminAudit(tx, admin, {
      action: id ? "legalProvider.update" : "legalProvider.create",
      targetType: "legalProvider",
      targetId: row.id,
      summary: `${id ? "修改" : "新增"}法律服务「${data.name}」`,
      before: before ? { name: before.name, description: before.description, url: before.url, sortOrder: before.sortOrder, enabled: before.enabled } : undefined,
      after: data,
      ip,
    });
    return ok({ id: row.id });
  });
}

export function allIouCases() {
  return db().iouCase.findMany({ orderBy: [{ hiddenAt: { sort: "asc", nulls: "first" } }, { decidedOn: "desc" }], take: 200 });
}

const caseData = (v: ReturnType<typeof iouCaseSchema.parse>) => ({
  court: v.court,
  caseNumber: v.caseNumber,
  decidedOn: new Date(`${v.decidedOn}T00:00:00Z`),
  summary: v.summary,
  outcome: v.outcome,
  url: v.url,
  isSample: v.isSample,
});

export async function iouCaseSave({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = parseInput(iouCaseSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { id } = parsed.data;
  const data = caseData(parsed.data);
  return db().$transaction(async (tx) => {
    const before = id ? await tx.iouCase.findUnique({ where: { id } }) : null;
    if (id && !before) return fail("案例不存在");
    const row = id ? await tx.iouCase.update({ where: { id }, data }) : await tx.iouCase.create({ data });
    await adminAudit(tx, admin, {
      action: id ? "iouCase.update" : "iouCase.create",
      targetType: "iouCase",
      targetId: row.id,
      summary: `${id ? "修改" : "新增"}判例 ${data.caseNumber}`,
      before: before ? { court: before.court, caseNumber: before.caseNumber, summary: before.summary, outcome: before.outcome, url: before.url, isSample: before.isSample } : undefined,
      after: { ...parsed.data, id: undefined },
      ip,
    });
    return ok({ id: row.id });
  });
}

export async function iouCaseHide({ admin, ip }: AdminActor, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(contentHideSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const row = await tx.iouCase.findUnique({ where: { id: parsed.data.id } });
    if (!row) return fail("案例不存在");
    await tx.iouCase.update({ where: { id: row.id }, data: { hiddenAt: parsed.data.hidden ? now() : null } });
    await adminAudit(tx, admin, { action: parsed.data.hidden ? "iouCase.hide" : "iouCase.show", targetType: "iouCase", targetId: row.id, summary: `${parsed.data.hidden ? "下架" : "恢复"}判例 ${row.caseNumber}`, ip });
    return ok(undefined);
  });
}

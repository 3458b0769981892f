import "server-only";
import type { Prisma, User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { uploadFor } from "@/lib/server/files";
import { fail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { addDays, formatYmd, parseYmd, shanghaiInstant, shanghaiToday } from "@/lib/domain/dates";
import { normalizePhone } from "@/lib/domain/phone";
import { FILE_KIND, signersWithoutSignature, type FieldKind, type ShownField } from "@/lib/domain/own-file";
import { ownDraftSchema, ownFieldsSchema, ownSetupSchema, type OwnSetupForm } from "@/lib/validation/own-file";
import { appendAudit } from "./audit";
import { syncFolder } from "./folder";
import { namedCounterparty, partyIdentityOf } from "./parties";
import { dailyNumber } from "@/lib/server/numbers";
import { openFacts, sealFacts } from "./facts-seal";
import { parseInput } from "@/lib/validation/input";

/** What an own-document contract keeps in `facts`. */
export type OwnFileFacts = { uploadId: string; documentSha256: string; pageCount: number; fileName: string; setup: OwnSetupForm };

export const SIGNER_ROLE = "SIGNER"; // 签署方: own documents have no template roles

/** The uploaded document's facts, or null for another kind. */
export function ownFacts(c: { kind: string; facts: Prisma.JsonValue }): OwnFileFacts | null {
  return c.kind === FILE_KIND ? openFacts<OwnFileFacts>(c.facts) : null;
}

/** The deadline day's end in Shanghai: a contract still unsigned then expires. */
function deadlineInstant(deadline: string): Date | null {
  const day = parseYmd(deadline);
  return day ? shanghaiInstant(addDays(day, 1)) : null;
}

/**
 * 设置签署信息: creates or updates the draft for an upload. Parties are rebuilt from the form;
 * placed fields survive for signers who are still there (and all go when the document changes).
 */
export async function ownDraftSave(user: User, input: unknown): Promise<ActionResult<{ contractId: string }>> {
  const shape = parseInput(ownDraftSchema, input);
  if (!shape.success) return zodFail(shape.error, "form");
  if (!user.verifiedAt) return fail("请先完成实名认证");
  const today = shanghaiToday(now());
  const parsed = ownSetupSchema(today, user.phone, { crossBorder: Boolean(user.crossBorderAt) }).safeParse(shape.data.form);
  if (!parsed.success) return zodFail(parsed.error);
  const form = parsed.data;
  const upload = await uploadFor(user.id, shape.data.uploadId);
  if (!upload?.pdfSha256 || upload.status !== "READY" || !upload.pageCount) return fail("文件不存在或尚未处理完成");
  const facts: OwnFileFacts = { uploadId: upload.id, documentSha256: upload.pdfSha256, pageCount: upload.pageCount, fileName: upload.fileName, setup: form };
  const data = {
    title: form.title.trim(),
    facts: sealFacts(facts),
    signOrdered: form.ordered,
    expiresAt: deadlineInstant(form.deadline),
  };

  const contractId = await db().$transaction(async (tx) => {
    let id = shape.data.contractId;
    if (id) {
      const before = await tx.contract.findFirst({ where: { id, initiatorId: user.id, status: "DRAFT", kind: FILE_KIND } });
      if (!before) return null;
      const updated = await tx.contract.updateMany({ where: { id, version: before.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) return null;
      await tx.party.deleteMany({ where: { contractId: id } });
      const sameDocument = ownFacts(before)?.documentSha256 === upload.pdfSha256;
      await tx.signField.deleteMany({ where: sameDocument ? { contractId: id, partySeq: { gt: form.signers.length } } : { contractId: id } });
    } else {
      const c = await tx.contract.create({ data: { ...data, number: dailyNumber("WJ"), kind: FILE_KIND, initiatorId: user.id, createdAt: now() } });
      id = c.id;
      await appendAudit(tx, id, { action: "create", fromStatus: null, toStatus: "DRAFT", actorUserId: user.id, actorRole: "INITIATOR" });
    }
    await tx.party.create({
      data: { contractId: id, seq: 0, role: SIGNER_ROLE, isInitiator: true, fillMode: "SELF", ...partyIdentityOf(user), status: "WAITING_SIGN" },
    });
    for (const [i, row] of form.signers.entries()) {
      const counterparty = await namedCounterparty(tx, user, { ...row, phone: normalizePhone(row.phone) }, today);
      await tx.party.create({ data: { contractId: id, seq: i + 1, role: SIGNER_ROLE, ...counterparty } });
    }
    await syncFolder(tx, id);
    return id;
  });
  if (!contractId) return fail("草稿不存在或已发起");
  return ok({ contractId });
}

/** 指定签署区域: replaces the draft's fields; every signer needs a signature field. */
export async function ownFieldsSave(user: User, input: unknown): Promise<ActionResult<{ contractId: string; version: number }>> {
  const head = (input ?? {}) as { contractId?: unknown };
  const c = typeof head.contractId === "string" && head.contractId.length <= 40
    ? await db().contract.findUnique({ where: { id: head.contractId }, include: { parties: { orderBy: { seq: "asc" } } } })
    : null;
  const facts = c && ownFacts(c);
  if (!c || !facts || c.initiatorId !== user.id) return fail("合同不存在");
  if (c.status !== "DRAFT") return fail("合同已发起，不能再修改签署区域");
  const names = c.parties.map((p, i) => (i === 0 ? "您" : p.name || `签署方${i + 1}`));
  const parsed = parseInput(ownFieldsSchema(c.parties.length, facts.pageCount, names), input);
  if (!parsed.success) return zodFail(parsed.error);
  const version = await db().$transaction(async (tx) => {
    const won = await tx.contract.updateMany({ where: { id: c.id, version: parsed.data.version, status: "DRAFT" }, data: { version: { increment: 1 } } });
    if (won.count !== 1) return null;
    await tx.signField.deleteMany({ where: { contractId: c.id } });
    await tx.signField.createMany({ data: parsed.data.fields.map((f) => ({ ...f, contractId: c.id })) });
    return parsed.data.version + 1;
  });
  if (version === null) return fail("合同状态已变化，请刷新");
  return ok({ contractId: c.id, version });
}

/** Why an own-document draft cannot be signed yet, or null. */
export async function ownInitiateError(c: { id: string; kind: string; facts: Prisma.JsonValue }, signerCount: number, initiator: Pick<User, "phone" | "crossBorderAt">): Promise<string | null> {
  const facts = ownFacts(c);
  if (!facts) return null;
  if (!ownSetupSchema(shanghaiToday(now()), initiator.phone, { crossBorder: Boolean(initiator.crossBorderAt) }).safeParse(facts.setup).success) return "签署信息需要更新（例如截止日期已过），请返回修改";
  const fields = await db().signField.findMany({ where: { contractId: c.id }, select: { partySeq: true, kind: true } });
  if (signersWithoutSignature([...Array(signerCount).keys()], fields).length) return "请先为每位签署方指定签名区域";
  return null;
}

/** The fields of an own document as `viewerSeq` sees them (null: not a signer, e.g. an admin). */
export async function shownFields(c: { id: string; parties: { seq: number; name: string | null; status: string; signatureSha256: string | null; signedAt: Date | null }[] }, viewerSeq: number | null): Promise<ShownField[]> {
  const fields = await db().signField.findMany({ where: { contractId: c.id }, orderBy: [{ page: "asc" }, { y: "asc" }] });
  return fields.map((f) => {
    const p = c.parties.find((x) => x.seq === f.partySeq);
    const signed = p?.status === "SIGNED" && p.signedAt;
    const shown: ShownField = { id: f.id, partySeq: f.partySeq, kind: f.kind as FieldKind, page: f.page, x: f.x, y: f.y, w: f.w, h: f.h, owner: p?.name || `签署方${f.partySeq + 1}`, mine: f.partySeq === viewerSeq };
    if (!signed || !p) return shown;
    if (f.kind === "SIGNATURE" && p.signatureSha256) shown.imageUrl = `/api/signatures/${p.signatureSha256}`;
    if (f.kind === "NAME") shown.text = p.name ?? "";
    if (f.kind === "DATE") shown.text = formatYmd(shanghaiToday(p.signedAt!));
    if (f.kind === "TEXT") shown.text = f.value ?? "";
    return shown;
  });
}

import "server-only";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { storeFile } from "@/lib/server/storage";
import { personalSealSvg, SEAL_STYLES, type SealStyle } from "@/lib/domain/seal";
import { savedItemSchema, sealCreateSchema, signatureAddSchema } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/input";

// 我的印章与签名: handwritten signatures kept on the account (one is the default offered first)
// and personal seals drawn from the real name.

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const MAX_SIGNATURES = 12;
export const MAX_SEALS = 6;

/** Stores a drawn signature write-once and keeps it on the account for reuse. */
export async function saveSignature(userId: string, dataUrl: string): Promise<string | null> {
  const bytes = new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"));
  if (bytes.length < 64 || !PNG_MAGIC.every((b, i) => bytes[i] === b)) return null;
  return db().$transaction(async (tx) => {
    const sha256 = await storeFile(tx, bytes, "image/png");
    await tx.savedSignature.upsert({ where: { userId_sha256: { userId, sha256 } }, create: { userId, sha256 }, update: { deletedAt: null, invalidatedAt: null } });
    return sha256;
  });
}

/** The account's kept signatures that may still be used, the default first (offered first when signing). */
export function listSignatures(userId: string) {
  return db().savedSignature.findMany({ where: { userId, deletedAt: null, invalidatedAt: null }, orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }], take: 12 });
}

/** Every kept signature with its state: 已失效 after a rename (never offered for signing again). */
export async function signaturesOf(userId: string) {
  const rows = await db().savedSignature.findMany({ where: { userId, deletedAt: null }, orderBy: [{ invalidatedAt: { sort: "desc", nulls: "first" } }, { isDefault: "desc" }, { createdAt: "desc" }], take: MAX_SIGNATURES * 2 });
  return rows.map((r) => ({ id: r.id, sha256: r.sha256, isDefault: r.isDefault, valid: r.invalidatedAt === null }));
}

export async function signatureAdd(user: User, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = parseInput(signatureAddSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if ((await db().savedSignature.count({ where: { userId: user.id, deletedAt: null, invalidatedAt: null } })) >= MAX_SIGNATURES) return fieldFail("png", `最多保存${MAX_SIGNATURES}个签名，请先删除不用的签名`);
  const sha = await saveSignature(user.id, parsed.data.png);
  if (!sha) return fieldFail("png", "签名无效，请重新签写");
  const row = await db().savedSignature.findUniqueOrThrow({ where: { userId_sha256: { userId: user.id, sha256: sha } } });
  return ok({ id: row.id });
}

/** 设为默认: exactly one default, changed in one transaction. */
export async function signatureSetDefault(user: User, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(savedItemSchema, input);
  if (!parsed.success) return fail("请求无效");
  return db().$transaction(async (tx) => {
    const mine = await tx.savedSignature.findFirst({ where: { id: parsed.data.id, userId: user.id, deletedAt: null, invalidatedAt: null } });
    if (!mine) return fail("签名不存在");
    await tx.savedSignature.updateMany({ where: { userId: user.id, isDefault: true }, data: { isDefault: false } });
    await tx.savedSignature.update({ where: { id: mine.id }, data: { isDefault: true } });
    return ok(undefined);
  });
}

/** 删除: hidden from the account; contracts already signed with it keep their copy (write-once). */
export async function signatureDelete(user: User, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(savedItemSchema, input);
  if (!parsed.success) return fail("请求无效");
  const moved = await db().savedSignature.updateMany({ where: { id: parsed.data.id, userId: user.id, deletedAt: null }, data: { deletedAt: now(), isDefault: false } });
  return moved.count === 1 ? ok(undefined) : fail("签名不存在");
}

export type SealView = { id: string; style: SealStyle; styleLabel: string; svg: string; valid: boolean; createdAt: Date };

/** A seal is 有效 while it shows the holder's current real name. */
export async function sealsOf(user: User): Promise<SealView[]> {
  const rows = await db().savedSeal.findMany({ where: { userId: user.id, deletedAt: null }, orderBy: { createdAt: "desc" }, take: MAX_SEALS });
  return rows.map((r) => {
    const style = (r.style in SEAL_STYLES ? r.style : "SQUARE_NAME") as SealStyle;
    return { id: r.id, style, styleLabel: SEAL_STYLES[style], svg: personalSealSvg(r.name, style), valid: r.name === user.realName, createdAt: r.createdAt };
  });
}

export async function sealCreate(user: User, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = parseInput(sealCreateSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  if (!user.verifiedAt || !user.realName) return fail("请先完成实名认证，印章按实名姓名生成");
  const existing = await db().savedSeal.findFirst({ where: { userId: user.id, deletedAt: null, style: parsed.data.style, name: user.realName } });
  if (existing) return fieldFail("style", "已有该样式的印章");
  if ((await db().savedSeal.count({ where: { userId: user.id, deletedAt: null } })) >= MAX_SEALS) return fieldFail("style", `最多保存${MAX_SEALS}枚印章`);
  const row = await db().savedSeal.create({ data: { userId: user.id, style: parsed.data.style, name: user.realName, createdAt: now() } });
  return ok({ id: row.id });
}

export async function sealDelete(user: User, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(savedItemSchema, input);
  if (!parsed.success) return fail("请求无效");
  const moved = await db().savedSeal.updateMany({ where: { id: parsed.data.id, userId: user.id, deletedAt: null }, data: { deletedAt: now() } });
  return moved.count === 1 ? ok(undefined) : fail("印章不存在");
}

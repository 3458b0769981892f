import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { DEFAULT_LPR_BP } from "@/lib/domain/iou";

/** 一年期LPR in basis points, kept by admins; drives the 借条 interest warning. */
export async function lprBp(): Promise<number> {
  const row = await db().setting.findUnique({ where: { key: "lpr1yBp" } });
  const v = row?.value;
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : DEFAULT_LPR_BP;
}

export async function setLprBp(bp: number, tx: Tx = db()): Promise<void> {
  await tx.setting.upsert({ where: { key: "lpr1yBp" }, create: { key: "lpr1yBp", value: bp }, update: { value: bp } });
}

"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/server/auth/session";
import { setLprBp } from "@/lib/server/settings";
import { lprSettingSchema, lprToBp } from "@/lib/validation/settings";
import { ok, zodFail, type ActionResult } from "@/lib/server/result";

export async function lprSaveAction(input: unknown): Promise<ActionResult<{ bp: number }>> {
  await requireAdmin();
  const parsed = lprSettingSchema.safeParse(input);
  if (!parsed.success) return zodFail(parsed.error);
  const bp = lprToBp(parsed.data.lpr);
  await setLprBp(bp);
  revalidatePath("/admin/settings");
  return ok({ bp });
}

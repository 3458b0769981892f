"use server";
// Thin server actions for 我的印章与签名.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth";
import { sealCreate, sealDelete, signatureAdd, signatureDelete, signatureSetDefault } from "@/lib/server/account";

const refreshed = <T extends { ok: boolean }>(res: T): T => {
  if (res.ok) revalidatePath("/me/seals");
  return res;
};

export async function signatureAddAction(input: unknown) {
  return refreshed(await signatureAdd(await requireUser(), input));
}
export async function signatureSetDefaultAction(input: unknown) {
  return refreshed(await signatureSetDefault(await requireUser(), input));
}
export async function signatureDeleteAction(input: unknown) {
  return refreshed(await signatureDelete(await requireUser(), input));
}
export async function sealCreateAction(input: unknown) {
  return refreshed(await sealCreate(await requireUser(), input));
}
export async function sealDeleteAction(input: unknown) {
  return refreshed(await sealDelete(await requireUser(), input));
}

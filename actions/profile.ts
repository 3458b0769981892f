"use server";
// Thin server actions for the account center (个人信息, 签署认证方式, 高级设置).
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import { credentialDelete, credentialStart, preferredSet, signPasswordClear, signPasswordStart, emailChange, emailCodeRequest, phoneChangeStart, phoneCodeRequest, crossBorderOff, crossBorderStart, renameStart, closeStart, accountVerified } from "@/lib/server/account";

const refreshed = <T extends { ok: boolean }>(res: T): T => {
  if (res.ok) revalidatePath("/me", "layout");
  return res;
};
const ip = async () => (await requestMeta()).ip;

export async function signPasswordStartAction(input: unknown) {
  return signPasswordStart(await requireUser(), input);
}
export async function signPasswordClearAction() {
  return refreshed(await signPasswordClear(await requireUser(), await ip()));
}
export async function credentialStartAction(input: unknown) {
  return credentialStart(await requireUser(), input);
}
export async function credentialDeleteAction(input: unknown) {
  return refreshed(await credentialDelete(await requireUser(), input, await ip()));
}
export async function preferredSetAction(input: unknown) {
  return refreshed(await preferredSet(await requireUser(), input));
}
export async function phoneCodeAction(input: unknown) {
  return phoneCodeRequest(await requireUser(), input);
}
export async function phoneChangeStartAction(input: unknown) {
  return phoneChangeStart(await requireUser(), input);
}
export async function emailCodeAction(input: unknown) {
  return emailCodeRequest(await requireUser(), input);
}
export async function emailChangeAction(input: unknown) {
  return refreshed(await emailChange(await requireUser(), input, await ip()));
}
export async function renameStartAction(input: unknown) {
  return renameStart(await requireUser(), input);
}
export async function crossBorderStartAction() {
  return crossBorderStart(await requireUser());
}
export async function crossBorderOffAction() {
  return refreshed(await crossBorderOff(await requireUser(), await ip()));
}
export async function closeStartAction() {
  return closeStart(await requireUser());
}
/** The face check that carries out whichever account change is held. */
export async function accountVerifiedAction(input: unknown) {
  return refreshed(await accountVerified(await requireUser(), input, await ip()));
}

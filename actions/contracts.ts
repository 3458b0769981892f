"use server";
// Thin server actions for every contract screen: who is calling, then the contract services.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import {
  initiatorAction,
  rejectContract,
  setRepayReminder,
  signFinish,
  signStart,
  supplementInfo,
  endRequest,
  endAnswer,
  endVerified,
  contractEmail,
  ownDraftSave,
  ownFieldsSave,
  templateDraftSave,
  templateInitiate,
  claimStart,
} from "@/lib/server/contracts";
import { reportRequest } from "@/lib/server/evidence";

export async function signStartAction(input: unknown) {
  return signStart(await requireUser(), input);
}

export async function signFinishAction(input: unknown) {
  const user = await requireUser();
  // No revalidatePath: it would re-render the page the action ran on (the sign page, which then
  // redirects to the contract) and race the client's move to 签署成功; every page is dynamic anyway.
  return signFinish(user, input, await requestMeta());
}

export async function supplementAction(input: unknown) {
  return supplementInfo(await requireUser(), input, await requestMeta());
}

export async function rejectAction(input: unknown) {
  return rejectContract(await requireUser(), input, await requestMeta());
}

export async function revokeAction(input: unknown) {
  return initiatorAction(await requireUser(), "revoke", input, await requestMeta());
}

export async function urgeAction(input: unknown) {
  return initiatorAction(await requireUser(), "urge", input, await requestMeta());
}

export async function discardAction(input: unknown) {
  return initiatorAction(await requireUser(), "discard", input, await requestMeta());
}

export async function reminderAction(input: unknown) {
  const user = await requireUser();
  return setRepayReminder(user.id, input);
}

/** 申请解除 / 申请结清 → a face check to pass. */
export async function endRequestAction(input: unknown) {
  return endRequest(await requireUser(), input);
}

/** 确认 (→ a face check), 拒绝 or 取消 a pending 解除 / 结清. */
export async function endAnswerAction(input: unknown) {
  return endAnswer(await requireUser(), input, await requestMeta());
}

export async function endVerifiedAction(input: unknown) {
  const user = await requireUser();
  const res = await endVerified(user, input, await requestMeta());
  if (res.ok) revalidatePath(`/contracts/${res.data.contractId}`);
  return res;
}

export async function contractEmailAction(input: unknown) {
  return contractEmail(await requireUser(), input, await requestMeta());
}

/** 申请出证: the signed report, generated in the background and e-mailed. */
export async function reportRequestAction(input: unknown) {
  return reportRequest(await requireUser(), input, await requestMeta());
}

/** 自有文件: 设置签署信息 (creates or updates the draft). */
export async function ownDraftSaveAction(input: unknown) {
  return ownDraftSave(await requireUser(), input);
}

/** 自有文件: 指定签署区域. */
export async function ownFieldsSaveAction(input: unknown) {
  return ownFieldsSave(await requireUser(), input);
}

/** 模板合同: the wizard's draft (party step + the template's facts). */
export async function templateDraftSaveAction(input: unknown) {
  return templateDraftSave(await requireUser(), input);
}

/** 模板合同 (对方先签): 确认发起 without the initiator's signature. */
export async function templateInitiateAction(input: unknown) {
  const res = await templateInitiate(await requireUser(), input, await requestMeta());
  if (res.ok) revalidatePath("/folder");
  return res;
}

/** 确认领取 (收据), step 1: the face check; step 2 is signFinishAction. */
export async function claimStartAction(input: unknown) {
  return claimStart(await requireUser(), input);
}

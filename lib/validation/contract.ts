// Schemas for the contract actions shared by forms and server actions (any contract kind).
import { z } from "zod";
import { END_ANSWERS, END_KINDS, END_REASON_MAX } from "@/lib/domain/end-request";
import { fieldValuesSchema } from "./own-file";

const id = z.string().min(1).max(40);
const version = z.number().int().min(0);

/** A PNG drawn on the signature pad, as a data URL (at most ~400 KB). */
export const signaturePngField = z
  .string()
  .max(560_000, "签名图片过大，请清除后重新签写")
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "签名图片无效，请重新签写");

export const signStartSchema = z.object({
  contractId: id,
  version,
  token: z.string().max(64).optional(),
  signature: z.union([z.object({ savedId: id }), z.object({ png: signaturePngField })], { error: "请先选择或签写签名" }),
  /** 自有文件: what the signer typed into their text fields. */
  fieldValues: fieldValuesSchema,
});


/** 拒签: a recipient through their link (token), or the initiator of a 对方先签 contract (contractId). */
export const rejectSchema = z
  .object({
    token: z.string().min(1).max(64).optional(),
    contractId: id.optional(),
    version,
    reason: z.string().trim().min(2, "请填写拒签理由（至少2个字）").max(200, "拒签理由最多200字"),
  })
  .refine((v) => Boolean(v.token) !== Boolean(v.contractId), { message: "请求无效" });

export const supplementSchema = z.object({ token: z.string().min(1).max(64), version });

export const contractVersionSchema = z.object({ contractId: id, version });

export const reminderSchema = z.object({ contractId: id, enabled: z.boolean() });

/** 申请解除 / 申请结清: the reason is required (a common one or typed). */
export const endRequestSchema = z.object({
  contractId: id,
  version,
  kind: z.enum(END_KINDS),
  reason: z.string().trim().min(1, "请选择或填写原因").max(END_REASON_MAX, `原因最多${END_REASON_MAX}字`),
});

/** 确认 (verified), 拒绝 or 取消 a pending request. */
export const endAnswerSchema = z.object({ contractId: id, version, answer: z.enum(END_ANSWERS) });

export const emailField = z.string().trim().max(254, "邮箱地址过长").pipe(z.email("请输入正确的邮箱地址"));

/** 发送到邮箱: the contract PDF as an attachment. */
export const contractEmailSchema = z.object({ contractId: id, email: emailField });

/** 申请出证: the report is e-mailed, so the form is the same as 发送到邮箱. */
export const reportRequestSchema = contractEmailSchema;

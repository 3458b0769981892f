// 我的印章与签名: one schema per form, shared by the page and its server actions.
import { z } from "zod";
import { SEAL_STYLES } from "@/lib/domain/seal";
import { signaturePngField } from "./contract";

const id = z.string().min(1).max(40);
export const savedItemSchema = z.object({ id });
export const sealCreateSchema = z.object({ style: z.enum(Object.keys(SEAL_STYLES) as [keyof typeof SEAL_STYLES, ...(keyof typeof SEAL_STYLES)[]], { error: "请选择印章样式" }) });
export const signatureAddSchema = z.object({ png: signaturePngField });

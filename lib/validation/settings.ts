// Admin settings forms, shared by the form and its server action.
import { z } from "zod";

/** 一年期LPR as a percentage with at most two decimals, e.g. "3.00". */
export const lprSettingSchema = z.object({
  lpr: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, "请输入百分比，最多两位小数，如 3.00")
    .refine((v) => Number(v) > 0 && Number(v) <= 20, "一年期LPR应在0.01%至20%之间"),
});

export const lprToBp = (lpr: string) => Math.round(Number(lpr) * 100);

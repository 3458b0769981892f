// 管理后台: one schema per admin form, shared by the page and its server action.
import { z } from "zod";
import { calendarDate } from "./input";

const id = z.string().min(1).max(40);

export const userFreezeSchema = z.object({
  userId: id,
  reason: z.string({ error: "请填写冻结原因" }).trim().min(2, "请填写冻结原因（至少2个字）").max(200, "原因最多200字"),
});
export const userUnfreezeSchema = z.object({ userId: id });

/** Money typed in yuan (up to 2 decimals), kept in fen. */
const yuan = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, `${label}应为不超过6位整数、最多2位小数的金额`)
    .transform((v) => Math.round(Number(v) * 100));
const int = (label: string, min: number, max: number) => z.coerce.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(min, `${label}不能小于${min}`).max(max, `${label}不能大于${max}`);

/** 收费规则: the prices admins edit (the kinds the quota and the card cover stay as they are). */
export const feeRulesFormSchema = z.object({
  iouYuan: yuan("借条价格"),
  receiptYuan: yuan("收据价格"),
  otherYuan: yuan("其他合同价格"),
  freePerMonth: int("每月免费份数", 0, 100),
  cardPriceYuan: yuan("月卡价格"),
  cardDays: int("月卡有效天数", 1, 366),
  cardPercentOff: int("月卡折扣", 1, 100),
  reportYuan: yuan("出证报告价格"),
});

const ymd = calendarDate;

/** 新建优惠券批次 */
export const couponBatchSchema = z
  .object({
    name: z.string().trim().min(2, "请填写名称（至少2个字）").max(30, "名称最多30字"),
    kind: z.enum(["FIXED", "PERCENT"], { error: "请选择优惠类型" }),
    amountYuan: z.string().trim().max(10).default(""),
    percentOff: z.string().trim().max(3).default(""),
    minSpendYuan: z.string().trim().max(10).default(""),
    kinds: z.string().trim().max(400).default(""), // comma-separated contract kinds; empty: all
    validFrom: ymd("生效日期"),
    validTo: ymd("截止日期"),
    perUserLimit: int("每人限领", 1, 100),
    code: z
      .string()
      .trim()
      .max(32, "兑换码最多32位")
      .regex(/^[A-Za-z0-9]*$/, "兑换码只能包含字母和数字")
      .transform((s) => s.toUpperCase())
      .default(""),
  })
  .superRefine((v, ctx) => {
    const money = /^\d{1,6}(\.\d{1,2})?$/;
    if (v.kind === "FIXED" && !(money.test(v.amountYuan) && Number(v.amountYuan) > 0)) ctx.addIssue({ code: "custom", path: ["amountYuan"], message: "请填写大于0的减免金额" });
    if (v.kind === "PERCENT" && !(/^\d{1,2}$/.test(v.percentOff) && Number(v.percentOff) >= 1)) ctx.addIssue({ code: "custom", path: ["percentOff"], message: "折扣应为1至99的整数（减免百分比）" });
    if (v.minSpendYuan && !money.test(v.minSpendYuan)) ctx.addIssue({ code: "custom", path: ["minSpendYuan"], message: "请填写正确的金额" });
    if (v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "截止日期不能早于生效日期" });
  });

export const couponIssueSchema = z.object({ batchId: id, phone: z.string().trim().regex(/^1\d{10}$/, "请输入正确的11位手机号") });
export const couponBatchToggleSchema = z.object({ batchId: id, active: z.boolean() });
export const orderRefundSchema = z.object({ orderId: id });

/** 法律服务 provider */
export const legalProviderSchema = z.object({
  id: id.optional(),
  name: z.string().trim().min(2, "请填写名称").max(40, "名称最多40字"),
  description: z.string().trim().min(2, "请填写简介").max(200, "简介最多200字"),
  url: z.string().trim().max(300, "链接过长").pipe(z.url({ protocol: /^https?$/, error: "请填写以 http:// 或 https:// 开头的链接" })),
  sortOrder: int("排序", 0, 9999),
  enabled: z.boolean(),
});

/** 借条判例 */
export const iouCaseSchema = z.object({
  id: id.optional(),
  court: z.string().trim().min(4, "请填写审理法院").max(60, "法院名称最多60字"),
  caseNumber: z.string().trim().min(4, "请填写案号").max(60, "案号最多60字"),
  decidedOn: ymd("裁判日期"),
  summary: z.string().trim().min(10, "请填写案情摘要（至少10字）").max(1000, "摘要最多1000字"),
  outcome: z.string().trim().min(4, "请填写裁判结果").max(500, "裁判结果最多500字"),
  url: z.string().trim().max(300, "链接过长").pipe(z.url({ protocol: /^https?$/, error: "请填写裁判文书的公开链接（http:// 或 https://）" })),
  isSample: z.boolean(),
});
export const contentHideSchema = z.object({ id, hidden: z.boolean() });

/** 修改优惠券批次: what may change once coupons exist (never the discount itself). */
export const couponBatchEditSchema = z.object({
  batchId: id,
  name: z.string().trim().min(2, "请填写名称（至少2个字）").max(30, "名称最多30字"),
  validTo: ymd("截止日期"),
  perUserLimit: int("每人限领", 1, 100),
});

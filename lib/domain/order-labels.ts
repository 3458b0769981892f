// How orders read in 我的订单.
export const ORDER_STATUS_LABELS: Record<string, string> = { PENDING: "待支付", PAID: "已支付", EXPIRED: "已失效", REFUNDING: "退款中", REFUNDED: "已退款" };
export const ORDER_PURPOSE_LABELS: Record<string, string> = { CONTRACT: "合同费用", REPORT: "签署报告费用", SAVER_CARD: "省钱月卡" };
export const ORDER_STATUS_TONE: Record<string, string> = {
  PENDING: "bg-amber-50 text-amber-700",
  PAID: "bg-emerald-50 text-emerald-700",
  EXPIRED: "bg-slate-100 text-slate-500",
  REFUNDING: "bg-sky-50 text-sky-700",
  REFUNDED: "bg-sky-50 text-sky-700",
};

import "server-only";
import crypto from "node:crypto";
import { now } from "@/lib/server/clock";
import { formatYmd, shanghaiToday } from "@/lib/domain/dates";

/** 合同编号 / 报告编号 / 订单号: a prefix (JT 借条, WJ 自有文件, HT 模板, CZ 出证, DD 订单), the Shanghai date and random digits. */
export function dailyNumber(prefix: string, digits = 8): string {
  return `${prefix}${formatYmd(shanghaiToday(now())).replaceAll("-", "")}${crypto.randomInt(0, 10 ** digits).toString().padStart(digits, "0")}`;
}

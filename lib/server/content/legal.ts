import "server-only";
import { db } from "@/lib/server/db";

/** 法律服务 providers shown from a contract's 更多操作, in the admins' order. */
export function listLegalProviders() {
  return db().legalProvider.findMany({ where: { enabled: true }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
}

import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { queueSms } from "@/lib/server/notify";
import { compareYmd, parseYmd, shanghaiInstant, shanghaiToday } from "@/lib/domain/dates";
import { formatYuan } from "@/lib/domain/money";
import { PENDING_STATES } from "@/lib/domain/lifecycle";
import { iouFactsFromForm, type IouForm } from "@/lib/validation/iou";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { reminderSchema } from "@/lib/validation/contract";
import { EXPIRE_JOB } from "./effects";
import { ContractError } from "./errors";
import { runTransition } from "./transition";
import { openFacts } from "./facts-seal";
import { parseInput } from "@/lib/validation/input";

const REMINDER_JOB = "iou.repayReminder";
const REMINDER_HOUR = 9; // 09:00 Asia/Shanghai on each repayment date

/** A pending contract 30 days old expires; anything else that happened first wins. */
registerJob(EXPIRE_JOB, async (payload) => {
  const { contractId } = payload as { contractId: string };
  const c = await db().contract.findUnique({ where: { id: contractId } });
  if (!c || !PENDING_STATES.includes(c.status) || !c.expiresAt || c.expiresAt > now()) return;
  try {
    await runTransition({ contractId, action: "expire", actor: { userId: null }, expectVersion: c.version });
  } catch (e) {
    if (!(e instanceof ContractError)) throw e; // signed or revoked meanwhile: nothing to expire
  }
});

/** The borrower's SMS on a repayment date; the job's unique key makes it once per date. */
registerJob(REMINDER_JOB, async (payload) => {
  const { contractId, date } = payload as { contractId: string; date: string };
  const c = await db().contract.findUnique({ where: { id: contractId }, include: { parties: true } });
  if (!c || c.status !== "EFFECTIVE" || !c.repayReminder) return;
  const facts = iouFactsFromForm(openFacts<IouForm>(c.facts));
  const due = facts.repayMode === "ONCE" ? facts.amountFen : (facts.instalments.find((p) => p.date === date)?.amountFen ?? 0);
  const borrower = c.parties.find((p) => p.role === "BORROWER");
  if (!borrower?.phone) return;
  await db().$transaction((tx) =>
    queueSms(tx, {
      to: borrower.phone!,
      body: `【个人电子签】还款提醒：您在《${c.title}》中约定今天（${date}）还款${facts.repayMode === "ONCE" ? "本金" : ""}${formatYuan(due)}${facts.repayMode === "ONCE" && facts.rateBp > 0 ? "及利息" : ""}。`,
      kind: "iou.repayReminder",
    }),
  );
});

/** 还款提醒 switch on the detail page: either party of an IOU may turn it on or off. */
export async function setRepayReminder(userId: string, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(reminderSchema, input);
  if (!parsed.success) return fail("请求无效");
  const c = await db().contract.findUnique({ where: { id: parsed.data.contractId }, include: { parties: true } });
  if (!c || c.kind !== "iou" || !c.parties.some((p) => p.userId === userId)) return fail("合同不存在");
  if (c.status !== "EFFECTIVE" && !PENDING_STATES.includes(c.status)) return fail("该借条已结束，无需提醒");
  const facts = iouFactsFromForm(openFacts<IouForm>(c.facts));
  const dates = facts.repayMode === "ONCE" ? [facts.repayDate ?? ""] : facts.instalments.map((p) => p.date);
  const today = shanghaiToday(now());
  await db().$transaction(async (tx) => {
    await tx.contract.update({ where: { id: c.id }, data: { repayReminder: parsed.data.enabled } });
    if (!parsed.data.enabled) return;
    for (const date of dates) {
      const day = parseYmd(date);
      if (!day || compareYmd(day, today) < 0) continue;
      await enqueue(tx, REMINDER_JOB, { contractId: c.id, date }, { runAt: shanghaiInstant(day, REMINDER_HOUR), uniqueKey: `reminder:${c.id}:${date}` });
    }
  });
  return ok(undefined);
}

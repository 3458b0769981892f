import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { queueSms } from "@/lib/server/notify";
import { compareYmd, parseYmd, shanghaiInstant, shanghaiToday } from "@/lib/domain/dates";
import { PENDING_STATES } from "@/lib/domain/lifecycle";
import { roleLabelIn, wizardTemplateById } from "@/lib/domain/templates/registry";
import type { Reminder } from "@/lib/domain/templates/engine";
import { fail, ok, type ActionResult } from "@/lib/server/result";
import { reminderSchema } from "@/lib/validation/contract";
import { EXPIRE_JOB } from "./effects";
import { ContractError } from "./errors";
import { runTransition } from "./transition";
import { templateFactsOf } from "./template-facts";
import { parseInput } from "@/lib/validation/input";

// The stored job and outbox name, kept as it was so that reminders queued before stay valid.
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

/**
 * The reminder SMS of a contract's date, to each party who turned 还款提醒 on for themselves: the one
 * the date binds (借条: the borrower, 还款提醒) and anyone else who asked (the lender, 收款提醒). The
 * job's unique key makes it once per date, however often the switches were set.
 */
registerJob(REMINDER_JOB, async (payload) => {
  const { contractId, date } = payload as { contractId: string; date: string };
  const c = await db().contract.findUnique({ where: { id: contractId }, include: { parties: { orderBy: { seq: "asc" } } } });
  if (!c || c.status !== "EFFECTIVE") return;
  const reminder = remindersOf(c).find((r) => r.date === date);
  if (!reminder) return;
  const bound = c.parties.find((p) => p.role === reminder.role);
  const who = `${roleLabelIn(c.kind, reminder.role)}${bound?.name ?? ""}`;
  await db().$transaction(async (tx) => {
    for (const p of c.parties.filter((x) => x.repayReminder && x.phone)) {
      if (p.role === reminder.role) await queueSms(tx, { to: p.phone!, template: "iou.repayReminder", params: { title: c.title, what: reminder.text } });
      else await queueSms(tx, { to: p.phone!, template: "iou.repayReminder.payee", params: { title: c.title, who, what: reminder.text } });
    }
  });
});

/** 还款提醒 switch on the detail page: each party of a contract whose kind has reminders turns their own on or off. */
export async function setRepayReminder(userId: string, input: unknown): Promise<ActionResult<undefined>> {
  const parsed = parseInput(reminderSchema, input);
  if (!parsed.success) return fail("请求无效");
  const c = await db().contract.findUnique({ where: { id: parsed.data.contractId }, include: { parties: true } });
  const reminders = c ? remindersOf(c) : [];
  const mine = c?.parties.find((p) => p.userId === userId);
  if (!c || reminders.length === 0 || !mine) return fail("合同不存在");
  if (c.status !== "EFFECTIVE" && !PENDING_STATES.includes(c.status)) return fail("该借条已结束，无需提醒");
  const today = shanghaiToday(now());
  await db().$transaction(async (tx) => {
    await tx.party.update({ where: { id: mine.id }, data: { repayReminder: parsed.data.enabled } });
    if (!parsed.data.enabled) return;
    for (const { date } of reminders) {
      const day = parseYmd(date);
      if (!day || compareYmd(day, today) < 0) continue;
      await enqueue(tx, REMINDER_JOB, { contractId: c.id, date }, { runAt: shanghaiInstant(day, REMINDER_HOUR), uniqueKey: `reminder:${c.id}:${date}` });
    }
  });
  return ok(undefined);
}

/** The kind's reminder dates for this contract's facts; none for kinds without reminders. */
export function remindersOf(c: { kind: string; facts: unknown }): Reminder[] {
  const t = wizardTemplateById(c.kind);
  return t ? t.reminders(t.facts(t.read(templateFactsOf(c.facts)?.form))) : [];
}

import "server-only";
import { sampleLeftovers } from "@/lib/domain/templates/sample-leftovers";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { idHash } from "@/lib/server/identity";
import { shanghaiToday, type YMD } from "@/lib/domain/dates";
import { normalizePhone } from "@/lib/domain/phone";
import { wizardTemplateById, type WizardTemplate } from "@/lib/domain/templates/registry";
import { ageRangeError, MAX_CONTRACT_FEN } from "@/lib/domain/templates/engine";
import { formatYuan } from "@/lib/domain/money";
import { sendsWithoutSigning } from "@/lib/domain/contract-kind";
import { counterpartiesOf, partySchema, partyShape, templateDraftInput, whoIs, type PartyForm } from "@/lib/validation/template";
import { counterpartyId } from "@/lib/validation/party";
import { appendAudit } from "./audit";
import { syncFolder } from "./folder";
import { namedCounterparty, partyIdentityOf } from "./parties";
import { dailyNumber } from "@/lib/server/numbers";
import { runTransition } from "./transition";
import { ContractError, asResult } from "./errors";
import { feeAtInitiation } from "@/lib/server/payments";
import { contractVersionSchema } from "@/lib/validation/contract";
import { sealFacts } from "./facts-seal";
import { templateFactsOf, type TemplateFacts } from "./template-facts";
import { parseInput } from "@/lib/validation/input";

// 模板合同 (借条, 租房合同, 买卖合同 …): the wizard's draft (party step + the template's facts), stored as
// Contract.facts = { party, form }; the document is rendered from it by the template itself.


const prefixed = (prefix: string, issues: { path: PropertyKey[]; message: string }[]) => {
  const fieldErrors: Record<string, string> = {};
  for (const i of issues) fieldErrors[[prefix, ...i.path.map(String)].join(".")] ??= i.message;
  return fieldErrors;
};

/** Why this user cannot start this template (real-name first; their own age must fit it too: 借条 22–75 …); null when they can. */
export function templateInitiatorError(user: User, t: WizardTemplate, today: YMD): string | null {
  if (!user.verifiedAt || !user.birthDate) return "请先完成实名认证";
  const b = user.birthDate;
  return ageRangeError(t, { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate() }, today, "self");
}

/** Creates or updates the draft; `complete` applies every rule (the wizard's last step). */
export async function templateDraftSave(user: User, input: unknown): Promise<ActionResult<{ contractId: string }>> {
  const parsed = parseInput(templateDraftInput, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { contractId, templateId, complete } = parsed.data;
  const t = wizardTemplateById(templateId);
  if (!t) return fail("模板不存在");
  const today = shanghaiToday(now());
  const refused = templateInitiatorError(user, t, today);
  if (refused) return fail(refused);

  const party = (complete ? partySchema(t, today, { crossBorder: Boolean(user.crossBorderAt) }) : partyShape).safeParse(parsed.data.party);
  const form = complete ? t.schema({ today }).safeParse(parsed.data.form) : ({ success: true, data: t.read(parsed.data.form) } as const);
  if (!party.success || !form.success) {
    return fail("请检查填写的内容", { ...(party.success ? {} : prefixed("party", party.error.issues)), ...(form.success ? {} : prefixed("form", form.error.issues)) });
  }
  // 参照示例填写: made-up sample text is refused on sending, on the field that still holds it
  const leftovers = complete ? sampleLeftovers(t.steps, t.sample(today), t.read(parsed.data.form)) : {};
  if (Object.keys(leftovers).length) return fail("请把示例内容改为实际信息", prefixed("form", Object.entries(leftovers).map(([path, message]) => ({ path: path.split("."), message }))));
  const p: PartyForm = { ...party.data, counterparties: party.data.counterparties.map((r) => ({ ...r, phone: normalizePhone(r.phone) })) };
  if (!t.initiators.includes(p.myRole)) return fail("请检查填写的内容", { "party.myRole": "请选择您在合同中的身份" });
  const notMe = notMyself(user, t, p, today);
  if (notMe) return fieldFail(notMe.field, notMe.message);

  const facts: TemplateFacts = { party: p, form: form.data };
  const amountFen = complete ? t.headlineFen(t.facts(form.data)) : null;
  if (amountFen !== null && amountFen > MAX_CONTRACT_FEN) return fail(`合同金额合计不能超过${formatYuan(MAX_CONTRACT_FEN)}，请检查金额和数量`);
  const id = await db().$transaction(async (tx) => {
    let id = contractId;
    if (id) {
      const updated = await tx.contract.updateMany({ where: { id, initiatorId: user.id, status: "DRAFT", kind: t.id }, data: { facts: sealFacts(facts), title: t.name, amountFen, version: { increment: 1 } } });
      if (updated.count !== 1) return null;
      await tx.party.deleteMany({ where: { contractId: id } });
    } else {
      const c = await tx.contract.create({ data: { number: dailyNumber(t.numberPrefix ?? "HT"), kind: t.id, title: t.name, initiatorId: user.id, facts: sealFacts(facts), amountFen, createdAt: now() } });
      id = c.id;
      await appendAudit(tx, id, { action: "create", fromStatus: null, toStatus: "DRAFT", actorUserId: user.id, actorRole: "INITIATOR" });
    }
    await createParties(tx, id, user, t, p, today);
    await syncFolder(tx, id);
    return id;
  });
  return id ? ok({ contractId: id }) : fail("草稿不存在或已发起");
}

/** Each other side must be someone else: not my phone, not my ID, and no ID typed twice (the schema has refused a phone given twice). */
function notMyself(user: User, t: WizardTemplate, p: PartyForm, today: YMD): { field: string; message: string } | null {
  const seen = new Map<string, string>();
  for (const [i, { role, row }] of counterpartiesOf(t, p).entries()) {
    const who = whoIs(t, role);
    if (row.phone && row.phone === user.phone) return { field: `party.counterparties.${i}.phone`, message: `${who}不能是您本人` };
    const id = row.fill === "SELF" ? counterpartyId(row, today) : null;
    if (!id) continue;
    const hash = idHash(id.normalized);
    if (hash === user.idNumberHash) return { field: `party.counterparties.${i}.idNumber`, message: `${who}不能是您本人` };
    const twice = seen.get(hash);
    if (twice) return { field: `party.counterparties.${i}.idNumber`, message: `与${twice}的证件号码相同，请检查` };
    seen.set(hash, role.label);
  }
  return null;
}

/** Every role's party, in the template's order (甲方 first on the document). */
async function createParties(tx: Tx, contractId: string, user: User, t: WizardTemplate, p: PartyForm, today: YMD) {
  const others = new Map(await Promise.all(counterpartiesOf(t, p).map(async ({ role, row }) => [role.key, await namedCounterparty(tx, user, row, today)] as const)));
  for (const [seq, role] of t.roles.entries()) {
    const row = role.key === p.myRole ? { isInitiator: true, fillMode: "SELF" as const, ...partyIdentityOf(user), status: "WAITING_SIGN" as const } : others.get(role.key)!;
    await tx.party.create({ data: { ...row, role: role.key, contractId, seq } });
  }
}

/** The initiator's own draft of this template, to continue in the wizard; null for anything else (→ 404). */
export async function templateDraftFor(user: User, contractId: string, t: WizardTemplate): Promise<({ contractId: string } & TemplateFacts) | null> {
  const c = contractId.length <= 40 ? await db().contract.findUnique({ where: { id: contractId } }) : null;
  const facts = c ? templateFactsOf(c.facts) : null;
  if (!c || !facts || c.initiatorId !== user.id || c.status !== "DRAFT" || c.kind !== t.id) return null;
  return { contractId: c.id, party: facts.party, form: t.read(facts.form) };
}

/** A template draft whose stored facts still pass every rule today (dates move on; the 港澳台 switch may be off again). */
export function templateFactsReady(c: { kind: string; facts: unknown }, today: YMD, initiator: Pick<User, "crossBorderAt">): boolean {
  const t = wizardTemplateById(c.kind);
  const f = templateFactsOf(c.facts);
  return !!t && !!f && t.schema({ today }).safeParse(f.form).success && partySchema(t, today, { crossBorder: Boolean(initiator.crossBorderAt) }).safeParse(f.party).success;
}

/**
 * 确认发起 for a template whose counterparty signs first (the initiator signs after the other
 * side), or 确认开具 of a 收据 by its payer: the fee is settled (paid, or a free slot taken now)
 * and the invitation goes out.
 */
export async function templateInitiate(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<undefined>> {
  const parsed = parseInput(contractVersionSchema, input);
  if (!parsed.success) return fail("请求无效");
  const today = shanghaiToday(now());
  try {
    await runTransition({
      contractId: parsed.data.contractId,
      action: "initiate",
      actor: { userId: user.id, ...meta },
      expectVersion: parsed.data.version,
      check: (c, role) => {
        const t = wizardTemplateById(c.kind);
        if (role !== "INITIATOR" || !t) throw new ContractError("NOT_FOUND", "合同不存在");
        if (!sendsWithoutSigning(c.kind, c.parties.find((p) => p.isInitiator)?.role)) throw new ContractError("REFUSED", "该合同需要您先签署");
        if (!templateFactsReady(c, today, user)) throw new ContractError("REFUSED", "合同信息需要更新，请返回修改后再发起");
      },
      apply: async (tx, c) => {
        const feeError = await feeAtInitiation(tx, user.id, c);
        if (feeError) throw new ContractError("REFUSED", feeError);
      },
    });
    return ok(undefined);
  } catch (e) {
    return asResult(e);
  }
}

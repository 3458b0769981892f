// 模板合同 (the 借条 and every other template): the wizard's party step (who I am, and for each
// other role of the template 我来填 / 对方填 with a phone) and the template's own facts, parsed by
// the form and the server action alike.
import { z } from "zod";
import { shanghaiToday, type YMD } from "@/lib/domain/dates";
import { ageRangeError, type RoleDef, type TemplateMeta } from "@/lib/domain/templates/engine";
import { normalizePhone } from "@/lib/domain/phone";
import { counterpartyIssues, fillMode, idType, type CounterpartyRow } from "./party";

/** At most this many other parties in a template (三方: 出借人, 借款人, 保证人 …). */
const MAX_COUNTERPARTIES = 4;

const counterpartyRow = z.object({
  fill: fillMode,
  name: z.string().max(30),
  // 港澳台 documents only with the initiator's 同港澳台居民签署合同 switch on
  idType,
  idNumber: z.string().max(18, "身份证号应为18位，最后一位可以是数字或X"),
  phone: z.string().max(20),
});

/**
 * Drafts and clients from before templates had more than two parties named the one other side
 * with flat fields (counterpartyFill, counterpartyName …): the same answer as one row.
 */
function fromFlat(v: unknown): unknown {
  if (typeof v !== "object" || v === null || "counterparties" in v || !("counterpartyFill" in v)) return v;
  const f = v as Record<string, unknown>;
  return {
    myRole: f.myRole,
    counterparties: [{ fill: f.counterpartyFill, name: f.counterpartyName ?? "", idType: f.counterpartyIdType, idNumber: f.counterpartyIdNumber ?? "", phone: f.counterpartyPhone ?? "" }],
  };
}

/**
 * `counterparties[i]` is the i-th role of the template other than mine, in the template's order
 * (`otherRoles`); the shape alone, for drafts saved before they are complete.
 */
export const partyShape = z.preprocess(
  fromFlat,
  z.object({
    myRole: z.string().max(40),
    counterparties: z.array(counterpartyRow).min(1).max(MAX_COUNTERPARTIES),
  }),
);
export type PartyForm = z.infer<typeof partyShape>;

const emptyRow = (): CounterpartyRow => ({ fill: "COUNTERPARTY", name: "", idType: "CN_RESIDENT", idNumber: "", phone: "" });

export const emptyParty = (t: Pick<TemplateMeta, "roles">, myRole: string): PartyForm => ({ myRole, counterparties: otherRoles(t, myRole).map(emptyRow) });

/** The template's roles other than mine, in its order: what `counterparties` rows stand for. */
export const otherRoles = (t: Pick<TemplateMeta, "roles">, myRole: string): RoleDef[] => t.roles.filter((r) => r.key !== myRole);

/** The other roles with their rows (a row missing from an older or damaged form reads as empty). */
export function counterpartiesOf(t: Pick<TemplateMeta, "roles">, p: PartyForm): { role: RoleDef; row: CounterpartyRow }[] {
  return otherRoles(t, p.myRole).map((role, i) => ({ role, row: p.counterparties[i] ?? emptyRow() }));
}

/** The form with exactly one row per other role (a draft saved with fewer reads the rest as empty). */
export const withAllRows = (t: Pick<TemplateMeta, "roles">, p: PartyForm): PartyForm => ({ ...p, counterparties: counterpartiesOf(t, p).map((x) => x.row) });

/** How the party step and its messages name a role: 对方 in a two-party template, else the role (保证人). */
export const whoIs = (t: Pick<TemplateMeta, "roles">, role: RoleDef) => (t.roles.length === 2 ? "对方" : role.label);

type PartyRules = Pick<TemplateMeta, "roles" | "initiators" | "ageRange" | "name" | "ageMessage" | "inviteByLink">;

/** The party step's rules for one template: a role it lets me start as, each other side's identity when I fill it, a phone to invite them, no one named twice. */
export function partySchema(t: PartyRules, today: YMD = shanghaiToday(new Date()), opts: { crossBorder?: boolean } = {}) {
  return partyShape.superRefine((p, ctx) => {
    if (!t.initiators.includes(p.myRole)) ctx.addIssue({ code: "custom", path: ["myRole"], message: "请选择您在合同中的身份" });
    const others = otherRoles(t, p.myRole);
    if (p.counterparties.length !== others.length) return ctx.addIssue({ code: "custom", path: ["counterparties"], message: "签署方信息不完整，请重新填写" });
    const phones = new Map<string, number>();
    counterpartiesOf(t, p).forEach(({ role, row }, i) => {
      const issues = counterpartyIssues(row, {
        today,
        crossBorder: Boolean(opts.crossBorder),
        ageError: (born) => ageRangeError(t, born, today),
        phoneOptional: t.inviteByLink,
        who: whoIs(t, role),
      });
      for (const issue of issues) ctx.addIssue({ code: "custom", path: ["counterparties", i, issue.field], message: issue.message });
      const phone = normalizePhone(row.phone);
      if (!phone || issues.some((x) => x.field === "phone")) return;
      const earlier = phones.get(phone);
      if (earlier !== undefined) ctx.addIssue({ code: "custom", path: ["counterparties", i, "phone"], message: `与${others[earlier]!.label}的手机号相同，每位签署方需使用自己的手机号` });
      else phones.set(phone, i);
    });
  });
}

/** The whole wizard: party + facts. `form` is validated by the template's own schema. */
export const templateDraftInput = z.object({
  contractId: z.string().max(40).nullable(),
  templateId: z.string().min(1).max(40),
  party: partyShape,
  form: z.unknown(),
  complete: z.boolean(),
});
export type TemplateDraftInput = z.infer<typeof templateDraftInput>;

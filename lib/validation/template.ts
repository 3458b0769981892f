// 模板合同 (the 借条 and every other template): the wizard's party step (who I am, 我来填 / 对方填
// the other side) and the template's own facts, parsed by the form and the server action alike.
import { z } from "zod";
import { shanghaiToday, type YMD } from "@/lib/domain/dates";
import { ageRangeError, type TemplateMeta } from "@/lib/domain/templates/engine";
import { counterpartyIssues, fillMode, idType, type CounterpartyRow } from "./party";

export const partyShape = z.object({
  myRole: z.string().max(40),
  counterpartyFill: fillMode,
  counterpartyName: z.string().max(30),
  // 港澳台 documents only with the initiator's 同港澳台居民签署合同 switch on
  counterpartyIdType: idType,
  counterpartyIdNumber: z.string().max(18, "身份证号应为18位，最后一位可以是数字或X"),
  counterpartyPhone: z.string().max(20),
});
export type PartyForm = z.infer<typeof partyShape>;

export const emptyParty = (myRole: string): PartyForm => ({
  myRole,
  counterpartyFill: "COUNTERPARTY",
  counterpartyName: "",
  counterpartyIdType: "CN_RESIDENT",
  counterpartyIdNumber: "",
  counterpartyPhone: "",
});

/** The party form's other side as the one counterparty row every kind checks. */
export const counterpartyOf = (p: PartyForm): CounterpartyRow => ({
  fill: p.counterpartyFill,
  name: p.counterpartyName,
  idType: p.counterpartyIdType,
  idNumber: p.counterpartyIdNumber,
  phone: p.counterpartyPhone,
});
const FIELD = { fill: "counterpartyFill", name: "counterpartyName", idType: "counterpartyIdType", idNumber: "counterpartyIdNumber", phone: "counterpartyPhone" } as const;

type PartyRules = Pick<TemplateMeta, "initiators" | "ageRange" | "name" | "ageMessage" | "inviteByLink">;

/** The party step's rules for one template: a role it lets me start as, the other side's identity when I fill it, a phone to invite them. */
export function partySchema(t: PartyRules, today: YMD = shanghaiToday(new Date()), opts: { crossBorder?: boolean } = {}) {
  return partyShape.superRefine((p, ctx) => {
    if (!t.initiators.includes(p.myRole)) ctx.addIssue({ code: "custom", path: ["myRole"], message: "请选择您在合同中的身份" });
    const issues = counterpartyIssues(counterpartyOf(p), {
      today,
      crossBorder: Boolean(opts.crossBorder),
      ageError: (born) => ageRangeError(t, born, today),
      phoneOptional: t.inviteByLink,
    });
    for (const i of issues) ctx.addIssue({ code: "custom", path: [FIELD[i.field]], message: i.message });
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

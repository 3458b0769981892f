// 模板合同: the wizard's party step (who I am, 我来填 / 对方填 the other side) and the template's own
// facts, parsed by the form and the server action alike.
import { z } from "zod";
import { shanghaiToday, type YMD } from "@/lib/domain/dates";
import { CN_MOBILE_RE, normalizePhone } from "@/lib/domain/phone";
import { partyAgeError, type TemplateMeta } from "@/lib/domain/templates/engine";
import { personNameField } from "./identity";

export const partyShape = z.object({
  myRole: z.string().max(40),
  counterpartyFill: z.enum(["SELF", "COUNTERPARTY"]), // 我来填 / 对方填
  counterpartyName: z.string().max(30),
  counterpartyIdNumber: z.string().max(18, "身份证号应为18位，最后一位可以是数字或X"),
  counterpartyPhone: z.string().max(20),
});
export type PartyForm = z.infer<typeof partyShape>;

export const emptyParty = (myRole: string): PartyForm => ({ myRole, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "" });

/** The party step's rules for one template: a role it lets me start as, the other side's identity when I fill it, a phone to invite them. */
export function partySchema(t: Pick<TemplateMeta, "initiators" | "ageRange" | "name">, today: YMD = shanghaiToday(new Date())) {
  return partyShape.superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!t.initiators.includes(p.myRole)) issue("myRole", "请选择您在合同中的身份");
    if (p.counterpartyFill === "SELF") {
      const name = personNameField.safeParse(p.counterpartyName);
      if (!name.success) issue("counterpartyName", name.error.issues[0]!.message);
      const idError = p.counterpartyIdNumber.trim() ? partyAgeError(t, p.counterpartyIdNumber.trim().toUpperCase(), today) : "请输入对方的身份证号";
      if (idError) issue("counterpartyIdNumber", idError);
    }
    const phone = normalizePhone(p.counterpartyPhone);
    if (!phone) issue("counterpartyPhone", "请输入对方的手机号，用于发送签署邀请");
    else if (!CN_MOBILE_RE.test(phone)) issue("counterpartyPhone", "请输入正确的11位大陆手机号");
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

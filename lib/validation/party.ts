// The one counterparty step of every contract kind (templates, the 借条, own documents): 我来填 /
// 对方填, the other side's document — a mainland ID, or with the initiator's 港澳台 switch on a
// 港澳居民来往内地通行证 / 港澳台居民居住证 — and the phone the invitation goes to.
import { z } from "zod";
import type { YMD } from "@/lib/domain/dates";
import { ID_TYPES, parsePersonId, type IdType } from "@/lib/domain/idcard";
import { CN_MOBILE_RE, normalizePhone } from "@/lib/domain/phone";
import { personNameField } from "./identity";

export const CROSS_BORDER_OFF = "请先在「高级设置」中开启同港澳台居民签署合同";

export const fillMode = z.enum(["SELF", "COUNTERPARTY"]); // 我来填 / 对方填
/** Drafts saved before 港澳台 documents named none: they are mainland IDs. */
export const idType = z.enum(ID_TYPES).default("CN_RESIDENT");

export type CounterpartyRow = { fill: "SELF" | "COUNTERPARTY"; name: string; idType: IdType; idNumber: string; phone: string };

export type CounterpartyRules = {
  today: YMD;
  /** The initiator's 同港澳台居民签署合同 switch. */
  crossBorder: boolean;
  /** The kind's age rule for a typed document's birth date (a 回乡证 carries none: checked at their real-name); null when acceptable. */
  ageError: (born: YMD) => string | null;
  /** 对方填 may go by link or QR code alone. */
  phoneOptional?: boolean;
  /** How messages name the person: 对方 (default), 签署方 where there are several. */
  who?: string;
};

/** The problems of one counterparty row, by its field; empty when it is acceptable. */
export function counterpartyIssues(row: CounterpartyRow, r: CounterpartyRules): { field: keyof CounterpartyRow; message: string }[] {
  const out: { field: keyof CounterpartyRow; message: string }[] = [];
  const issue = (field: keyof CounterpartyRow, message: string) => out.push({ field, message });
  const who = r.who ?? "对方";
  if (row.fill === "SELF") {
    const name = personNameField.safeParse(row.name);
    if (!name.success) issue("name", name.error.issues[0]!.message);
    if (row.idType !== "CN_RESIDENT" && !r.crossBorder) issue("idType", CROSS_BORDER_OFF);
    else if (!row.idNumber.trim()) issue("idNumber", row.idType === "CN_RESIDENT" ? `请输入${who}的身份证号` : `请输入${who}的证件号码`);
    else {
      const parsed = parsePersonId(row.idType, row.idNumber.trim().toUpperCase(), r.today);
      const e = !parsed.ok ? parsed.error : parsed.birthDate ? r.ageError(parsed.birthDate) : null;
      if (e) issue("idNumber", e);
    }
  }
  const phone = normalizePhone(row.phone);
  if (!phone) {
    if (!r.phoneOptional || row.fill === "SELF") issue("phone", `请输入${who}的手机号，用于发送签署邀请`);
  } else if (!CN_MOBILE_RE.test(phone)) issue("phone", "请输入正确的11位大陆手机号");
  return out;
}

/** The normalised document number of a typed row, when it parses (for 对方不能是您本人 and storage). */
export function counterpartyId(row: Pick<CounterpartyRow, "idType" | "idNumber">, today: YMD) {
  const parsed = parsePersonId(row.idType, row.idNumber, today);
  return parsed.ok ? parsed : null;
}

// 自有文件 forms: 设置签署信息 and 指定签署区域. The wizard (react-hook-form) and the server
// actions parse with these same schemas.
import { z } from "zod";
import { addDays, compareYmd, formatYmd, parseYmd, shanghaiToday, type YMD } from "@/lib/domain/dates";
import { ageOn } from "@/lib/domain/idcard";
import { normalizePhone } from "@/lib/domain/phone";
import { overlappingPairs } from "@/lib/domain/field-geometry";
import { DEFAULT_DEADLINE_DAYS, FIELD_KINDS, MAX_DEADLINE_DAYS, MAX_FIELDS, MAX_PAGES, MAX_SIGNERS, signersWithoutSignature } from "@/lib/domain/own-file";
import { REAL_NAME_MIN_AGE } from "./identity";
import { counterpartyId, counterpartyIssues, fillMode, idType } from "./party";

const id = z.string().min(1).max(40);

export const ownSignerRow = z.object({
  fill: fillMode,
  name: z.string().max(30),
  idType,
  idNumber: z.string().max(18, "身份证号应为18位，最后一位可以是数字或X"),
  phone: z.string().max(20),
});
export type OwnSignerRow = z.infer<typeof ownSignerRow>;

/** Every field is a string as typed, so a draft can hold a half-filled form. */
export const ownSetupShape = z.object({
  title: z.string().trim().max(50, "合同名称最多50个字"),
  deadline: z.string().max(10),
  ordered: z.boolean(), // 按顺序签署
  signers: z.array(ownSignerRow).max(MAX_SIGNERS - 1, `最多添加${MAX_SIGNERS - 1}位其他签署方`),
});
export type OwnSetupForm = z.infer<typeof ownSetupShape>;
/** What the form holds before parsing (a draft saved before 港澳台 documents names no idType). */
export type OwnSetupInput = z.input<typeof ownSetupShape>;

export const emptySigner = (): OwnSignerRow => ({ fill: "COUNTERPARTY", name: "", idType: "CN_RESIDENT", idNumber: "", phone: "" });

export function emptyOwnSetup(title: string, today: YMD = shanghaiToday(new Date())): OwnSetupForm {
  return { title: title.slice(0, 50), deadline: formatYmd(addDays(today, DEFAULT_DEADLINE_DAYS)), ordered: false, signers: [emptySigner()] };
}

/** The full rules before fields are placed. `myPhone` keeps the initiator out of the other signers; `crossBorder` is their 港澳台 switch. */
export function ownSetupSchema(today: YMD = shanghaiToday(new Date()), myPhone = "", opts: { crossBorder?: boolean } = {}) {
  return ownSetupShape.superRefine((f, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (!f.title.trim()) issue(["title"], "请填写合同名称");
    const deadline = parseYmd(f.deadline);
    if (!deadline) issue(["deadline"], "请选择签署截止日期");
    else if (compareYmd(deadline, today) < 0) issue(["deadline"], "截止日期不能早于今天");
    else if (compareYmd(deadline, addDays(today, MAX_DEADLINE_DAYS)) > 0) issue(["deadline"], `截止日期最长为${MAX_DEADLINE_DAYS}天后`);
    if (f.signers.length === 0) issue(["signers"], "请至少添加一位其他签署方");
    const phones = new Set<string>();
    const ids = new Set<string>();
    f.signers.forEach((s, i) => {
      // the one counterparty check every kind shares (我来填 identity, 港澳台 documents, phone) …
      const problems = counterpartyIssues(s, {
        today,
        crossBorder: Boolean(opts.crossBorder),
        who: "签署方",
        ageError: (born) => (ageOn(born, today) < REAL_NAME_MIN_AGE ? "签署方未满18周岁" : null),
      });
      for (const p of problems) issue(["signers", i, p.field], p.message);
      // … then what only several signers can get wrong
      const phone = normalizePhone(s.phone);
      if (!problems.some((p) => p.field === "phone") && phone) {
        if (phone === myPhone) issue(["signers", i, "phone"], "其他签署方不能是您本人");
        else if (phones.has(phone)) issue(["signers", i, "phone"], "该手机号已是其他签署方");
        else phones.add(phone);
      }
      const id = s.fill === "SELF" && !problems.some((p) => p.field === "idNumber") ? counterpartyId(s, today) : null;
      if (id && ids.has(id.normalized)) issue(["signers", i, "idNumber"], "该身份证号已是其他签署方");
      else if (id) ids.add(id.normalized);
    });
  });
}

export const ownDraftSchema = z.object({ uploadId: id, contractId: id.nullable(), form: z.unknown() });

const fraction = z.number().min(0).max(1);
export const signFieldSchema = z
  .object({
    partySeq: z.number().int().min(0).max(MAX_SIGNERS - 1),
    kind: z.enum(FIELD_KINDS),
    page: z.number().int().min(0).max(MAX_PAGES - 1),
    x: fraction,
    y: fraction,
    w: z.number().min(0.01).max(1),
    h: z.number().min(0.01).max(1),
  })
  .refine((f) => f.x + f.w <= 1.0001 && f.y + f.h <= 1.0001, "签署区域超出了页面");
export type SignFieldInput = z.infer<typeof signFieldSchema>;

/** 指定签署区域: every signer (seq 0 … signerCount-1) needs a signature field. */
export function ownFieldsSchema(signerCount: number, pageCount: number, names: string[] = []) {
  return z
    .object({ contractId: id, version: z.number().int().min(0), fields: z.array(signFieldSchema).max(MAX_FIELDS, `最多放置${MAX_FIELDS}个签署区域`) })
    .superRefine((v, ctx) => {
      v.fields.forEach((f, i) => {
        if (f.partySeq >= signerCount) ctx.addIssue({ code: "custom", path: ["fields", i], message: "签署区域指定的签署方不存在" });
        if (f.page >= pageCount) ctx.addIssue({ code: "custom", path: ["fields", i], message: "签署区域所在的页不存在" });
      });
      // one field printed over another would make both unreadable in the signed document
      for (const [, j] of overlappingPairs(v.fields)) ctx.addIssue({ code: "custom", path: ["fields", j], message: "签署区域不能重叠，请把重叠的区域移开" });
      const missing = signersWithoutSignature([...Array(signerCount).keys()], v.fields);
      if (missing.length) {
        const who = missing.map((seq) => names[seq] || `签署方${seq + 1}`).join("、");
        ctx.addIssue({ code: "custom", path: ["fields"], message: `请为每位签署方放置签名区域：${who}还没有` });
      }
    });
}

/** What a signer types into their TEXT fields, by field id. */
export const fieldValuesSchema = z.record(id, z.string().trim().min(1, "请填写此项").max(100, "最多100个字")).optional();

// The 借条 wizard's one schema: the form (react-hook-form) and the server action both parse with it.
import { z } from "zod";
import { parseYmd, shanghaiToday, type YMD } from "@/lib/domain/dates";
import { yuanToFen } from "@/lib/domain/money";
import { CN_MOBILE_RE, normalizePhone } from "@/lib/domain/phone";
import {
  IOU_MAX_FEN,
  IOU_SUPPLEMENT_ABOVE_FEN,
  instalmentErrors,
  iouIdError,
  loanDateError,
  parseRateBp,
  repayDateError,
  type IouFacts,
} from "@/lib/domain/iou";
import { personNameField } from "./identity";
import { ID_TYPES } from "@/lib/domain/idcard";

export const CROSS_BORDER_OFF = "请先在「高级设置」中开启同港澳台居民签署合同";

const text = (max: number) => z.string().trim().max(max, `最多${max}个字`);

const instalmentRow = z.object({ date: z.string(), amount: z.string() });

/** Every field is a string as typed, so drafts can hold half-filled forms. */
export const iouFormShape = z.object({
  myRole: z.enum(["LENDER", "BORROWER"]),
  counterpartyFill: z.enum(["SELF", "COUNTERPARTY"]), // 我来填 / 对方填
  counterpartyName: z.string().max(30),
  // 港澳台 documents only with the initiator's 同港澳台居民签署合同 switch on
  counterpartyIdType: z.enum(ID_TYPES),
  counterpartyIdNumber: z.string().max(18, "身份证号应为18位，最后一位可以是数字或X"),
  counterpartyPhone: z.string().max(20),
  amount: z.string().max(20),
  purpose: text(100),
  loanDate: z.string().max(10),
  repayMode: z.enum(["ONCE", "INSTALMENTS"]),
  repayDate: z.string().max(10),
  instalments: z.array(instalmentRow).max(60, "分期最多60期"),
  annualRate: z.string().max(10),
  supplement: z.boolean(),
  overdueRate: z.string().max(10),
  lenderAddress: text(100),
  borrowerAddress: text(100),
  court: text(60),
});
export type IouForm = z.infer<typeof iouFormShape>;

export const COURT_OPTIONS = ["出借人住所地人民法院", "借款人住所地人民法院", "合同签订地人民法院"] as const;

export function emptyIouForm(today: YMD = shanghaiToday(new Date())): IouForm {
  const p = (n: number) => String(n).padStart(2, "0");
  return {
    myRole: "LENDER",
    counterpartyFill: "COUNTERPARTY",
    counterpartyName: "",
    counterpartyIdType: "CN_RESIDENT",
    counterpartyIdNumber: "",
    counterpartyPhone: "",
    amount: "",
    purpose: "",
    loanDate: `${today.y}-${p(today.m)}-${p(today.d)}`,
    repayMode: "ONCE",
    repayDate: "",
    instalments: [],
    annualRate: "",
    supplement: false,
    overdueRate: "",
    lenderAddress: "",
    borrowerAddress: "",
    court: "",
  };
}

/** A stored form as the current shape reads it (drafts saved before 港澳台 documents named none). */
export const storedIouForm = (facts: unknown) => ({ counterpartyIdType: "CN_RESIDENT", ...(facts as object) });

/** The full rules for creating the IOU. `today` is Asia/Shanghai (server clock on the server). */
export function iouFormSchema(today: YMD = shanghaiToday(new Date()), opts: { crossBorder?: boolean } = {}) {
  return iouFormShape.superRefine((f, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

    if (f.counterpartyFill === "SELF") {
      const name = personNameField.safeParse(f.counterpartyName);
      if (!name.success) issue(["counterpartyName"], name.error.issues[0]!.message);
      if (f.counterpartyIdType !== "CN_RESIDENT" && !opts.crossBorder) issue(["counterpartyIdType"], CROSS_BORDER_OFF);
      const idError = f.counterpartyIdNumber.trim() ? iouIdError(f.counterpartyIdNumber, today, f.counterpartyIdType) : "请输入对方的证件号码";
      if (idError) issue(["counterpartyIdNumber"], idError);
    }
    const phone = normalizePhone(f.counterpartyPhone);
    if (f.counterpartyFill === "SELF" && !phone) issue(["counterpartyPhone"], "请输入对方的手机号");
    else if (phone && !CN_MOBILE_RE.test(phone)) issue(["counterpartyPhone"], "请输入正确的11位大陆手机号");

    const amount = f.amount.trim() ? yuanToFen(f.amount) : ({ ok: false, error: "请输入借款金额" } as const);
    if (!amount.ok) issue(["amount"], amount.error);
    else if (amount.fen > IOU_MAX_FEN) issue(["amount"], "单笔借款金额最高50万元");
    if (!f.purpose.trim()) issue(["purpose"], "请填写借款用途");

    const loanDay = parseYmd(f.loanDate);
    if (!loanDay) issue(["loanDate"], "请选择借款日期");
    else {
      const e = loanDateError(loanDay, today);
      if (e) issue(["loanDate"], e);
    }
    const rate = parseRateBp(f.annualRate);
    if (!rate.ok) issue(["annualRate"], rate.error);

    if (f.repayMode === "ONCE") {
      const repayDay = parseYmd(f.repayDate);
      if (!repayDay) issue(["repayDate"], "请选择还款日期");
      else if (loanDay) {
        const e = repayDateError(repayDay, loanDay);
        if (e) issue(["repayDate"], e);
      }
    } else if (loanDay && amount.ok && rate.ok) {
      const plan = f.instalments.map((r) => ({ date: r.date, amountFen: yuanOrZero(r.amount) }));
      const errors = instalmentErrors(plan, amount.fen, rate.bp, loanDay);
      for (const [key, message] of Object.entries(errors)) {
        if (key === "_plan") issue(["instalments"], message);
        else {
          const [i, field] = key.split(".");
          issue(["instalments", Number(i), field!], message);
        }
      }
    }

    const required = amount.ok && amount.fen > IOU_SUPPLEMENT_ABOVE_FEN;
    if (required && !f.supplement) issue(["supplement"], "借款金额超过10万元，须填写补充信息");
    if (f.supplement || required) {
      const overdue = parseRateBp(f.overdueRate);
      if (!f.overdueRate.trim()) issue(["overdueRate"], "请填写逾期利率");
      else if (!overdue.ok) issue(["overdueRate"], overdue.error);
      if (!f.lenderAddress.trim()) issue(["lenderAddress"], "请填写出借人地址");
      if (!f.borrowerAddress.trim()) issue(["borrowerAddress"], "请填写借款人地址");
      if (!COURT_OPTIONS.includes(f.court as (typeof COURT_OPTIONS)[number])) issue(["court"], "请选择争议管辖法院");
    }
  });
}

function yuanOrZero(s: string): number {
  const r = yuanToFen(s || "0.00x");
  return r.ok ? r.fen : 0;
}

export function iouFactsFromForm(f: IouForm): IouFacts {
  const fen = (s: string) => {
    const r = yuanToFen(s);
    return r.ok ? r.fen : 0;
  };
  const amountFen = fen(f.amount);
  const rate = parseRateBp(f.annualRate);
  const withSupplement = f.supplement || amountFen > IOU_SUPPLEMENT_ABOVE_FEN;
  const overdue = parseRateBp(f.overdueRate);
  return {
    lenderRole: "LENDER",
    initiatorRole: f.myRole,
    amountFen,
    purpose: f.purpose.trim(),
    loanDate: f.loanDate,
    repayMode: f.repayMode,
    repayDate: f.repayMode === "ONCE" ? f.repayDate : null,
    instalments: f.repayMode === "INSTALMENTS" ? f.instalments.map((r) => ({ date: r.date, amountFen: fen(r.amount) })) : [],
    rateBp: rate.ok ? rate.bp : 0,
    supplement: withSupplement
      ? { overdueRateBp: overdue.ok ? overdue.bp : 0, lenderAddress: f.lenderAddress.trim(), borrowerAddress: f.borrowerAddress.trim(), court: f.court }
      : null,
  };
}

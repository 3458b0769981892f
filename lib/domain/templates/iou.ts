// 借条: a loan between two individuals (DESIGN §3). Parties 22–75, at most ¥500,000, the loan date
// at most 60 days back, a supplementary block (overdue rate, addresses, court) above ¥100,000,
// instalments that add up to principal plus interest, and advice above four times the LPR.
import { addDays, formatYmd, parseYmd } from "../dates";
import { yuanToFen } from "../money";
import {
  formatRate,
  instalmentErrors,
  IOU_LOAN_DATE_MAX_FUTURE_DAYS,
  IOU_LOAN_DATE_MAX_PAST_DAYS,
  IOU_MAX_AGE,
  IOU_MAX_FEN,
  IOU_MAX_INSTALMENTS,
  IOU_MIN_AGE,
  IOU_SUPPLEMENT_ABOVE_FEN,
  parseRateBp,
  rateWarning,
  repayDateError,
  splitEvenly,
  totalDueFen,
  type IouFacts,
} from "../iou";
import { checkbox, date, defineTemplate, fenOf, list, money, radio, select, step, sumFen, text, type FormOf, type FormValues } from "./engine";
import { cny, day, fields, p, section, yuan } from "./clauses";

export const COURT_OPTIONS = { LENDER: "出借人住所地人民法院", BORROWER: "借款人住所地人民法院", SIGNING: "合同签订地人民法院" } as const;

const rateText = <const N extends string>(name: N, label: string, o: { required?: boolean; showWhen?: { field: string; equals: boolean } } = {}) =>
  text(name, label, { max: 6, placeholder: o.required === false ? "不填则不计利息" : "如 6", required: o.required ?? true, showWhen: o.showWhen, pattern: { regex: /^\d{1,3}(\.\d{1,2})?$/, message: "利率请填写数字，最多两位小数" } });

const supplementOn = { field: "supplement", equals: true } as const;

const steps = [
  step("借款信息", [
    money("amount", "借款金额", { maxFen: IOU_MAX_FEN, placeholder: "0.01 – 500000", help: "单笔最高50万元" }),
    text("purpose", "借款用途", { max: 100, placeholder: "如：资金周转" }),
    date("loanDate", "借款日期", { notBefore: -IOU_LOAN_DATE_MAX_PAST_DAYS, notAfter: IOU_LOAN_DATE_MAX_FUTURE_DAYS, defaultOffset: 0, help: "出借人交付借款的日期，最早为60天前" }),
  ]),
  step("还款方式", [
    radio("repayMode", "还款方式", { ONCE: "一次性还款", INSTALMENTS: "分期还款" }),
    date("repayDate", "还款日期", { showWhen: { field: "repayMode", equals: "ONCE" } }),
    list("instalments", "还款计划", [date("date", "还款日期"), money("amount", "还款金额")], {
      minRows: 2,
      maxRows: IOU_MAX_INSTALMENTS,
      addLabel: "添加一期",
      showWhen: { field: "repayMode", equals: "INSTALMENTS" },
      help: "各期金额合计须等于本金加利息；可按月平均分配后再调整",
      presets: { label: "按月平均分配", counts: [3, 6, 12], rows: evenPlan },
    }),
    rateText("annualRate", "年利率（%）", { required: false }),
  ]),
  step("补充约定", [
    checkbox("supplement", "填写补充信息（逾期利率、双方地址、争议管辖）", { help: "借款金额超过10万元时必须填写" }),
    rateText("overdueRate", "逾期年利率（%）", { showWhen: supplementOn }),
    text("lenderAddress", "出借人地址", { max: 100, showWhen: supplementOn }),
    text("borrowerAddress", "借款人地址", { max: 100, showWhen: supplementOn }),
    select("court", "争议管辖法院", { "": "请选择", ...COURT_OPTIONS }, { showWhen: supplementOn }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

const bpOf = (s: string) => {
  const r = parseRateBp(s);
  return r.ok ? r.bp : 0;
};

/** 3 / 6 / 12 monthly instalments of principal plus interest to the last date, the remainder on the last one. */
function evenPlan(form: FormValues, count: number) {
  const loan = parseYmd(typeof form.loanDate === "string" ? form.loanDate : "");
  const amount = yuanToFen(typeof form.amount === "string" ? form.amount : "");
  const rate = parseRateBp(typeof form.annualRate === "string" ? form.annualRate : "");
  if (!loan || !amount.ok || !rate.ok) return null;
  const dates = Array.from({ length: count }, (_, i) => addDays(loan, 30 * (i + 1)));
  const parts = splitEvenly(totalDueFen(amount.fen, rate.bp, loan, dates.at(-1)!), count);
  return dates.map((d, i) => ({ date: formatYmd(d), amount: (parts[i]! / 100).toFixed(2) }));
}

function iouFacts(f: Form): IouFacts {
  const amountFen = fenOf(f.amount);
  const withSupplement = f.supplement || amountFen > IOU_SUPPLEMENT_ABOVE_FEN;
  return {
    amountFen,
    purpose: f.purpose,
    loanDate: f.loanDate,
    repayMode: f.repayMode,
    repayDate: f.repayMode === "ONCE" ? f.repayDate : null,
    instalments: f.repayMode === "INSTALMENTS" ? f.instalments.map((r) => ({ date: r.date, amountFen: fenOf(r.amount) })) : [],
    rateBp: bpOf(f.annualRate),
    supplement: withSupplement
      ? { overdueRateBp: bpOf(f.overdueRate), lenderAddress: f.lenderAddress, borrowerAddress: f.borrowerAddress, court: COURT_OPTIONS[f.court as keyof typeof COURT_OPTIONS] ?? f.court }
      : null,
  };
}

export const iou = defineTemplate({
  id: "iou",
  name: "借条",
  category: "money",
  summary: "个人之间借款，约定金额、利率和还款方式",
  roles: [
    { key: "LENDER", label: "出借人", asMe: "我出借" },
    { key: "BORROWER", label: "借款人", asMe: "我借款" },
  ],
  initiators: ["LENDER", "BORROWER"],
  defaultInitiator: "LENDER",
  signOrder: "initiator-first",
  ageRange: { min: IOU_MIN_AGE, max: IOU_MAX_AGE },
  ageMessage: (age, who) => `借条签署方须为${IOU_MIN_AGE}至${IOU_MAX_AGE}周岁的大陆公民，${who === "self" ? "您" : "对方"}当前${age}周岁`,
  maxAmountFen: IOU_MAX_FEN,
  inviteByLink: true,
  numberPrefix: "JT",
  noun: "借条",
  settleable: true,
  notice: [
    "本平台是电子合同签约工具，不提供借款、贷款及相关咨询或撮合服务。",
    "借条双方须为22至75周岁的大陆公民，并以本人实名身份签署；签署前需通过人脸核身确认签署意愿。",
    "单笔借款金额最高50万元，借款日期最早为60天前；金额超过10万元须填写补充信息。",
    "年利率超过一年期LPR四倍的部分不受法律保护；请如实约定利率。",
    "借条发起后30天内对方未完成签署将自动过期；对方处理前您可以撤销。",
  ],
  previewLinks: [{ href: "/cases/iou", label: "查看借条相关司法判例" }],
  steps,
  rules: (f, _ctx, issue) => {
    const loan = parseYmd(f.loanDate);
    const amountFen = fenOf(f.amount);
    if (loan && f.repayMode === "ONCE") {
      const repay = parseYmd(f.repayDate);
      const e = repay ? repayDateError(repay, loan) : null;
      if (e) issue(["repayDate"], e);
    }
    const rate = parseRateBp(f.annualRate);
    if (!rate.ok) issue(["annualRate"], rate.error);
    if (f.supplement && f.overdueRate) {
      const overdue = parseRateBp(f.overdueRate);
      if (!overdue.ok) issue(["overdueRate"], overdue.error);
    }
    if (f.repayMode === "INSTALMENTS" && loan && amountFen > 0 && rate.ok) {
      const plan = f.instalments.map((r) => ({ date: r.date, amountFen: fenOf(r.amount) }));
      for (const [key, message] of Object.entries(instalmentErrors(plan, amountFen, rate.bp, loan))) {
        if (key === "_plan") issue(["instalments"], message);
        else {
          const [i, column] = key.split(".");
          issue(["instalments", Number(i), column!], message);
        }
      }
    }
    if (amountFen > IOU_SUPPLEMENT_ABOVE_FEN && !f.supplement) issue(["supplement"], "借款金额超过10万元，须填写补充信息");
  },
  advice: (f, ctx) => {
    const rate = parseRateBp(f.annualRate);
    const warning = rate.ok && ctx.lprBp !== undefined ? rateWarning(rate.bp, ctx.lprBp) : null;
    return warning ? { annualRate: warning } : {};
  },
  sample: (today) => ({
    amount: "10000",
    purpose: "资金周转",
    loanDate: formatYmd(today),
    repayMode: "ONCE" as const,
    repayDate: formatYmd(addDays(today, 180)),
    annualRate: "3.6",
  }),
  facts: iouFacts,
  headlineFen: (x) => x.amountFen,
  reminders: (x) => {
    const plan = x.repayMode === "ONCE" ? [{ date: x.repayDate ?? "", amountFen: 0 }] : x.instalments;
    return plan.map((i) => ({
      date: i.date,
      role: "BORROWER",
      text:
        x.repayMode === "ONCE"
          ? `今天（${i.date}）还款本金${yuan(x.amountFen)}${x.rateBp > 0 ? "及利息" : ""}`
          : `今天（${i.date}）还款${yuan(i.amountFen)}`,
    }));
  },
  body: (x, names) => {
    const s = x.supplement;
    return {
      intro: [
        p(`今借款人${names.BORROWER}向出借人${names.LENDER}借到${cny(x.amountFen)}，用于${x.purpose}。出借人于${day(x.loanDate)}将借款交付借款人。`),
      ],
      sections: [
        section("借款利率", p(x.rateBp > 0 ? `借款年利率为${formatRate(x.rateBp)}（单利，按实际借款天数计算，一年按365天计）。` : "本借款不计利息。")),
        x.repayMode === "ONCE"
          ? section("还款方式", p(`借款人应于${day(x.repayDate ?? "")}前一次性归还全部借款本金${x.rateBp > 0 ? "及利息" : ""}。`))
          : section("还款方式", p(`借款人按以下计划分${x.instalments.length}期归还本金${x.rateBp > 0 ? "及利息" : ""}，共计${cny(sumFen(x.instalments.map((i) => i.amountFen)))}：`), {
              type: "table",
              columns: ["期数", "还款日期", "还款金额"],
              rows: x.instalments.map((i, n) => [`第${n + 1}期`, day(i.date), cny(i.amountFen)]),
            }),
        !!s &&
          section(
            "补充约定",
            fields([
              ["逾期利率", `年利率${formatRate(s.overdueRateBp)}`],
              ["出借人地址", s.lenderAddress],
              ["借款人地址", s.borrowerAddress],
              ["争议管辖", s.court],
            ]),
            p("借款人逾期还款的，自逾期之日起按上述逾期利率向出借人支付逾期利息。上述地址为双方确认的送达地址。"),
          ),
      ],
      closing: { dispute: s ? { kind: "agreed", court: s.court } : { kind: "general" } },
    };
  },
});

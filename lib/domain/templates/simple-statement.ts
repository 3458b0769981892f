// 简易对账单: a one-screen confirmation of a running account without line items — how much was
// payable up to a date, how much was paid, what is still owed and by when.
import { compareYmd } from "../dates";
import {
  date,
  dateOf,
  defineTemplate,
  fenOf,
  isoDay,
  labelOf,
  money,
  PAY_METHODS,
  radio,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, opt, p, section } from "./clauses";

const payMethod = select("payMethod", "付款方式", PAY_METHODS, { showWhen: { field: "payPlan", equals: "BY_DATE" } });

const steps = [
  step("对账内容", [
    text("subject", "往来事项", { max: 100, placeholder: "如：2025年全年装修材料款" }),
    date("periodStart", "往来开始日期", { notAfter: 0, required: false }),
    date("asOf", "对账截止日期", { notAfter: 0 }),
    money("total", "应付总额"),
    money("paid", "已付金额", { required: false, help: "尚未付款请留空" }),
    radio("payPlan", "余额付款安排", { BY_DATE: "约定付款期限", NONE: "暂不约定" }),
    date("payBy", "余额付款期限", { notBefore: 0, showWhen: { field: "payPlan", equals: "BY_DATE" } }),
    payMethod,
    textarea("note", "备注", { max: 500, required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type SimpleStatementFacts = {
  subject: string;
  periodStart: string;
  asOf: string;
  totalFen: number;
  paidFen: number;
  balanceFen: number;
  payBy: string;
  payMethod: string;
  note: string;
};

export const simpleStatement = defineTemplate({
  id: "simple-statement",
  name: "简易对账单",
  category: "money",
  summary: "不逐笔列明，直接确认应付总额、已付金额和欠款余额",
  roles: [
    { key: "CREDITOR", label: "收款方", asMe: "我是收款方" },
    { key: "DEBTOR", label: "付款方", asMe: "我是付款方" },
  ],
  initiators: ["CREDITOR", "DEBTOR"],
  defaultInitiator: "CREDITOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ asOf: isoDay(today) }),
  rules: (f, _ctx, issue) => {
    const start = dateOf(f.periodStart);
    const asOf = dateOf(f.asOf);
    if (start && asOf && compareYmd(asOf, start) < 0) issue(["asOf"], "对账截止日期不能早于往来开始日期");
    const total = fenOf(f.total);
    const paid = fenOf(f.paid);
    if (total > 0 && paid > total) issue(["paid"], "已付金额不能超过应付总额");
    if (f.payPlan === "BY_DATE" && total > 0 && paid === total) issue(["payPlan"], "款项已全部付清，无需约定付款期限");
  },
  sample: (today): Partial<Form> => ({
    subject: "示例：2025年装修材料款",
    periodStart: isoDay(today, -200),
    asOf: isoDay(today, -1),
    total: "38600",
    paid: "30000",
    payPlan: "BY_DATE",
    payBy: isoDay(today, 30),
    payMethod: "BANK",
  }),
  facts: (f: Form): SimpleStatementFacts => {
    const totalFen = fenOf(f.total);
    const paidFen = fenOf(f.paid);
    return {
      subject: f.subject,
      periodStart: f.periodStart,
      asOf: f.asOf,
      totalFen,
      paidFen,
      balanceFen: totalFen - paidFen,
      payBy: f.payBy,
      payMethod: f.payPlan === "BY_DATE" ? labelOf(payMethod, f.payMethod) : "",
      note: f.note,
    };
  },
  headlineFen: (x) => x.balanceFen,
  body: (x) => ({
    sections: [
      section(
        "对账内容",
        fields([
          ["往来事项", x.subject],
          ["对账期间", x.periodStart ? `${day(x.periodStart)}至${day(x.asOf)}` : `截至${day(x.asOf)}`],
          ["应付总额", cny(x.totalFen)],
          ["已付金额", x.paidFen ? cny(x.paidFen) : "无"],
          ["未付余额", cny(x.balanceFen)],
          opt("备注", x.note),
        ]),
      ),
      section(
        "对账结果",
        p(
          x.balanceFen > 0
            ? `截至${day(x.asOf)}，付款方尚欠收款方${cny(x.balanceFen)}。${x.payBy ? `付款方应于${day(x.payBy)}前以${x.payMethod}方式付清。` : ""}`
            : `截至${day(x.asOf)}，上述往来款项已全部结清，双方互不相欠。`,
        ),
      ),
      section(
        "双方确认",
        items([
          "双方确认上述金额真实、准确，为双方真实意思表示。",
          "本对账单仅确认上述往来事项的款项；其他往来不因本对账单而变更或消灭。",
        ]),
      ),
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

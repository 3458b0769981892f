// 对账单: two parties confirm their dealings over a period line by line — what became payable,
// what was paid — and the balance left. Signed by both, it is the debtor's acknowledgement of the
// balance (useful evidence, and it restarts the limitation period for that debt).
import { compareYmd } from "../dates";
import {
  date,
  dateOf,
  defineTemplate,
  fenOf,
  isoDay,
  labelOf,
  list,
  money,
  PAY_METHODS,
  radio,
  select,
  step,
  sumFen,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, p, section, table, yuan } from "./clauses";

const payMethod = select("payMethod", "付款方式", PAY_METHODS, { showWhen: { field: "payPlan", equals: "BY_DATE" } });

const steps = [
  step("对账信息", [
    text("subject", "往来事项", { max: 100, placeholder: "如：2026年第一季度水果供货款" }),
    date("periodStart", "对账开始日期", { notAfter: 0 }),
    date("periodEnd", "对账截止日期", { notAfter: 0 }),
    money("opening", "期初未付金额", { required: false, help: "对账开始前尚未付清的金额，没有请留空" }),
  ]),
  step("往来明细", [
    list(
      "lines",
      "明细",
      [
        date("date", "日期"),
        text("description", "摘要", { max: 100, placeholder: "如：送货单No.0012 苹果200斤" }),
        select("kind", "类型", { CHARGE: "应付（增加）", PAYMENT: "已付（减少）" }),
        money("amount", "金额"),
      ],
      { maxRows: 100, addLabel: "添加明细" },
    ),
  ]),
  step("对账结果", [
    radio("payPlan", "余额付款安排", { BY_DATE: "约定付款期限", NONE: "暂不约定" }),
    date("payBy", "余额付款期限", { notBefore: 0, showWhen: { field: "payPlan", equals: "BY_DATE" } }),
    payMethod,
    textarea("note", "备注", { max: 500, required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type StatementFacts = {
  subject: string;
  periodStart: string;
  periodEnd: string;
  openingFen: number;
  lines: { date: string; description: string; chargeFen: number; paymentFen: number }[];
  chargesFen: number;
  paymentsFen: number;
  /** Opening + charges − payments; negative when the payer has overpaid. */
  balanceFen: number;
  payBy: string;
  payMethod: string;
  note: string;
};

export function statementTotals(opening: number, lines: readonly { kind: "CHARGE" | "PAYMENT"; fen: number }[]) {
  const charges = sumFen(lines.filter((l) => l.kind === "CHARGE").map((l) => l.fen));
  const payments = sumFen(lines.filter((l) => l.kind === "PAYMENT").map((l) => l.fen));
  return { charges, payments, balance: opening + charges - payments };
}

export const statement = defineTemplate({
  id: "statement",
  name: "对账单",
  category: "money",
  summary: "逐笔核对一段时间的应付和已付款项，双方确认余额",
  roles: [
    { key: "CREDITOR", label: "收款方", asMe: "我是收款方" },
    { key: "DEBTOR", label: "付款方", asMe: "我是付款方" },
  ],
  initiators: ["CREDITOR", "DEBTOR"],
  defaultInitiator: "CREDITOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today): Partial<Form> => ({ periodEnd: isoDay(today), lines: [{ date: "", description: "", kind: "CHARGE", amount: "" }] }),
  rules: (f, _ctx, issue) => {
    const start = dateOf(f.periodStart);
    const end = dateOf(f.periodEnd);
    if (start && end && compareYmd(end, start) < 0) issue(["periodEnd"], "对账截止日期不能早于开始日期");
    f.lines.forEach((l, i) => {
      const d = dateOf(l.date);
      if (d && start && end && (compareYmd(d, start) < 0 || compareYmd(d, end) > 0)) issue(["lines", i, "date"], "明细日期应在对账期间内");
    });
    const { balance } = statementTotals(fenOf(f.opening), f.lines.map((l) => ({ kind: l.kind, fen: fenOf(l.amount) })));
    if (f.payPlan === "BY_DATE" && balance <= 0) issue(["payPlan"], "对账余额为零或多付时，无需约定付款期限");
  },
  sample: (today): Partial<Form> => ({
    subject: "示例：水果供货款",
    periodStart: isoDay(today, -60),
    periodEnd: isoDay(today, -1),
    opening: "1200",
    lines: [
      { date: isoDay(today, -55), description: "送货单No.0012 苹果200斤", kind: "CHARGE", amount: "1600" },
      { date: isoDay(today, -40), description: "送货单No.0015 橙子150斤", kind: "CHARGE", amount: "975.5" },
      { date: isoDay(today, -30), description: "微信转账付款", kind: "PAYMENT", amount: "2000" },
      { date: isoDay(today, -10), description: "送货单No.0021 梨100斤", kind: "CHARGE", amount: "560" },
    ],
    payPlan: "BY_DATE",
    payBy: isoDay(today, 15),
    payMethod: "WECHAT",
  }),
  facts: (f: Form): StatementFacts => {
    const openingFen = fenOf(f.opening);
    const t = statementTotals(openingFen, f.lines.map((l) => ({ kind: l.kind, fen: fenOf(l.amount) })));
    return {
      subject: f.subject,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      openingFen,
      lines: f.lines.map((l) => ({
        date: l.date,
        description: l.description,
        chargeFen: l.kind === "CHARGE" ? fenOf(l.amount) : 0,
        paymentFen: l.kind === "PAYMENT" ? fenOf(l.amount) : 0,
      })),
      chargesFen: t.charges,
      paymentsFen: t.payments,
      balanceFen: t.balance,
      payBy: f.payBy,
      payMethod: f.payPlan === "BY_DATE" ? labelOf(payMethod, f.payMethod) : "",
      note: f.note,
    };
  },
  headlineFen: (x) => Math.max(0, x.balanceFen),
  body: (x) => ({
    sections: [
      section(
        "对账事项",
        fields([
          ["往来事项", x.subject],
          ["对账期间", `${day(x.periodStart)}至${day(x.periodEnd)}`],
          ["期初未付金额", x.openingFen ? cny(x.openingFen) : "无"],
        ]),
      ),
      section(
        "往来明细",
        table(
          ["日期", "摘要", "应付", "已付"],
          [
            ...x.lines.map((l) => [day(l.date), l.description, l.chargeFen ? yuan(l.chargeFen) : "—", l.paymentFen ? yuan(l.paymentFen) : "—"]),
            ["合计", "", yuan(x.chargesFen), yuan(x.paymentsFen)],
          ],
        ),
      ),
      section(
        "对账结果",
        p(balanceSentence(x)),
        ...(x.balanceFen > 0 && x.payBy ? [p(`付款方应于${day(x.payBy)}前以${x.payMethod}方式向收款方付清上述余额。`)] : []),
        ...(x.note ? [fields([["备注", x.note]])] : []),
      ),
      section(
        "双方确认",
        items([
          "双方已逐笔核对上述明细，确认其真实、准确、完整，对账结果为双方真实意思表示。",
          "本对账单仅确认对账期间内的往来款项；对账期间以外的往来以及本对账单未列明的款项，不因本对账单而变更或消灭。",
          "付款方未按期付款的，收款方可以依据本对账单主张权利。",
        ]),
      ),
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

function balanceSentence(x: StatementFacts): string {
  const head = `截至${day(x.periodEnd)}，期初未付${yuan(x.openingFen)}，本期应付${yuan(x.chargesFen)}，本期已付${yuan(x.paymentsFen)}，`;
  if (x.balanceFen > 0) return `${head}付款方尚欠收款方${cny(x.balanceFen)}。`;
  if (x.balanceFen === 0) return `${head}双方款项已全部结清，互不相欠。`;
  return `${head}付款方多付${cny(-x.balanceFen)}，收款方应予退还或在后续往来中抵扣。`;
}

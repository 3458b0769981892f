// 保证合同: a third person (保证人) promises the creditor to pay if the debtor does not. Under the
// Civil Code the contract is between the creditor and the guarantor (art. 681); the debtor is named,
// not a signer. The guarantee type must be chosen explicitly — left unclear it counts as 一般保证
// (art. 686) — and so must the scope (art. 691) and the period after the debt falls due (art. 692:
// six months when none is agreed). A general guarantor may first require the creditor to pursue the
// debtor (art. 687); a joint-liability guarantor may be asked to pay as soon as the debt is overdue (art. 688).
import { checkbox, date, dateOf, defineTemplate, fenOf, isoDay, money, number, numOf, select, step, text, textarea, type FormOf } from "./engine";
import { cny, day, items, p, section, sentence } from "./clauses";
import { compareYmd } from "../dates";

const guaranteeType = select(
  "guaranteeType",
  "保证方式",
  { "": "请选择", GENERAL: "一般保证", JOINT: "连带责任保证" },
  { help: "一般保证：债务人不能履行时，保证人才承担责任；连带责任保证：债务人到期未履行，债权人可直接要求保证人承担。未约定或约定不明的，按一般保证承担责任（民法典第686条）。" },
);

const steps = [
  step("被保证的债务", [
    text("debtorName", "债务人姓名", { max: 30, placeholder: "被担保的借款人" }),
    text("mainContract", "主合同", { max: 100, placeholder: "如：2026年3月1日签订的借条（编号JT…）", help: "保证所担保的借款或其他合同" }),
    money("principal", "主债权本金", { help: "保证人担保的本金金额" }),
    date("debtDue", "主债务履行期限届满日", { help: "债务人应当还款的日期" }),
  ]),
  step("保证方式与范围", [
    guaranteeType,
    checkbox("coversInterest", "利息（含逾期利息）", { default: true }),
    checkbox("coversPenalty", "违约金、损害赔偿金", { default: true }),
    checkbox("coversCosts", "实现债权的费用（诉讼费、律师费等）", { default: true }),
    checkbox("withCap", "约定保证责任的最高金额"),
    money("capAmount", "保证责任最高金额", { showWhen: { field: "withCap", equals: true }, help: "保证人承担的本金、利息和费用合计以此为限" }),
    number("periodMonths", "保证期间", { min: 1, max: 60, unit: "个月", help: "自主债务履行期限届满之日起计算；未约定的为六个月（民法典第692条）" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type GuaranteeFacts = {
  debtorName: string;
  mainContract: string;
  principalFen: number;
  debtDue: string;
  joint: boolean;
  scope: string[];
  capFen: number | null;
  periodMonths: number;
  otherTerms: string;
};

export const guarantee = defineTemplate({
  id: "guarantee",
  name: "保证合同",
  category: "money",
  summary: "为借款提供担保：保证人向债权人承诺，债务人不还时代为清偿",
  roles: [
    { key: "CREDITOR", label: "债权人", asMe: "我是债权人" },
    { key: "GUARANTOR", label: "保证人", asMe: "我是保证人" },
  ],
  initiators: ["CREDITOR", "GUARANTOR"],
  defaultInitiator: "CREDITOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: () => ({ periodMonths: "6" }),
  rules: (f, ctx, issue) => {
    const due = dateOf(f.debtDue);
    if (due && compareYmd(due, ctx.today) < 0) issue(["debtDue"], "主债务已到期的，请与保证人另行协商，不能早于今天");
  },
  sample: (today): Partial<Form> => ({
    debtorName: "王五（示例）",
    mainContract: "示例：债权人与债务人签订的借条",
    principal: "50000",
    debtDue: isoDay(today, 180),
    guaranteeType: "JOINT",
    periodMonths: "6",
  }),
  facts: (f: Form): GuaranteeFacts => ({
    debtorName: f.debtorName,
    mainContract: f.mainContract,
    principalFen: fenOf(f.principal),
    debtDue: f.debtDue,
    joint: f.guaranteeType === "JOINT",
    scope: ["主债权本金", f.coversInterest && "利息（含逾期利息）", f.coversPenalty && "违约金、损害赔偿金", f.coversCosts && "实现债权的费用"].filter((x): x is string => !!x),
    capFen: f.withCap ? fenOf(f.capAmount) : null,
    periodMonths: numOf(f.periodMonths, 0),
    otherTerms: f.otherTerms,
  }),
  headlineFen: (x) => x.principalFen,
  body: (x, names) => ({
    intro: [p(`为保障债权人${names.CREDITOR}的债权实现，保证人${names.GUARANTOR}自愿为债务人${x.debtorName}的下列债务向债权人提供保证担保。双方经协商一致，订立本合同。`)],
    sections: [
      section("被保证的主债权", p(`被保证的主债权为债权人依据${x.mainContract}对债务人享有的债权，本金为${cny(x.principalFen)}，主债务履行期限届满日为${day(x.debtDue)}。`)),
      section(
        "保证方式",
        p(
          x.joint
            ? "保证人承担连带责任保证。债务人在主债务履行期限届满时没有履行债务的，债权人可以要求债务人履行，也可以直接要求保证人在保证范围内承担保证责任。"
            : "保证人承担一般保证责任。在主合同纠纷未经审判或者仲裁，并就债务人财产依法强制执行仍不能履行债务前，保证人有权拒绝向债权人承担保证责任，但法律另有规定的除外。",
        ),
      ),
      section("保证范围", p(`保证范围为：${x.scope.join("、")}。${x.capFen ? `保证人承担保证责任的总额以${cny(x.capFen)}为限。` : ""}`)),
      section("保证期间", p(`保证期间为自主债务履行期限届满之日起${x.periodMonths}个月。债权人与债务人协议变更主债务履行期限的，应当取得保证人书面同意；未经保证人同意的，保证期间不受影响。`)),
      section(
        "双方承诺",
        items([
          "保证人确认已了解债务人的资信状况和主合同的内容，自愿提供本保证，具有代为清偿的能力。",
          "债权人转让主债权的，应当通知保证人；未经保证人书面同意，债权人许可债务人转移全部或者部分债务的，保证人对未经其同意转移的债务不再承担保证责任。",
          "保证人承担保证责任后，有权在其承担保证责任的范围内向债务人追偿。",
        ]),
      ),
      !!x.otherTerms && section("补充约定", p(sentence(x.otherTerms))),
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

// 债务转移协议（三方）: a new debtor takes over all or part of a debt. Under the Civil Code a debtor
// may transfer a debt only with the creditor's consent (art. 551), so the creditor signs beside the
// original and the new debtor — three parties by law. The new debtor may raise the original debtor's
// defences against the creditor (art. 553) and takes over the accessory duties such as interest
// (art. 554). Whether the original debtor stays jointly liable (债务加入, art. 552) is a choice made
// explicitly: by default the transferred part leaves the original debtor.
import { compareYmd } from "../dates";
import { parseRateBp, rateWarning } from "../iou";
import { cny, day, items, p, section, sentence } from "./clauses";
import { checkbox, date, dateOf, defineTemplate, fenOf, isoDay, money, number, numOf, radio, step, text, textarea, type FormOf } from "./engine";

const steps = [
  step("原债务", [
    text("origin", "债务的来源", { max: 100, placeholder: "如：2026年3月1日签订的借条（编号JT…）", help: "原债务人对债权人所负债务的依据" }),
    money("outstanding", "尚未清偿的本金", { help: "转移时原债务人尚欠债权人的本金" }),
  ]),
  step("转移内容", [
    money("transferred", "转移给新债务人的本金", { help: "可以是全部或部分；不能超过尚未清偿的本金" }),
    date("transferOn", "转移日期", { notBefore: -30, notAfter: 365, help: "自该日起由新债务人向债权人履行" }),
    date("repayBy", "新债务人还款期限", { help: "新债务人向债权人清偿转移部分的最后日期" }),
    radio(
      "originalStays",
      "原债务人的责任",
      { RELEASED: "转移部分由新债务人承担，原债务人不再承担", JOINT: "原债务人与新债务人承担连带责任" },
      { default: "RELEASED", help: "选择连带责任时，债权人可以要求原债务人或新债务人任何一方清偿（民法典第552条）" },
    ),
    checkbox("withRate", "约定转移部分的年利率"),
    number("annualRate", "年利率", { decimals: 2, min: 0, max: 24, unit: "%", showWhen: { field: "withRate", equals: true }, help: "自转移日期起按此利率计息；不约定的，按原债务的约定" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type DebtTransferFacts = {
  origin: string;
  outstandingFen: number;
  transferredFen: number;
  transferOn: string;
  repayBy: string;
  joint: boolean;
  /** 年利率 in percent from the transfer date; null: as the original debt says. */
  ratePercent: number | null;
  otherTerms: string;
};

export const debtTransfer = defineTemplate({
  id: "debt-transfer",
  name: "债务转移协议（三方）",
  category: "money",
  summary: "由他人接手还款：原债务人、新债务人和债权人三方签署，债权人同意后生效",
  roles: [
    { key: "CREDITOR", label: "债权人", asMe: "我是债权人" },
    { key: "ORIGINAL_DEBTOR", label: "原债务人", asMe: "我是原债务人" },
    { key: "NEW_DEBTOR", label: "新债务人", asMe: "我是新债务人" },
  ],
  initiators: ["CREDITOR", "ORIGINAL_DEBTOR", "NEW_DEBTOR"],
  defaultInitiator: "ORIGINAL_DEBTOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  rules: (f, _ctx, issue) => {
    const outstanding = fenOf(f.outstanding);
    if (outstanding && fenOf(f.transferred) > outstanding) issue(["transferred"], "转移的本金不能超过尚未清偿的本金");
    const from = dateOf(f.transferOn);
    const until = dateOf(f.repayBy);
    if (from && until && compareYmd(until, from) < 0) issue(["repayBy"], "还款期限不能早于转移日期");
  },
  // the same advice as the 借条's: above four times the one-year LPR the excess is not protected
  advice: (f, ctx) => {
    const rate = f.withRate ? parseRateBp(f.annualRate) : null;
    const warning = rate?.ok && ctx.lprBp !== undefined ? rateWarning(rate.bp, ctx.lprBp) : null;
    return warning ? { annualRate: warning } : {};
  },
  sample: (today): Partial<Form> => ({
    origin: "示例：2026年3月1日签订的借条",
    outstanding: "30000",
    transferred: "20000",
    transferOn: isoDay(today, 1),
    repayBy: isoDay(today, 181),
  }),
  facts: (f: Form): DebtTransferFacts => ({
    origin: f.origin,
    outstandingFen: fenOf(f.outstanding),
    transferredFen: fenOf(f.transferred),
    transferOn: f.transferOn,
    repayBy: f.repayBy,
    joint: f.originalStays === "JOINT",
    ratePercent: f.withRate ? numOf(f.annualRate) : null,
    otherTerms: f.otherTerms,
  }),
  headlineFen: (x) => x.transferredFen,
  body: (x, names) => {
    const part = x.transferredFen < x.outstandingFen ? `其中${cny(x.transferredFen)}` : `全部${cny(x.transferredFen)}`;
    return {
      intro: [p(`原债务人${names.ORIGINAL_DEBTOR}拟将其对债权人${names.CREDITOR}所负的部分或全部债务转移给新债务人${names.NEW_DEBTOR}，债权人同意该转移。三方经协商一致，订立本协议。`)],
      sections: [
        section("原债务", p(`原债务人依据${x.origin}对债权人负有债务，截至本协议签署时尚未清偿的本金为${cny(x.outstandingFen)}。`)),
        section(
          "债务转移",
          items([
            `原债务人将上述未清偿本金中的${part}转移给新债务人，自${day(x.transferOn)}起由新债务人向债权人履行。`,
            `新债务人应于${day(x.repayBy)}前向债权人清偿转移部分的本金，以及依原债务应当支付的利息等从债务（专属于原债务人自身的除外）。`,
            x.ratePercent === null
              ? "转移部分自转移日期起的利息，按原债务的约定计算。"
              : x.ratePercent === 0
                ? "转移部分自转移日期起不计利息。"
                : `转移部分自转移日期起按年利率${x.ratePercent}%（单利）计算利息。`,
            x.transferredFen < x.outstandingFen ? `未转移的${cny(x.outstandingFen - x.transferredFen)}仍由原债务人按原约定向债权人履行。` : null,
          ]),
        ),
        section(
          "原债务人的责任",
          p(
            x.joint
              ? "原债务人与新债务人对转移部分的债务承担连带责任，债权人可以要求其中任何一方在上述范围内清偿。"
              : "自转移日期起，原债务人对转移部分的债务不再承担清偿责任，由新债务人承担。",
          ),
        ),
        section(
          "各方确认",
          items([
            "债权人确认已知悉新债务人的身份和清偿能力，同意本次债务转移。",
            "新债务人确认已了解原债务的内容；新债务人可以主张原债务人对债权人的抗辩，但原债务人对债权人享有的债权，新债务人不得向债权人主张抵销。",
            "原债务人与新债务人之间因本次转移产生的对价或补偿，由二人另行约定，不影响新债务人对债权人的清偿义务。",
            "原债务有第三人提供担保的，转移部分的担保须经该担保人书面同意方继续有效。",
          ]),
        ),
        !!x.otherTerms && section("补充约定", p(sentence(x.otherTerms))),
      ],
      closing: { dispute: { kind: "general" } },
    };
  },
});

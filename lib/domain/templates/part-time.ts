// 兼职合同: an individual hires another for part-time work. Between two individuals this is a
// labour-service (劳务) relationship, not employment under the Labour Contract Law, and the
// contract says so; injuries during the work follow Civil Code art. 1192 (fault of each side).
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  describeTerm,
  fenOf,
  isoDay,
  labelOf,
  money,
  number,
  numOf,
  PAY_METHODS,
  periodError,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, p, section } from "./clauses";

const payBasis = select("payBasis", "计酬方式", { HOURLY: "按小时", DAILY: "按天", PIECE: "按件/按单", FIXED: "固定总额" });
const settleCycle = select("settleCycle", "结算周期", { DAILY: "日结", WEEKLY: "周结", HALF_MONTH: "半月结", MONTHLY: "月结", ON_COMPLETION: "完工后结算" });
const allowance = select("allowance", "餐补及交通", { NONE: "无", MEALS: "提供工作餐", ALLOWANCE: "另付补贴" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("工作内容", [
    text("jobTitle", "兼职岗位", { max: 30, placeholder: "如：周末活动促销员" }),
    textarea("duties", "工作内容", { max: 500 }),
    text("workPlace", "工作地点", { max: 200 }),
    date("startDate", "开始日期", { notBefore: -30 }),
    date("endDate", "结束日期", { help: "最长3年" }),
    text("schedule", "工作时间安排", { max: 200, placeholder: "如：每周六、日 9:00–17:00" }),
  ]),
  step("劳务报酬", [
    payBasis,
    money("rate", "报酬标准", { help: "按所选计酬方式的单价或总额填写，为税前金额" }),
    text("pieceUnit", "计件单位", { max: 10, placeholder: "如：单", showWhen: { field: "payBasis", equals: "PIECE" } }),
    settleCycle,
    payMethod,
    allowance,
    text("allowanceNote", "补贴标准", { max: 100, placeholder: "如：每天交通补贴20元", showWhen: { field: "allowance", equals: "ALLOWANCE" } }),
  ]),
  step("其他约定", [
    checkbox("insurance", "用工方为兼职人员购买意外伤害保险"),
    number("noticeDays", "提前解除通知期", { min: 0, max: 30, unit: "天" }),
    checkbox("confidential", "兼职人员对工作中知悉的信息保密", { default: true }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type PartTimeFacts = {
  jobTitle: string;
  duties: string;
  workPlace: string;
  startDate: string;
  endDate: string;
  term: string;
  schedule: string;
  payBasis: Form["payBasis"];
  rateFen: number;
  pieceUnit: string;
  settleCycle: string;
  payMethod: string;
  allowance: string;
  insurance: boolean;
  noticeDays: number;
  confidential: boolean;
  otherTerms: string;
};

function rateText(x: PartTimeFacts): string {
  switch (x.payBasis) {
    case "HOURLY":
      return `每小时${cny(x.rateFen)}`;
    case "DAILY":
      return `每天${cny(x.rateFen)}`;
    case "PIECE":
      return `每${x.pieceUnit}${cny(x.rateFen)}`;
    case "FIXED":
      return `总额${cny(x.rateFen)}`;
  }
}

export const partTime = defineTemplate({
  id: "part-time",
  name: "兼职合同",
  category: "labour",
  summary: "个人之间约定兼职劳务，明确工作内容、时间、报酬和结算",
  roles: [
    { key: "EMPLOYER", label: "用工方", asMe: "我是用工方" },
    { key: "WORKER", label: "兼职人员", asMe: "我是兼职人员" },
  ],
  initiators: ["EMPLOYER", "WORKER"],
  defaultInitiator: "EMPLOYER",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), noticeDays: "3" }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { maxMonths: 36, what: "兼职期限" });
    if (e) issue(["endDate"], e);
  },
  sample: (today): Partial<Form> => ({
    jobTitle: "示例：周末活动促销员",
    duties: "在门店开展新品试吃推广，向顾客介绍产品并记录意向客户。",
    workPlace: "上海市徐汇区示例商场一层",
    startDate: isoDay(today, 2),
    endDate: isoDay(today, 60),
    schedule: "每周六、日 10:00–18:00，中间休息1小时",
    payBasis: "DAILY",
    rate: "260",
    settleCycle: "WEEKLY",
    payMethod: "WECHAT",
    allowance: "MEALS",
    insurance: true,
  }),
  facts: (f: Form): PartTimeFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      jobTitle: f.jobTitle,
      duties: f.duties,
      workPlace: f.workPlace,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      schedule: f.schedule,
      payBasis: f.payBasis,
      rateFen: fenOf(f.rate),
      pieceUnit: f.pieceUnit,
      settleCycle: labelOf(settleCycle, f.settleCycle),
      payMethod: labelOf(payMethod, f.payMethod),
      allowance: f.allowance === "ALLOWANCE" ? f.allowanceNote : f.allowance === "MEALS" ? "用工方在工作日提供工作餐" : "",
      insurance: f.insurance,
      noticeDays: numOf(f.noticeDays, 0),
      confidential: f.confidential,
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => (x.payBasis === "FIXED" ? x.rateFen : null),
  body: (x) => ({
    sections: [
      section(
        "工作内容",
        fields([
          ["兼职岗位", x.jobTitle],
          ["工作地点", x.workPlace],
          ["兼职期限", `${day(x.startDate)}至${day(x.endDate)}（共${x.term}）`],
          ["工作时间", x.schedule],
        ]),
        p(`工作内容：${x.duties}`),
      ),
      section(
        "劳务报酬",
        items([
          `劳务报酬标准为${labelOf(payBasis, x.payBasis)}计算，${rateText(x)}（税前）。`,
          `报酬${x.settleCycle}，用工方应在每个结算周期结束后3日内以${x.payMethod}方式支付，不得无故拖欠或克扣。`,
          x.allowance ? `补贴：${x.allowance}。` : null,
          "劳务报酬涉及的个人所得税，由双方依照税法规定办理。",
        ]),
      ),
      section(
        "双方关系",
        p("双方确认，兼职人员利用业余时间为用工方提供劳务，双方之间为劳务关系，不构成劳动关系；兼职人员可以同时为其他单位或个人提供劳务，但不得影响本合同的履行。"),
      ),
      section(
        "双方权利义务",
        items([
          "用工方应如实告知工作内容、工作环境及可能存在的安全风险，提供必要的工作条件和安全防护。",
          "兼职人员应按约定的时间和要求完成工作，服从合理的工作安排，爱护用工方的财物。",
          x.insurance ? "用工方应在兼职开始前为兼职人员购买意外伤害保险。" : null,
          "兼职人员在提供劳务过程中受到损害的，由双方根据各自的过错承担相应责任；兼职人员因提供劳务造成他人损害的，由用工方承担责任，用工方承担责任后可以向有故意或者重大过失的兼职人员追偿。",
          x.confidential ? "兼职人员对工作中知悉的用工方商业信息和个人信息负有保密义务，合同终止后仍应遵守。" : null,
        ]),
      ),
      section(
        "合同解除",
        items([
          x.noticeDays > 0 ? `任何一方需提前解除本合同的，应提前${x.noticeDays}日通知对方。` : "任何一方可以随时通知对方解除本合同。",
          "合同解除或期满时，用工方应在3日内结清兼职人员已提供劳务的全部报酬。",
          "一方违反本合同约定给对方造成损失的，应当赔偿损失。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

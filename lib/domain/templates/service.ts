// 服务合同: one person provides a service to another (photography, design, tutoring, repairs …):
// content and standard, period, fee and payment, acceptance, who owns the results, confidentiality.
import {
  checkbox,
  date,
  defineTemplate,
  describeTerm,
  dateOf,
  fenOf,
  isoDay,
  labelOf,
  money,
  number,
  numOf,
  PAY_METHODS,
  periodError,
  radio,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, p, section } from "./clauses";
import { compareYmd } from "../dates";

const payMethod = select("payMethod", "支付渠道", PAY_METHODS);
const ipOwner = select("ipOwner", "服务成果的知识产权", {
  NONE: "不涉及知识产权",
  CLIENT: "归委托方所有",
  PROVIDER: "归服务方所有，委托方可在约定用途内使用",
});

const steps = [
  step("服务内容", [
    text("serviceName", "服务项目", { max: 50, placeholder: "如：婚礼跟拍摄影" }),
    textarea("content", "服务内容及要求", { max: 1000, placeholder: "服务的具体内容、数量、方式和要求" }),
    text("place", "服务地点", { max: 200, placeholder: "如：线上 / 委托方指定地点" }),
    date("startDate", "服务开始日期", { notBefore: -30 }),
    date("endDate", "服务完成日期"),
    text("deliverables", "交付成果及验收标准", { max: 200, placeholder: "如：精修照片100张，原片全部交付" }),
  ]),
  step("服务费用", [
    money("fee", "服务费总额"),
    radio("feeIncludes", "费用范围", { ALL: "已包含材料、交通等全部费用", EXCLUDES: "部分费用另行结算" }),
    text("extraCosts", "另行结算的费用", { max: 200, placeholder: "如：外地差旅费按实际发生报销", showWhen: { field: "feeIncludes", equals: "EXCLUDES" } }),
    radio("paymentMode", "付款安排", { ONCE: "验收后一次性支付", ADVANCE: "预付款＋尾款" }),
    money("advance", "预付款", { showWhen: { field: "paymentMode", equals: "ADVANCE" } }),
    date("advanceDate", "预付款支付日期", { notBefore: -30, showWhen: { field: "paymentMode", equals: "ADVANCE" } }),
    number("balanceDays", "付款期限", { min: 0, max: 90, unit: "天", help: "验收合格后多少天内付清（尾款）" }),
    payMethod,
  ]),
  step("其他约定", [
    number("acceptanceDays", "验收期限", { min: 1, max: 60, unit: "天", help: "委托方收到成果后在此期限内验收" }),
    ipOwner,
    checkbox("confidential", "服务方对委托方的信息保密", { default: true }),
    number("penaltyPercent", "违约金比例", { min: 0, max: 30, unit: "%", help: "按服务费总额计算" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ServiceFacts = {
  serviceName: string;
  content: string;
  place: string;
  startDate: string;
  endDate: string;
  term: string;
  deliverables: string;
  feeFen: number;
  extraCosts: string;
  advanceFen: number;
  advanceDate: string;
  balanceDays: number;
  payMethod: string;
  acceptanceDays: number;
  ipOwner: Form["ipOwner"];
  confidential: boolean;
  penaltyPercent: number;
  otherTerms: string;
};

export const service = defineTemplate({
  id: "service",
  name: "服务合同",
  category: "trade",
  summary: "委托他人提供服务，约定服务内容、期限、费用和验收",
  roles: [
    { key: "CLIENT", label: "委托方", asMe: "我是委托方" },
    { key: "PROVIDER", label: "服务方", asMe: "我是服务方" },
  ],
  initiators: ["CLIENT", "PROVIDER"],
  defaultInitiator: "CLIENT",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), balanceDays: "3", acceptanceDays: "3", penaltyPercent: "10" }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { maxMonths: 60, what: "服务期限" });
    if (e) issue(["endDate"], e);
    if (f.paymentMode === "ADVANCE" && fenOf(f.advance) >= fenOf(f.fee) && fenOf(f.fee) > 0) issue(["advance"], "预付款应少于服务费总额");
    const adv = dateOf(f.advanceDate);
    const end = dateOf(f.endDate);
    if (f.paymentMode === "ADVANCE" && adv && end && compareYmd(adv, end) > 0)
      issue(["advanceDate"], "预付款支付日期不能晚于服务完成日期");
  },
  sample: (today): Partial<Form> => ({
    serviceName: "示例：婚礼跟拍摄影",
    content: "婚礼当天全程跟拍（约10小时），包括接亲、仪式及晚宴环节；摄影师1名。",
    place: "委托方指定的婚礼举办地（北京市朝阳区示例酒店）",
    startDate: isoDay(today, 10),
    endDate: isoDay(today, 40),
    deliverables: "精修照片100张、全部原片，通过网盘交付",
    fee: "6800",
    feeIncludes: "ALL",
    paymentMode: "ADVANCE",
    advance: "2000",
    advanceDate: isoDay(today, 1),
    payMethod: "WECHAT",
    ipOwner: "PROVIDER",
  }),
  facts: (f: Form): ServiceFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      serviceName: f.serviceName,
      content: f.content,
      place: f.place,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      deliverables: f.deliverables,
      feeFen: fenOf(f.fee),
      extraCosts: f.extraCosts,
      advanceFen: fenOf(f.advance),
      advanceDate: f.advanceDate,
      balanceDays: numOf(f.balanceDays, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      acceptanceDays: numOf(f.acceptanceDays, 0),
      ipOwner: f.ipOwner,
      confidential: f.confidential,
      penaltyPercent: numOf(f.penaltyPercent, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.feeFen,
  body: (x) => ({
    sections: [
      section(
        "服务内容",
        fields([
          ["服务项目", x.serviceName],
          ["服务地点", x.place],
          ["服务期限", `${day(x.startDate)}至${day(x.endDate)}（共${x.term}）`],
          ["交付成果及验收标准", x.deliverables],
        ]),
        p(`服务内容及要求：${x.content}`),
      ),
      section(
        "服务费用及支付",
        items([
          `服务费总额为${cny(x.feeFen)}。${x.extraCosts ? `下列费用另行结算：${x.extraCosts}。` : "该费用已包含服务方完成服务所需的材料、交通等全部费用。"}`,
          x.advanceFen > 0
            ? `委托方应于${day(x.advanceDate)}前支付预付款${cny(x.advanceFen)}；其余${cny(x.feeFen - x.advanceFen)}在服务成果验收合格后${x.balanceDays}日内付清。`
            : `委托方应在服务成果验收合格后${x.balanceDays}日内一次性支付全部服务费。`,
          `服务费以${x.payMethod}方式支付，服务方收款后应向委托方出具收款凭证。`,
        ]),
      ),
      section(
        "服务方义务",
        items([
          "服务方应按约定的内容、期限和标准亲自完成服务，未经委托方同意不得将服务转交他人完成。",
          "服务过程中遇到可能影响服务质量或进度的情况，服务方应及时告知委托方。",
          "服务方应遵守法律法规和安全规范，因服务方过错造成委托方或第三方损失的，由服务方承担。",
        ]),
      ),
      section(
        "委托方义务",
        items([
          "委托方应按约定及时提供服务所需的资料、场地和必要的配合。",
          "委托方应按约定支付服务费；因委托方原因导致服务延误的，服务期限相应顺延。",
        ]),
      ),
      section(
        "验收",
        p(`服务方交付成果后，委托方应在${x.acceptanceDays}日内按约定标准验收。不符合约定的，委托方应书面说明理由，服务方应在合理期限内修改完善；委托方在验收期限内未提出异议的，视为验收合格。`),
      ),
      x.ipOwner === "NONE"
        ? null
        : section(
            "知识产权",
            p(
              x.ipOwner === "CLIENT"
                ? "服务成果的著作权等知识产权自委托方付清服务费之日起归委托方所有，服务方享有署名权；服务方保证成果不侵犯他人合法权利。"
                : "服务成果的著作权等知识产权归服务方所有，委托方可以在约定的服务目的范围内免费使用；服务方将成果用于作品展示的，应事先征得委托方同意。服务方保证成果不侵犯他人合法权利。",
            ),
          ),
      x.confidential ? section("保密", p("服务方对在服务过程中知悉的委托方个人信息、隐私及其他未公开信息负有保密义务，不得向任何第三方披露或用于约定服务以外的目的；本义务在合同终止后继续有效。")) : null,
      section(
        "违约责任",
        items([
          `服务方逾期完成服务或服务成果经修改后仍不符合约定，致使合同目的不能实现的，委托方有权解除合同，服务方应退还已收取的费用，并支付服务费总额${x.penaltyPercent}%的违约金。`,
          `委托方逾期付款超过7日的，服务方有权暂停服务，委托方应支付服务费总额${x.penaltyPercent}%的违约金。`,
          "违约金不足以弥补守约方损失的，违约方还应赔偿损失。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

// 交通事故和解协议: after a road accident, the party liable pays agreed compensation and the other
// side settles the claim. Records the accident, the police determination (认定书 / 简易程序 / none),
// the responsibility split, itemised compensation, payment, insurance and the waiver of claims.
import { compareYmd } from "../dates";
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  fenOf,
  isoDay,
  labelOf,
  list,
  money,
  PAY_METHODS,
  PLATE_PATTERN,
  select,
  step,
  sumFen,
  text,
  textarea,
  time,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, opt, p, section, table, yuan } from "./clauses";

const MODES = { MOTOR: "机动车", NON_MOTOR: "非机动车", PEDESTRIAN: "行人" } as const;

const compensatorMode = select("compensatorMode", "赔偿方交通方式", MODES);
const claimantMode = select("claimantMode", "受偿方交通方式", MODES);
const handling = select("handling", "事故处理方式", { POLICE: "交警出具事故认定书", SIMPLE: "交警按简易程序处理", SELF: "双方自行协商（未报警）" });
const responsibility = select("responsibility", "责任划分", {
  FULL: "赔偿方负全部责任",
  MAIN: "赔偿方负主要责任，受偿方负次要责任",
  EQUAL: "双方负同等责任",
  MINOR: "赔偿方负次要责任，受偿方负主要责任",
});
const insurance = select("insurance", "保险理赔", {
  NONE: "不涉及保险理赔",
  INCLUDED: "上述赔偿已包含保险理赔款",
  SEPARATE: "赔偿方自行向保险公司理赔，不影响本协议赔偿",
});
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("事故情况", [
    date("accidentDate", "事故日期", { notAfter: 0, notBefore: -3 * 365 }),
    time("accidentTime", "事故时间"),
    text("place", "事故地点", { max: 200, placeholder: "如：北京市海淀区示例路与示例街交叉口" }),
    textarea("description", "事故经过", { max: 500 }),
    compensatorMode,
    text("compensatorPlate", "赔偿方车牌号", { max: 10, pattern: PLATE_PATTERN, showWhen: { field: "compensatorMode", equals: "MOTOR" } }),
    text("compensatorVehicle", "赔偿方车辆", { max: 50, required: false, placeholder: "品牌型号，如：示例牌轿车", showWhen: { field: "compensatorMode", oneOf: ["MOTOR", "NON_MOTOR"] } }),
    claimantMode,
    text("claimantPlate", "受偿方车牌号", { max: 10, pattern: PLATE_PATTERN, showWhen: { field: "claimantMode", equals: "MOTOR" } }),
    text("claimantVehicle", "受偿方车辆", { max: 50, required: false, showWhen: { field: "claimantMode", oneOf: ["MOTOR", "NON_MOTOR"] } }),
  ]),
  step("责任认定", [
    handling,
    text("reportNo", "认定书编号", { max: 50, showWhen: { field: "handling", oneOf: ["POLICE", "SIMPLE"] } }),
    responsibility,
    checkbox("injured", "事故造成人员受伤"),
    text("injuryNote", "受伤情况", { max: 200, placeholder: "如：受偿方左臂擦伤，已在示例医院门诊治疗", showWhen: { field: "injured", equals: true } }),
    checkbox("reserveFollowUp", "保留后续治疗及伤残赔偿的主张", { showWhen: { field: "injured", equals: true }, help: "勾选后，日后确需的后续治疗费、伤残赔偿不在一次性了结范围内" }),
  ]),
  step("赔偿及支付", [
    list("items", "赔偿项目", [text("item", "项目", { max: 30, placeholder: "如：车辆维修费" }), money("amount", "金额")], { maxRows: 20, addLabel: "添加赔偿项目" }),
    insurance,
    date("payDate", "赔偿款支付日期", { help: "不能早于事故日期" }),
    payMethod,
    text("payeeAccount", "受偿方收款账户", { max: 100, required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

type Party = { mode: string; plate: string; vehicle: string };
export type TrafficFacts = {
  accidentDate: string;
  accidentTime: string;
  place: string;
  description: string;
  compensator: Party;
  claimant: Party;
  handling: Form["handling"];
  reportNo: string;
  responsibility: string;
  injuryNote: string;
  reserveFollowUp: boolean;
  items: { item: string; fen: number }[];
  totalFen: number;
  insurance: Form["insurance"];
  payDate: string;
  payMethod: string;
  payeeAccount: string;
};

const partyOf = (mode: Form["compensatorMode"], plate: string, vehicle: string): Party => ({
  mode: MODES[mode],
  plate: plate.toUpperCase(),
  vehicle,
});
const describeParty = (x: Party) => [x.mode, x.vehicle, x.plate && `车牌号${x.plate}`].filter(Boolean).join("，");

export const trafficSettlement = defineTemplate({
  id: "traffic-settlement",
  name: "交通事故和解协议",
  category: "agreement",
  summary: "交通事故后双方协商赔偿，一次性了结",
  roles: [
    { key: "COMPENSATOR", label: "赔偿方", asMe: "我是赔偿方" },
    { key: "CLAIMANT", label: "受偿方", asMe: "我是受偿方" },
  ],
  initiators: ["COMPENSATOR", "CLAIMANT"],
  defaultInitiator: "COMPENSATOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ accidentDate: isoDay(today), payDate: isoDay(today), items: [{ item: "车辆维修费", amount: "" }] }),
  rules: (f, _ctx, issue) => {
    const accident = dateOf(f.accidentDate);
    const pay = dateOf(f.payDate);
    if (accident && pay && compareYmd(pay, accident) < 0) issue(["payDate"], "赔偿款支付日期不能早于事故日期");
    if (f.compensatorMode === "PEDESTRIAN" && f.claimantMode === "PEDESTRIAN") issue(["claimantMode"], "道路交通事故至少应有一方为车辆");
  },
  sample: (today): Partial<Form> => ({
    accidentDate: isoDay(today, -2),
    accidentTime: "08:40",
    place: "北京市海淀区示例路与示例街交叉口",
    description: "赔偿方驾车右转时未让直行车辆，与受偿方车辆左前部发生剐蹭。",
    compensatorMode: "MOTOR",
    compensatorPlate: "京A12345",
    compensatorVehicle: "示例牌轿车",
    claimantMode: "MOTOR",
    claimantPlate: "京B67890",
    claimantVehicle: "示例牌SUV",
    handling: "SIMPLE",
    reportNo: "示例110108000000",
    responsibility: "FULL",
    items: [
      { item: "车辆维修费", amount: "3200" },
      { item: "误工费", amount: "500" },
      { item: "交通费", amount: "150" },
    ],
    insurance: "NONE",
    payDate: isoDay(today, 3),
    payMethod: "BANK",
  }),
  facts: (f: Form): TrafficFacts => {
    const lines = f.items.map((r) => ({ item: r.item, fen: fenOf(r.amount) }));
    return {
      accidentDate: f.accidentDate,
      accidentTime: f.accidentTime,
      place: f.place,
      description: f.description,
      compensator: partyOf(f.compensatorMode, f.compensatorPlate, f.compensatorVehicle),
      claimant: partyOf(f.claimantMode, f.claimantPlate, f.claimantVehicle),
      handling: f.handling,
      reportNo: f.reportNo,
      responsibility: labelOf(responsibility, f.responsibility),
      injuryNote: f.injured ? f.injuryNote : "",
      reserveFollowUp: f.injured && f.reserveFollowUp,
      items: lines,
      totalFen: sumFen(lines.map((l) => l.fen)),
      insurance: f.insurance,
      payDate: f.payDate,
      payMethod: labelOf(payMethod, f.payMethod),
      payeeAccount: f.payeeAccount,
    };
  },
  headlineFen: (x) => x.totalFen,
  body: (x) => ({
    intro: [p("双方就下述道路交通事故的损害赔偿事宜，本着平等自愿、实事求是的原则，经协商一致，达成如下和解协议：")],
    sections: [
      section(
        "事故基本情况",
        fields([
          ["事故时间", `${day(x.accidentDate)} ${x.accidentTime}`],
          ["事故地点", x.place],
          ["赔偿方", describeParty(x.compensator)],
          ["受偿方", describeParty(x.claimant)],
          opt("受伤情况", x.injuryNote),
        ]),
        p(`事故经过：${x.description}`),
      ),
      section(
        "责任认定",
        p(
          `${HANDLING_PHRASE[x.handling].replace("{no}", x.reportNo)}：${x.responsibility}。`,
        ),
      ),
      section(
        "赔偿项目及金额",
        table(["赔偿项目", "金额"], [...x.items.map((i) => [i.item, yuan(i.fen)]), ["合计", yuan(x.totalFen)]]),
        p(`赔偿方向受偿方一次性支付赔偿款合计${cny(x.totalFen)}。`),
      ),
      section(
        "赔偿款支付",
        p(`赔偿方应于${day(x.payDate)}前以${x.payMethod}方式将上述赔偿款付至受偿方${x.payeeAccount ? `账户（${x.payeeAccount}）` : "指定的账户"}。受偿方收款后应出具收款凭证。`),
      ),
      section("保险理赔", p(insuranceClause(x.insurance))),
      section(
        "一次性了结",
        items([
          "本协议约定的赔偿款为本次事故给受偿方造成的车辆损失、人身损害及其他全部损失的一次性赔偿。",
          x.reserveFollowUp
            ? "赔偿方按约付清赔偿款后，受偿方不再就本次事故向赔偿方主张其他赔偿；但受偿方经医疗机构证明确需后续治疗或经鉴定构成伤残的，可就后续治疗费及伤残赔偿另行协商或依法主张。"
            : "赔偿方按约付清赔偿款后，本次事故的赔偿事宜即全部了结，受偿方不再以任何方式就本次事故向赔偿方主张其他赔偿。",
          "双方确认本协议系在充分了解事故事实和自身权利的基础上自愿达成，不存在欺诈、胁迫或乘人之危的情形。",
        ]),
      ),
      section(
        "违约责任",
        p("赔偿方未按期足额支付赔偿款的，受偿方可以要求赔偿方立即支付全部未付款项，并按全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）支付逾期利息；受偿方亦可以放弃本协议，依照事故责任向赔偿方主张赔偿。"),
      ),
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

const HANDLING_PHRASE = {
  POLICE: "本次事故经公安机关交通管理部门出具道路交通事故认定书（编号：{no}），双方对该认定无异议，确认",
  SIMPLE: "本次事故经公安机关交通管理部门按简易程序处理（编号：{no}），双方对处理结果无异议，确认",
  SELF: "本次事故未经公安机关交通管理部门处理，双方根据事故事实共同确认",
} as const;

function insuranceClause(v: TrafficFacts["insurance"]): string {
  switch (v) {
    case "NONE":
      return "本次赔偿不涉及保险理赔，由赔偿方自行承担。";
    case "INCLUDED":
      return "上述赔偿款已包含保险公司应赔付的部分。受偿方应配合赔偿方办理保险理赔手续，保险理赔款与本协议赔偿款不重复领取。";
    case "SEPARATE":
      return "赔偿方可以自行向其投保的保险公司申请理赔，受偿方应提供必要的配合；理赔结果不影响赔偿方按本协议支付赔偿款的义务。";
  }
}

// 装饰装修合同: a home owner engages a contractor (often an individual foreman) to renovate.
// Contracting mode, schedule, staged payments that add up to the price, materials, quality
// (GB 50327), structural safety (住宅室内装饰装修管理办法), acceptance and the statutory minimum
// warranty (2 years; 5 years against leaks for waterproofed rooms).
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  describeTerm,
  fenOf,
  isoDay,
  labelOf,
  list,
  money,
  number,
  numOf,
  PAY_METHODS,
  periodError,
  radio,
  region,
  select,
  step,
  sumFen,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { address, cny, day, fields, items, p, section, sentence, table, yuan } from "./clauses";

const mode = radio("mode", "承包方式", { FULL: "包工包料（全包）", HALF: "包工包辅料（半包）", LABOUR: "包清工" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("工程概况", [
    region("address", "房屋地址"),
    number("area", "建筑面积", { decimals: 2, min: 1, max: 10_000, unit: "㎡" }),
    textarea("scope", "施工内容", { max: 1000, placeholder: "如：全屋墙面翻新、厨卫改造（含防水）、铺设木地板，详见附件报价单" }),
    mode,
    text("ownerMaterials", "业主自购材料", {
      max: 200,
      placeholder: "如：瓷砖、地板、洁具、灯具",
      showWhen: { field: "mode", oneOf: ["HALF", "LABOUR"] },
    }),
  ]),
  step("工期与价款", [
    date("startDate", "开工日期", { notBefore: -30 }),
    date("endDate", "竣工日期", { help: "最长24个月" }),
    money("price", "工程总价"),
    list(
      "stages",
      "付款阶段",
      [text("name", "阶段", { max: 30, placeholder: "如：水电验收后" }), money("amount", "金额"), text("condition", "付款条件", { max: 100, required: false })],
      { maxRows: 10, addLabel: "添加付款阶段", help: "各阶段金额合计应等于工程总价" },
    ),
    payMethod,
  ]),
  step("质量与验收", [
    number("warrantyYears", "保修期", { min: 2, max: 10, unit: "年", help: "一般不少于2年；有防水要求的厨卫防渗漏不少于5年" }),
    money("delayPenaltyDaily", "逾期竣工违约金（每日）", { maxFen: 10_000_000 }),
    checkbox("wasteRemoval", "施工方负责清运装修垃圾", { default: true }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type RenovationFacts = {
  address: string;
  areaM2: number;
  scope: string;
  mode: Form["mode"];
  ownerMaterials: string;
  startDate: string;
  endDate: string;
  term: string;
  priceFen: number;
  stages: { name: string; fen: number; condition: string }[];
  payMethod: string;
  warrantyYears: number;
  delayPenaltyDailyFen: number;
  wasteRemoval: boolean;
  otherTerms: string;
};

export const renovation = defineTemplate({
  id: "renovation",
  name: "装饰装修合同",
  category: "trade",
  summary: "住宅装修，约定施工内容、工期、分期付款、验收和保修",
  roles: [
    { key: "OWNER", label: "发包方", asMe: "我是业主" },
    { key: "CONTRACTOR", label: "承包方", asMe: "我是施工方" },
  ],
  initiators: ["OWNER", "CONTRACTOR"],
  defaultInitiator: "OWNER",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({
    startDate: isoDay(today),
    warrantyYears: "2",
    stages: [
      { name: "开工前", amount: "", condition: "材料进场、开工交底后" },
      { name: "水电验收后", amount: "", condition: "隐蔽工程验收合格" },
      { name: "竣工验收后", amount: "", condition: "竣工验收合格" },
    ],
  }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { maxMonths: 24, what: "工期" });
    if (e) issue(["endDate"], e);
    const price = fenOf(f.price);
    const staged = sumFen(f.stages.map((s) => fenOf(s.amount)));
    if (price > 0 && f.stages.every((s) => fenOf(s.amount) > 0) && staged !== price)
      issue(["stages"], `各阶段金额合计${yuan(staged)}，应等于工程总价${yuan(price)}`);
  },
  sample: (today): Partial<Form> => ({
    address: { province: "广东省", city: "广州市", district: "天河区", detail: "示例路100号5栋1203房", code: "440106" },
    area: "89",
    scope: "全屋墙面铲除重刷；厨房、卫生间改造（含防水及闭水试验）；客厅卧室铺设木地板；全屋水电线路改造。",
    mode: "HALF",
    ownerMaterials: "瓷砖、木地板、洁具、灯具及橱柜",
    startDate: isoDay(today, 7),
    endDate: isoDay(today, 97),
    price: "86000",
    stages: [
      { name: "开工前", amount: "25800", condition: "材料进场、开工交底后" },
      { name: "水电验收后", amount: "34400", condition: "隐蔽工程验收合格" },
      { name: "竣工验收后", amount: "21500", condition: "竣工验收合格" },
      { name: "质保金", amount: "4300", condition: "竣工验收合格满3个月无质量问题" },
    ],
    payMethod: "BANK",
    delayPenaltyDaily: "200",
  }),
  facts: (f: Form): RenovationFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      address: address(f.address),
      areaM2: numOf(f.area),
      scope: f.scope,
      mode: f.mode,
      ownerMaterials: f.ownerMaterials,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      priceFen: fenOf(f.price),
      stages: f.stages.map((s) => ({ name: s.name, fen: fenOf(s.amount), condition: s.condition })),
      payMethod: labelOf(payMethod, f.payMethod),
      warrantyYears: numOf(f.warrantyYears, 0),
      delayPenaltyDailyFen: fenOf(f.delayPenaltyDaily),
      wasteRemoval: f.wasteRemoval,
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.priceFen,
  body: (x) => ({
    sections: [
      section(
        "工程概况",
        fields([
          ["房屋地址", x.address],
          ["建筑面积", `${x.areaM2}平方米`],
          ["承包方式", labelOf(mode, x.mode)],
          ["工期", `${day(x.startDate)}开工，${day(x.endDate)}前竣工（共${x.term}）`],
        ]),
        p(`施工内容：${x.scope}`),
      ),
      section(
        "材料供应",
        p(
          x.mode === "FULL"
            ? "全部装修材料由承包方采购。承包方应采购符合国家质量和环保标准的合格材料，主要材料的品牌、型号应经发包方确认，并保留合格证明备查。"
            : `以下材料由发包方自行采购：${sentence(x.ownerMaterials)}发包方应按施工进度及时提供，其质量由发包方负责；其余材料由承包方采购，应符合国家质量和环保标准。承包方发现发包方提供的材料不合格的，应及时告知，不得擅自使用。`,
        ),
      ),
      section(
        "工程价款及支付",
        p(`工程总价为${cny(x.priceFen)}，按以下阶段以${x.payMethod}方式支付：`),
        table(["付款阶段", "金额", "付款条件"], [...x.stages.map((s) => [s.name, yuan(s.fen), s.condition || "—"]), ["合计", yuan(sumFen(x.stages.map((s) => s.fen))), ""]]),
        p("施工中需要增减项目或变更做法的，双方应事先书面确认变更内容、价款和工期，未经确认的增项，发包方有权拒绝支付。"),
      ),
      section(
        "施工要求",
        items([
          "施工应符合《住宅装饰装修工程施工规范》（GB 50327）等国家标准及双方约定的做法。",
          "承包方不得拆改房屋承重结构和主体结构，不得破坏外墙面，不得擅自改动燃气管道和卫生间、厨房的防水层；确需改动的，应由发包方依法报批后实施。",
          "厨房、卫生间等有防水要求的部位，防水完成后应做不少于48小时的闭水试验，经发包方确认后方可进行下一道工序。",
          "水电管线等隐蔽工程在封闭前，承包方应通知发包方验收，验收合格后方可封闭。",
          "承包方应遵守物业管理规定的施工时间，文明施工，做好成品保护和消防安全；施工中发生的安全事故由承包方负责。",
          x.wasteRemoval ? "施工产生的装修垃圾由承包方负责清运到物业指定地点，费用已包含在工程总价中。" : "施工产生的装修垃圾的清运由发包方自行安排。",
        ]),
      ),
      section(
        "竣工验收",
        p("工程完工后，承包方应通知发包方验收。发包方应在接到通知之日起3日内组织验收；验收不合格的，承包方应在合理期限内返工整改，费用由承包方承担。工程未经验收或验收不合格，发包方提前入住使用的，视为对已使用部分的认可。"),
      ),
      section(
        "保修",
        p(
          `工程自竣工验收合格之日起保修${x.warrantyYears}年；有防水要求的卫生间、厨房等部位的防渗漏保修期为${Math.max(5, x.warrantyYears)}年。保修期内因施工质量造成的问题，承包方应在接到通知后48小时内响应，及时免费维修；因发包方使用不当造成的损坏除外。`,
        ),
      ),
      section(
        "违约责任",
        items([
          `因承包方原因逾期竣工的，每逾期一日，承包方应向发包方支付违约金${cny(x.delayPenaltyDailyFen)}；因发包方原因（如材料供应不及时、变更设计）造成工期延误的，工期相应顺延。`,
          "发包方逾期支付工程款的，承包方可以暂停施工，工期相应顺延；逾期超过15日的，承包方有权解除本合同并要求结算已完成部分的工程款。",
          "因施工质量问题或违规施工给发包方、相邻住户或物业造成损失的，由承包方赔偿。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "property", what: "房屋" } },
  }),
});

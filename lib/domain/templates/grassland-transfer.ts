// 草场流转合同: a herder household with contracted grassland lets another operator use it. Follows
// the Rural Land Contracting Law (the term may not exceed what is left of the contract, art. 38;
// use stays agricultural; the transfer is filed with the collective, art. 36) and the Grassland Law
// (grass–livestock balance and carrying capacity, no cultivation, grazing bans and rest periods,
// fire prevention). Terms run in whole years, matching grazing and mowing seasons.
import { addDays, compareYmd } from "../dates";
import {
  addMonths,
  date,
  dateOf,
  defineTemplate,
  fenOf,
  isoDay,
  isoTermEnd,
  labelOf,
  lineTotalFen,
  money,
  number,
  numOf,
  PAY_METHODS,
  radio,
  region,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { address, cny, day, fields, items, opt, p, section, table } from "./clauses";

export const GRASSLAND_MAX_YEARS = 30;

const purpose = select("purpose", "流转用途", { GRAZING: "放牧", MOWING: "打草", BOTH: "放牧和打草" });
const payment = radio("payment", "流转费支付方式", { YEARLY: "按年支付", ONCE: "一次性支付" });
const subsidyTo = select("subsidyTo", "草原生态补奖资金归属", { TRANSFEROR: "归流出方", TRANSFEREE: "归流入方", SPLIT: "按约定比例分配" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("草场信息", [
    region("location", "草场位置", { help: "详细地址填写嘎查（村）、地块名称" }),
    number("area", "流转面积", { decimals: 2, min: 0.01, max: 1_000_000, unit: "亩" }),
    text("east", "东至", { max: 50 }),
    text("south", "南至", { max: 50 }),
    text("west", "西至", { max: 50 }),
    text("north", "北至", { max: 50 }),
    text("certificateNo", "草原承包经营权证号", { max: 50, required: false }),
    text("grassType", "草场类型", { max: 50, required: false, placeholder: "如：温性典型草原" }),
    text("facilities", "附属设施", { max: 200, required: false, placeholder: "如：网围栏约3公里、机井1眼、棚圈1座" }),
  ]),
  step("用途与期限", [
    purpose,
    number("capacity", "核定载畜量", { min: 1, max: 1_000_000, unit: "羊单位", required: false, help: "以草畜平衡责任书为准", showWhen: { field: "purpose", oneOf: ["GRAZING", "BOTH"] } }),
    date("contractEnd", "承包期届满日期", { notBefore: 1, help: "流转期限不得超过承包期的剩余期限" }),
    date("startDate", "流转开始日期", { notBefore: -30 }),
    date("endDate", "流转结束日期", { help: "按整年计算，最长30年" }),
  ]),
  step("流转费用", [
    money("pricePerMu", "流转费单价", { unit: "元/亩·年", maxFen: 1_000_000 }),
    payment,
    text("yearlyDue", "每年支付时间", { max: 50, placeholder: "如：每年5月1日前支付当年流转费", showWhen: { field: "payment", equals: "YEARLY" } }),
    date("onceDate", "一次性支付日期", { notBefore: -30, showWhen: { field: "payment", equals: "ONCE" } }),
    payMethod,
    subsidyTo,
    text("subsidySplit", "分配比例", { max: 100, placeholder: "如：流出方60%，流入方40%", showWhen: { field: "subsidyTo", equals: "SPLIT" } }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type GrasslandFacts = {
  location: string;
  areaMu: string;
  bounds: [string, string][];
  certificateNo: string;
  grassType: string;
  facilities: string;
  purpose: Form["purpose"];
  capacity: number;
  contractEnd: string;
  startDate: string;
  endDate: string;
  years: number;
  priceFen: number;
  annualFen: number;
  totalFen: number;
  payment: Form["payment"];
  yearlyDue: string;
  onceDate: string;
  payMethod: string;
  subsidy: string;
  otherTerms: string;
};

/** Whole years from start to end (inclusive), or null when the end is not an anniversary eve. */
export function wholeYears(start: string, end: string): number | null {
  const s = dateOf(start);
  const e = dateOf(end);
  if (!s || !e) return null;
  for (let y = 1; y <= GRASSLAND_MAX_YEARS + 1; y++) {
    const last = addDays(addMonths(s, 12 * y), -1);
    const c = compareYmd(e, last);
    if (c === 0) return y;
    if (c < 0) return null;
  }
  return null;
}

export const grasslandTransfer = defineTemplate({
  id: "grassland-transfer",
  name: "草场流转合同",
  category: "lease",
  summary: "承包草场出租（转包）给他人放牧或打草，约定面积、期限和流转费",
  roles: [
    { key: "TRANSFEROR", label: "流出方", asMe: "我是承包方（流出方）" },
    { key: "TRANSFEREE", label: "流入方", asMe: "我是流入方" },
  ],
  initiators: ["TRANSFEROR", "TRANSFEREE"],
  defaultInitiator: "TRANSFEROR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today) }),
  rules: (f, _ctx, issue) => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    const contractEnd = dateOf(f.contractEnd);
    if (start && end) {
      const years = wholeYears(f.startDate, f.endDate);
      if (compareYmd(end, start) < 0) issue(["endDate"], "结束日期不能早于开始日期");
      else if (years === null) issue(["endDate"], "流转期限按整年计算，结束日期应为开始日期满N年的前一天");
      else if (years > GRASSLAND_MAX_YEARS) issue(["endDate"], `流转期限最长${GRASSLAND_MAX_YEARS}年`);
      if (contractEnd && compareYmd(end, contractEnd) > 0) issue(["endDate"], "流转期限不得超过承包期的剩余期限");
    }
    if (start && contractEnd && compareYmd(start, contractEnd) >= 0) issue(["startDate"], "流转开始日期应早于承包期届满日期");
  },
  sample: (today): Partial<Form> => {
    const start = isoDay(today, 20);
    return {
      location: { province: "内蒙古自治区", city: "锡林郭勒盟", district: "锡林浩特市", detail: "朝克乌拉苏木示例嘎查北山地块", code: "152502" },
      area: "1200",
      east: "示例嘎查公用道路",
      south: "巴特尔家草场",
      west: "季节性河道",
      north: "网围栏",
      certificateNo: "示例（2018）第000123号",
      grassType: "温性典型草原",
      facilities: "网围栏约3公里、机井1眼",
      purpose: "BOTH",
      capacity: "300",
      contractEnd: isoDay(today, 365 * 15),
      startDate: start,
      endDate: isoTermEnd(start, 60),
      pricePerMu: "18",
      payment: "YEARLY",
      yearlyDue: "每年5月1日前支付当年流转费",
      payMethod: "BANK",
      subsidyTo: "TRANSFEROR",
    };
  },
  facts: (f: Form): GrasslandFacts => {
    const priceFen = fenOf(f.pricePerMu);
    const annualFen = lineTotalFen(priceFen, f.area);
    const years = wholeYears(f.startDate, f.endDate) ?? 0;
    return {
      location: address(f.location),
      areaMu: f.area,
      bounds: [
        ["东至", f.east],
        ["南至", f.south],
        ["西至", f.west],
        ["北至", f.north],
      ],
      certificateNo: f.certificateNo,
      grassType: f.grassType,
      facilities: f.facilities,
      purpose: f.purpose,
      capacity: numOf(f.capacity, 0),
      contractEnd: f.contractEnd,
      startDate: f.startDate,
      endDate: f.endDate,
      years,
      priceFen,
      annualFen,
      totalFen: annualFen * years,
      payment: f.payment,
      yearlyDue: f.yearlyDue,
      onceDate: f.onceDate,
      payMethod: labelOf(payMethod, f.payMethod),
      subsidy: f.subsidyTo === "SPLIT" ? `由双方按以下比例分配：${f.subsidySplit}` : labelOf(subsidyTo, f.subsidyTo),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.totalFen,
  body: (x) => ({
    intro: [p("流出方依法取得下列草场的承包经营权。为合理利用草原资源，双方经协商一致，就草场经营权流转事宜订立本合同。")],
    sections: [
      section(
        "流转草场",
        fields([
          ["草场位置", x.location],
          ["流转面积", `${x.areaMu}亩`],
          opt("草原承包经营权证号", x.certificateNo),
          opt("草场类型", x.grassType),
          opt("附属设施", x.facilities),
        ]),
        table(["四至", "界线"], x.bounds.map(([k, v]) => [k, v])),
        p("流出方保证上述草场承包经营权权属清楚，不存在权属争议、抵押或被征收等影响流转的情形；涉及家庭其他成员权益的，已取得其同意。"),
      ),
      section(
        "流转方式和用途",
        items([
          "流出方以出租（转包）方式将上述草场的经营权流转给流入方，流转后流出方与发包方之间的承包关系不变。",
          `流入方利用草场从事${labelOf(purpose, x.purpose)}，不得改变草原的所有权性质和农牧业用途，不得开垦草原或用于非农牧业建设。`,
          x.purpose !== "MOWING" && x.capacity > 0
            ? `流入方应遵守草畜平衡规定，放养牲畜不得超过核定载畜量${x.capacity}个羊单位。`
            : x.purpose !== "MOWING"
              ? "流入方应遵守草畜平衡规定，放养牲畜不得超过当地核定的载畜量。"
              : "流入方应适时适度打草，保留必要的留茬高度，保障草场再生。",
        ]),
      ),
      section(
        "流转期限",
        p(`流转期限为${x.years}年，自${day(x.startDate)}起至${day(x.endDate)}止。流出方的承包期至${day(x.contractEnd)}届满，流转期限未超过承包期的剩余期限。`),
      ),
      section(
        "流转费及支付",
        items([
          `流转费为每亩每年${cny(x.priceFen)}，每年流转费为${cny(x.annualFen)}，${x.years}年合计${cny(x.totalFen)}。`,
          x.payment === "YEARLY"
            ? `流转费按年支付：${x.yearlyDue}，以${x.payMethod}方式支付。首年流转费于流转开始前付清。`
            : `流入方应于${day(x.onceDate)}前以${x.payMethod}方式一次性付清全部流转费。`,
          `国家发放的草原生态保护补助奖励资金${x.subsidy}；其他与承包经营权相关的补贴，除双方另有约定外，归流出方所有。`,
        ]),
      ),
      section(
        "草原保护与利用",
        items([
          "流入方应遵守《中华人民共和国草原法》及当地禁牧、休牧、轮牧的规定，在禁牧期、休牧期内不得放牧。",
          "流入方不得在草场内采土、采砂、采石，不得滥挖甘草、麻黄等野生植物，不得倾倒废弃物。",
          "流入方应做好草原防火工作，配合开展鼠虫害防治，发现火情或灾害应立即报告并采取措施。",
          "未经流出方同意并依法批准，流入方不得在草场上修建永久性建筑；经同意修建的临时设施，合同期满时由双方协商处理。",
        ]),
      ),
      section(
        "双方权利义务",
        items([
          "流出方应自本合同签订之日起30日内向发包方（嘎查或村集体经济组织）备案，并按约定时间将草场及附属设施交付流入方。",
          "流出方不得干涉流入方依法进行的正常生产经营活动。",
          "流入方应按约支付流转费，合理利用草场并保持草场的生产能力；未经流出方书面同意并向发包方备案，流入方不得将草场经营权再流转。",
          "流转期满后，流出方继续流转该草场的，流入方在同等条件下享有优先权。期满时流入方应将草场及附属设施完好交还。",
          "草场在流转期间被依法征收、征用的，土地补偿费归承包方；地上附着物和青苗补偿费归其实际所有者，流入方的投入按实际情况给予补偿。",
        ]),
      ),
      section(
        "合同解除及违约责任",
        items([
          "流入方擅自改变草原用途、开垦草原、严重超载过牧或给草原造成严重损害的，流出方有权解除本合同，并要求流入方恢复草原植被、赔偿损失。",
          "流入方逾期支付流转费超过30日的，流出方有权解除本合同，并要求支付已使用期间的流转费。",
          "流出方未按约交付草场或干涉流入方正常经营的，流入方有权要求其改正，并赔偿由此造成的损失。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "land" } },
  }),
});

// 家政服务合同: a household engages a domestic worker directly (保洁、做饭、照护老人、育儿、月嫂).
// Between individuals this is a labour-service relationship: injuries follow Civil Code art. 1192,
// and the contract covers live-in arrangements, rest days, health certificate and privacy.
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
  radio,
  region,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { address, cny, day, fields, items, opt, p, section } from "./clauses";

const serviceType = select("serviceType", "服务类型", {
  CLEANING: "日常保洁",
  COOKING: "做饭",
  ELDER_CARE: "照护老人",
  CHILD_CARE: "照看儿童",
  MATERNITY: "母婴护理（月嫂）",
  GENERAL: "综合家务",
});
const liveIn = radio("liveIn", "住家方式", { DAY: "不住家", LIVE_IN: "住家" });
const wageBasis = radio("wageBasis", "计酬方式", { MONTHLY: "按月", HOURLY: "按小时" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("服务内容", [
    serviceType,
    textarea("duties", "具体工作内容", { max: 500, placeholder: "如：每日打扫客厅、卧室和厨卫，准备午餐和晚餐" }),
    region("address", "服务地址"),
    liveIn,
    text("schedule", "工作时间", { max: 100, placeholder: "如：周一至周五 8:00–17:00" }),
    number("restDays", "每月休息天数", { min: 0, max: 15, unit: "天", showWhen: { field: "liveIn", equals: "LIVE_IN" } }),
    text("accommodation", "住宿条件", { max: 100, placeholder: "如：提供独立房间", showWhen: { field: "liveIn", equals: "LIVE_IN" } }),
  ]),
  step("期限与报酬", [
    date("startDate", "开始日期", { notBefore: -30 }),
    date("endDate", "结束日期", { help: "最长5年" }),
    number("probationDays", "试工期", { min: 0, max: 30, unit: "天", help: "试工期内任何一方可提前1天通知解除" }),
    wageBasis,
    money("wage", "服务报酬", { help: "按月填写月报酬，按小时填写每小时报酬" }),
    number("payDay", "每月发放日", { min: 1, max: 31, unit: "日", showWhen: { field: "wageBasis", equals: "MONTHLY" } }),
    payMethod,
  ]),
  step("其他约定", [
    checkbox("healthCert", "家政服务员提供健康证明", { default: true }),
    checkbox("meals", "雇主提供工作餐"),
    checkbox("insurance", "雇主为家政服务员购买意外伤害保险"),
    number("noticeDays", "提前解除通知期", { min: 0, max: 60, unit: "天" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type HousekeepingFacts = {
  serviceType: string;
  duties: string;
  address: string;
  liveIn: boolean;
  schedule: string;
  restDays: number;
  accommodation: string;
  startDate: string;
  endDate: string;
  term: string;
  probationDays: number;
  monthly: boolean;
  wageFen: number;
  payDay: number;
  payMethod: string;
  healthCert: boolean;
  meals: boolean;
  insurance: boolean;
  noticeDays: number;
  otherTerms: string;
};

export const housekeeping = defineTemplate({
  id: "housekeeping",
  name: "家政服务合同",
  category: "labour",
  summary: "雇请保洁、做饭、照护老人或育儿等家政服务人员",
  roles: [
    { key: "EMPLOYER", label: "雇主", asMe: "我是雇主" },
    { key: "HOUSEKEEPER", label: "家政服务员", asMe: "我是家政服务员" },
  ],
  initiators: ["EMPLOYER", "HOUSEKEEPER"],
  defaultInitiator: "EMPLOYER",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), probationDays: "3", payDay: "5", restDays: "4", noticeDays: "7" }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { maxMonths: 60, what: "服务期限" });
    if (e) issue(["endDate"], e);
  },
  sample: (today): Partial<Form> => ({
    serviceType: "ELDER_CARE",
    duties: "照顾示例家庭80岁老人的日常起居，协助用餐、服药和散步；负责午餐、晚餐及日常保洁。",
    address: { province: "浙江省", city: "杭州市", district: "西湖区", detail: "示例路66号3单元502室", code: "330106" },
    liveIn: "LIVE_IN",
    schedule: "每天7:00–20:00，午间休息2小时",
    restDays: "4",
    accommodation: "提供独立房间及日常生活用品",
    startDate: isoDay(today, 3),
    endDate: isoDay(today, 367),
    wage: "7500",
    payMethod: "BANK",
    meals: true,
    insurance: true,
  }),
  facts: (f: Form): HousekeepingFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      serviceType: labelOf(serviceType, f.serviceType),
      duties: f.duties,
      address: address(f.address),
      liveIn: f.liveIn === "LIVE_IN",
      schedule: f.schedule,
      restDays: numOf(f.restDays, 0),
      accommodation: f.accommodation,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      probationDays: numOf(f.probationDays, 0),
      monthly: f.wageBasis === "MONTHLY",
      wageFen: fenOf(f.wage),
      payDay: numOf(f.payDay, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      healthCert: f.healthCert,
      meals: f.meals,
      insurance: f.insurance,
      noticeDays: numOf(f.noticeDays, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => (x.monthly ? x.wageFen : null),
  body: (x) => ({
    sections: [
      section(
        "服务内容",
        fields([
          ["服务类型", x.serviceType],
          ["服务地址", x.address],
          ["住家方式", x.liveIn ? "住家" : "不住家"],
          ["工作时间", x.schedule],
          x.liveIn && ["每月休息", `${x.restDays}天`],
          opt("住宿条件", x.accommodation),
        ]),
        p(`具体工作内容：${x.duties}`),
      ),
      section(
        "服务期限",
        p(
          `服务期限自${day(x.startDate)}起至${day(x.endDate)}止，共${x.term}。${x.probationDays > 0 ? `其中前${x.probationDays}天为试工期，试工期内任何一方可以提前1天通知对方解除本合同，雇主按实际服务天数支付报酬。` : ""}`,
        ),
      ),
      section(
        "服务报酬",
        items([
          x.monthly
            ? `服务报酬为每月${cny(x.wageFen)}，雇主应于每月${x.payDay}日前以${x.payMethod}方式支付上月报酬；不满一个月的，按实际服务天数折算。`
            : `服务报酬为每小时${cny(x.wageFen)}，按实际服务时长计算，雇主应在每次服务结束后以${x.payMethod}方式结清。`,
          "雇主需要家政服务员在约定时间以外工作的，应事先协商并另行支付报酬。",
          x.meals ? "雇主在工作期间为家政服务员提供工作餐。" : null,
        ]),
      ),
      section(
        "雇主的权利义务",
        items([
          "雇主应如实告知家庭成员情况、服务对象的健康状况及特殊护理要求。",
          "雇主应尊重家政服务员的人格尊严，不得打骂、侮辱，不得扣押其身份证件或财物。",
          "雇主应提供安全的工作条件和必要的劳动用品，保证约定的休息时间。",
          x.insurance ? "雇主应在服务开始前为家政服务员购买意外伤害保险。" : null,
        ]),
      ),
      section(
        "家政服务员的权利义务",
        items([
          x.healthCert ? "家政服务员应在上岗前向雇主出示有效的健康证明。" : null,
          "家政服务员应按约定的内容和标准认真提供服务，照护老人、儿童或产妇时应尽到谨慎注意义务，发现异常情况应立即告知雇主。",
          "家政服务员应爱护雇主的财物，未经允许不得擅自使用或带走雇主物品，不得带他人进入服务场所。",
          "家政服务员应保护雇主家庭的隐私，不得对外披露雇主的家庭住址、成员情况、财务状况等信息，不得擅自拍摄或传播雇主家庭的影像；本义务在合同终止后继续有效。",
        ]),
      ),
      section(
        "损害责任",
        p("家政服务员在提供服务过程中自身受到损害的，由双方根据各自的过错承担相应责任；家政服务员因提供服务造成他人损害的，由雇主承担责任，雇主承担责任后可以向有故意或者重大过失的家政服务员追偿。家政服务员故意或者因重大过失造成雇主人身、财产损失的，应当赔偿。"),
      ),
      section(
        "合同解除",
        items([
          `${x.probationDays > 0 ? "试工期满后，" : ""}任何一方需提前解除本合同的，应提前${x.noticeDays}日通知对方；雇主应结清至解除之日的报酬。`,
          "一方有打骂侮辱、盗窃财物、虐待服务对象等严重过错的，另一方可以立即解除本合同，并要求赔偿损失。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

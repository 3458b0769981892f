// 物品租赁合同: movable things let for a while (equipment, camera, tools, event gear). The item
// list carries each item's agreed value, which fixes the compensation for loss; the lessee keeps
// the items with care (Civil Code art. 714) and returns them in the condition received.
import {
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
  select,
  step,
  sumFen,
  text,
  textarea,
  lineTotalFen,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, opt, p, section, table, yuan } from "./clauses";

const rentBasis = select("rentBasis", "租金计算方式", { DAILY: "按日", MONTHLY: "按月", TOTAL: "租期总价" });
const payTiming = select("payTiming", "租金支付时间", { PREPAID: "交付时一次性付清", ON_RETURN: "归还时结清", MONTHLY: "按月支付" });
const deliveryMethod = select("deliveryMethod", "交付方式", { PICKUP: "承租方自提", DELIVERED: "出租方送达" });
const maintenance = select("maintenance", "日常维护保养", { LESSEE: "由承租方负责", LESSOR: "由出租方负责" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("租赁物品", [
    list(
      "items",
      "租赁物品",
      [
        text("name", "物品名称", { max: 50, placeholder: "如：单反相机" }),
        text("spec", "品牌型号", { max: 50, required: false }),
        number("quantity", "数量", { min: 1, max: 9999 }),
        money("value", "单件价值", { help: "丢失或损毁时的赔偿依据" }),
        text("condition", "现状", { max: 30, required: false, placeholder: "如：九成新" }),
      ],
      { addLabel: "添加物品" },
    ),
    text("purpose", "租赁用途", { max: 100, placeholder: "如：婚礼现场拍摄" }),
    text("usePlace", "使用地点", { max: 100, required: false }),
  ]),
  step("租期与租金", [
    date("startDate", "租赁开始日期", { notBefore: -30 }),
    date("endDate", "租赁结束日期"),
    rentBasis,
    money("rent", "租金"),
    payTiming,
    number("payDay", "每月付款日", { min: 1, max: 31, unit: "日", showWhen: { field: "payTiming", equals: "MONTHLY" } }),
    payMethod,
    money("deposit", "押金", { required: false, help: "不收押金请留空" }),
    number("depositReturnDays", "押金退还期限", { min: 0, max: 30, unit: "天", showWhen: { field: "deposit", filled: true } }),
  ]),
  step("交付与归还", [
    deliveryMethod,
    text("deliveryPlace", "交付地点", { max: 200 }),
    text("returnPlace", "归还地点", { max: 200 }),
    maintenance,
    money("lateFeeDaily", "逾期归还每日费用", { required: false, help: "留空则按日租金计算" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ItemLeaseFacts = {
  items: { name: string; spec: string; quantity: number; valueFen: number; condition: string }[];
  totalValueFen: number;
  purpose: string;
  usePlace: string;
  startDate: string;
  endDate: string;
  term: string;
  rentBasis: Form["rentBasis"];
  rentFen: number;
  payTiming: string;
  payDay: number;
  payMethod: string;
  depositFen: number;
  depositReturnDays: number;
  delivered: boolean;
  deliveryPlace: string;
  returnPlace: string;
  maintenanceByLessee: boolean;
  lateFeeDailyFen: number;
  otherTerms: string;
};

const RENT_PHRASE = { DAILY: "每日", MONTHLY: "每月", TOTAL: "租期内总计" } as const;

export const itemLease = defineTemplate({
  id: "item-lease",
  name: "物品租赁合同",
  category: "lease",
  summary: "出租设备、器材等物品，约定租期、租金、押金和损坏赔偿",
  roles: [
    { key: "LESSOR", label: "出租方", asMe: "我是出租方" },
    { key: "LESSEE", label: "承租方", asMe: "我是承租方" },
  ],
  initiators: ["LESSOR", "LESSEE"],
  defaultInitiator: "LESSOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), depositReturnDays: "3" }),
  rules: (f, _ctx, issue) => {
    // Civil Code art. 705 limits every lease, not only houses, to 20 years.
    const e = periodError(f.startDate, f.endDate, { maxMonths: 240, what: "租期" });
    if (e) issue(["endDate"], e);
  },
  sample: (today): Partial<Form> => ({
    items: [
      { name: "示例单反相机", spec: "全画幅机身", quantity: "1", value: "12000", condition: "九成新" },
      { name: "镜头", spec: "24-70mm", quantity: "1", value: "8000", condition: "" },
    ],
    purpose: "婚礼现场拍摄",
    usePlace: "南京市玄武区",
    startDate: isoDay(today, 1),
    endDate: isoDay(today, 3),
    rentBasis: "DAILY",
    rent: "300",
    payTiming: "PREPAID",
    payMethod: "WECHAT",
    deposit: "5000",
    deliveryMethod: "PICKUP",
    deliveryPlace: "南京市玄武区示例路9号出租方住处",
    returnPlace: "南京市玄武区示例路9号出租方住处",
    maintenance: "LESSOR",
  }),
  facts: (f: Form): ItemLeaseFacts => {
    const list = f.items.map((i) => ({ name: i.name, spec: i.spec, quantity: numOf(i.quantity, 0), valueFen: fenOf(i.value), condition: i.condition }));
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      items: list,
      totalValueFen: sumFen(f.items.map((i) => lineTotalFen(fenOf(i.value), i.quantity, 0))),
      purpose: f.purpose,
      usePlace: f.usePlace,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      rentBasis: f.rentBasis,
      rentFen: fenOf(f.rent),
      payTiming: labelOf(payTiming, f.payTiming),
      payDay: numOf(f.payDay, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      depositFen: fenOf(f.deposit),
      depositReturnDays: numOf(f.depositReturnDays, 0),
      delivered: f.deliveryMethod === "DELIVERED",
      deliveryPlace: f.deliveryPlace,
      returnPlace: f.returnPlace,
      maintenanceByLessee: f.maintenance === "LESSEE",
      lateFeeDailyFen: fenOf(f.lateFeeDaily),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.rentFen,
  body: (x) => ({
    sections: [
      section(
        "租赁物品",
        table(
          ["物品名称", "品牌型号", "数量", "单件价值", "现状"],
          x.items.map((i) => [i.name, i.spec || "—", String(i.quantity), yuan(i.valueFen), i.condition || "—"]),
        ),
        p(`上述物品的约定价值合计${cny(x.totalValueFen)}。出租方保证对租赁物品享有合法的所有权或处分权，物品在交付时性能完好、可正常使用。`),
      ),
      section("租赁用途", fields([["租赁用途", x.purpose], opt("使用地点", x.usePlace)]), p("承租方应按约定的用途使用物品，未经出租方同意不得转租、转借或用于抵押、质押。")),
      section("租赁期限", p(`租赁期限自${day(x.startDate)}起至${day(x.endDate)}止，共${x.term}。`)),
      section(
        "租金及押金",
        items([
          `租金为${RENT_PHRASE[x.rentBasis]}${cny(x.rentFen)}，${x.payDay ? `按月支付，承租方应于每月${x.payDay}日前支付当月租金` : x.payTiming}，以${x.payMethod}方式支付。`,
          x.depositFen > 0
            ? `承租方在物品交付时支付押金${cny(x.depositFen)}；物品按约归还并经出租方查验无损坏的，出租方应在${x.depositReturnDays}日内无息退还押金。押金可以用于抵扣承租方应付的租金、赔偿款。`
            : "本合同不收取押金。",
        ]),
      ),
      section(
        "交付与归还",
        items([
          x.delivered ? `出租方应于${day(x.startDate)}将物品送至${x.deliveryPlace}。` : `承租方应于${day(x.startDate)}到${x.deliveryPlace}自行提取物品。`,
          "交付时双方应共同清点、试用物品，并可以拍照或录像留存物品现状。",
          `租期届满时，承租方应将物品归还至${x.returnPlace}，物品应保持交付时的状态，正常使用造成的损耗除外。`,
          `承租方逾期归还的，每逾期一日应支付${x.lateFeeDailyFen > 0 ? cny(x.lateFeeDailyFen) : "相当于日租金标准的费用"}。`,
        ]),
      ),
      section(
        "维护与损坏赔偿",
        items([
          x.maintenanceByLessee ? "租赁期间物品的日常维护保养由承租方负责。" : "租赁期间物品的日常维护保养由出租方负责，承租方发现故障应及时通知出租方。",
          "物品因自然老化或非承租方原因出现故障的，由出租方负责维修或更换，维修期间的租金相应扣减。",
          "承租方保管不善或使用不当造成物品损坏、丢失的，应负责修复或按上表所列价值赔偿。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

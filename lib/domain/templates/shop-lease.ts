// 商铺租赁合同: a shop or street-front unit let for business. Beyond a house lease it carries the
// business use, a rent-free fit-out period, yearly rent increase, business licence registration,
// fit-out and restoration, signage and fire safety; term ≤ 20 years (Civil Code art. 705).
import { compareYmd } from "../dates";
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  describeTerm,
  fenOf,
  isoDay,
  isoTermEnd,
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
  daysInclusive,
  type FormOf,
} from "./engine";
import { address, cny, day, fields, items, opt, p, section } from "./clauses";
import { costBlocks, costRow, costTable, CYCLE_MONTHS, CYCLE_PHRASE, duplicateCostItem, payCycle, type Bearer } from "./rental";

const payMethod = select("payMethod", "租金支付方式", PAY_METHODS);
const restore = radio("restoreOnExit", "期满时装修处理", { RESTORE: "承租方恢复原状", LEAVE: "装修无偿留归出租方，无需恢复原状" }, { showWhen: { field: "fitOutAllowed", equals: true } });

const steps = [
  step("商铺信息", [
    region("address", "商铺地址"),
    text("unitNo", "楼层及铺位号", { max: 50, required: false, placeholder: "如：一层A-12号" }),
    number("area", "建筑面积", { decimals: 2, min: 1, max: 100_000, unit: "㎡" }),
    text("businessUse", "经营用途", { max: 100, placeholder: "如：餐饮（轻食咖啡）" }),
    text("certificateNo", "不动产权证号", { max: 50, required: false }),
    text("handoverState", "交付状况", { max: 200, placeholder: "如：水电到位，墙面地面为毛坯，已具备排烟条件" }),
    checkbox("licenseSupport", "出租方配合办理营业执照等证照", { default: true }),
  ]),
  step("租期与租金", [
    date("startDate", "起租日期", { notBefore: -30 }),
    date("endDate", "到期日期", { help: "租期至少1个月，最长20年" }),
    number("rentFreeDays", "免租装修期", { min: 0, max: 180, unit: "天", help: "从起租日起算，免租期内不收租金，其他费用照常承担" }),
    money("rent", "月租金", { unit: "元/月", maxFen: 1_000_000_000 }),
    radio("increase", "租金调整", { NONE: "租期内不递增", YEARLY: "每年按比例递增" }),
    number("increasePercent", "年递增率", {
      decimals: 1,
      min: 0.1,
      max: 20,
      unit: "%",
      help: "自第二个租赁年度起按上一年度租金递增",
      showWhen: { field: "increase", equals: "YEARLY" },
    }),
    payCycle,
    number("payDay", "每期付款日", { min: 1, max: 31, unit: "日" }),
    payMethod,
    money("deposit", "租赁保证金", { maxFen: 1_000_000_000, help: "通常为2–3个月租金" }),
    number("depositReturnDays", "保证金退还期限", { min: 1, max: 90, unit: "天" }),
    costTable("costs"),
  ]),
  step("经营约定", [
    date("handoverDate", "交铺日期", { notBefore: -30 }),
    checkbox("fitOutAllowed", "允许承租方装修改造", { default: true }),
    restore,
    checkbox("subletAllowed", "允许承租方转租或转让经营"),
    number("earlyNoticeDays", "提前解约通知期", { min: 0, max: 180, unit: "天" }),
    number("earlyPenaltyMonths", "提前解约违约金", { min: 0, max: 12, unit: "个月租金" }),
    number("renewalNoticeDays", "续租提前通知期", { min: 0, max: 180, unit: "天" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ShopLeaseFacts = {
  address: string;
  unitNo: string;
  areaM2: number;
  businessUse: string;
  certificateNo: string;
  handoverState: string;
  licenseSupport: boolean;
  startDate: string;
  endDate: string;
  term: string;
  rentFreeDays: number;
  rentFen: number;
  increasePercent: number;
  cycle: Form["payCycle"];
  payDay: number;
  payMethod: string;
  depositFen: number;
  depositReturnDays: number;
  costs: { item: string; bearer: Bearer; note: string }[];
  handoverDate: string;
  fitOutAllowed: boolean;
  restoreOnExit: boolean;
  subletAllowed: boolean;
  earlyNoticeDays: number;
  earlyPenaltyMonths: number;
  renewalNoticeDays: number;
  otherTerms: string;
};

export const DEFAULT_SHOP_COSTS = [
  costRow("水费", "TENANT"),
  costRow("电费", "TENANT"),
  costRow("燃气费", "TENANT"),
  costRow("物业管理费", "TENANT"),
  costRow("垃圾清运费", "TENANT"),
  costRow("房产税等出租税费", "LANDLORD", "依法由出租方缴纳"),
];

export const shopLease = defineTemplate({
  id: "shop-lease",
  name: "商铺租赁合同",
  category: "lease",
  summary: "出租商铺用于经营，约定免租期、租金递增、证照办理和装修",
  roles: [
    { key: "LANDLORD", label: "出租方", asMe: "我是业主" },
    { key: "TENANT", label: "承租方", asMe: "我是商户" },
  ],
  initiators: ["LANDLORD", "TENANT"],
  defaultInitiator: "LANDLORD",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({
    startDate: isoDay(today),
    handoverDate: isoDay(today),
    rentFreeDays: "0",
    payDay: "1",
    depositReturnDays: "15",
    costs: DEFAULT_SHOP_COSTS.map((r) => ({ ...r })),
    earlyNoticeDays: "60",
    earlyPenaltyMonths: "2",
    renewalNoticeDays: "60",
  }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { minMonths: 1, maxMonths: 240, what: "租期" });
    if (e) issue(["endDate"], e === "租期最长20年" ? "租期最长20年（《民法典》第七百零五条）" : e);
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    const handover = dateOf(f.handoverDate);
    if (handover && start && compareYmd(handover, start) > 0) issue(["handoverDate"], "交铺日期不能晚于起租日期");
    if (start && end && !e && numOf(f.rentFreeDays, 0) >= daysInclusive(start, end)) issue(["rentFreeDays"], "免租期应短于租期");
    const dup = duplicateCostItem(f.costs);
    if (dup !== null) issue(["costs", dup, "item"], "费用项目重复");
  },
  sample: (today): Partial<Form> => {
    const start = isoDay(today, 15);
    return {
      address: { province: "四川省", city: "成都市", district: "锦江区", detail: "示例街18号", code: "510104" },
      unitNo: "一层临街A-12号",
      area: "56",
      businessUse: "餐饮（轻食咖啡）",
      handoverState: "水电到位，已具备排烟条件，墙面地面为毛坯",
      startDate: start,
      endDate: isoTermEnd(start, 36),
      rentFreeDays: "30",
      rent: "12000",
      increase: "YEARLY",
      increasePercent: "3",
      payCycle: "QUARTERLY",
      payDay: "1",
      payMethod: "BANK",
      deposit: "24000",
      handoverDate: start,
      restoreOnExit: "LEAVE",
    };
  },
  facts: (f: Form): ShopLeaseFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      address: address(f.address),
      unitNo: f.unitNo,
      areaM2: numOf(f.area),
      businessUse: f.businessUse,
      certificateNo: f.certificateNo,
      handoverState: f.handoverState,
      licenseSupport: f.licenseSupport,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      rentFreeDays: numOf(f.rentFreeDays, 0),
      rentFen: fenOf(f.rent),
      increasePercent: numOf(f.increasePercent, 1),
      cycle: f.payCycle,
      payDay: numOf(f.payDay, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      depositFen: fenOf(f.deposit),
      depositReturnDays: numOf(f.depositReturnDays, 0),
      costs: f.costs.map((c) => ({ item: c.item, bearer: c.bearer, note: c.note })),
      handoverDate: f.handoverDate,
      fitOutAllowed: f.fitOutAllowed,
      restoreOnExit: f.fitOutAllowed && f.restoreOnExit === "RESTORE",
      subletAllowed: f.subletAllowed,
      earlyNoticeDays: numOf(f.earlyNoticeDays, 0),
      earlyPenaltyMonths: numOf(f.earlyPenaltyMonths, 0),
      renewalNoticeDays: numOf(f.renewalNoticeDays, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.rentFen,
  body: (x) => ({
    sections: [
      section(
        "商铺基本情况",
        fields([
          ["商铺地址", x.address],
          opt("楼层及铺位号", x.unitNo),
          ["建筑面积", `${x.areaM2}平方米`],
          opt("不动产权证号", x.certificateNo),
          ["交付状况", x.handoverState],
        ]),
        p("出租方保证对商铺享有合法的出租权利，商铺可以依法用于约定的经营用途，不存在查封、权属争议等影响承租方经营的情形。"),
      ),
      section(
        "经营用途",
        items([
          `承租方租赁商铺用于${x.businessUse}，未经出租方书面同意不得改变经营用途。`,
          "承租方应依法办理营业执照及其他经营许可，合法经营、照章纳税，独立承担经营活动产生的债权债务。",
          x.licenseSupport ? "出租方应在承租方办理营业执照、食品经营许可等证照时提供房屋权属证明等必要材料并予以配合。" : null,
        ]),
      ),
      section(
        "租赁期限",
        p(
          `租赁期限自${day(x.startDate)}起至${day(x.endDate)}止，共${x.term}。${x.rentFreeDays > 0 ? `自起租日起${x.rentFreeDays}天为免租装修期，免租期内不计租金，水电等其他费用由承租方照常承担。` : ""}`,
        ),
      ),
      section(
        "租金及支付",
        items([
          `月租金为${cny(x.rentFen)}。`,
          x.increasePercent > 0 ? `自第二个租赁年度起，每个租赁年度的月租金在上一年度月租金的基础上递增${x.increasePercent}%。` : "租赁期内租金不递增。",
          `租金${CYCLE_PHRASE[x.cycle]}，每期${CYCLE_MONTHS[x.cycle]}个月；首期租金于${x.rentFreeDays > 0 ? "免租期届满之日" : "交铺之日"}支付，此后每期租金于该期首月${x.payDay}日前以${x.payMethod}方式支付。`,
          "承租方逾期支付租金的，每逾期一日按应付未付租金的万分之五支付违约金；逾期超过15日经催告仍不支付的，出租方有权解除本合同。",
        ]),
      ),
      section(
        "租赁保证金",
        p(`承租方于签约后交铺前向出租方支付租赁保证金${cny(x.depositFen)}。租赁期满或合同解除后，承租方交还商铺、结清各项费用并办理完营业执照注销或迁址后，出租方应在${x.depositReturnDays}日内无息退还；有扣除的，应列明项目和金额。`),
      ),
      section(
        "相关费用",
        ...costBlocks(x.costs),
        p("商铺主体结构及出租方提供的公共设施的维修由出租方负责；承租方自行装修、添置的设施及因其使用不当造成的损坏，由承租方负责维修。"),
      ),
      section(
        "交付与装修",
        items([
          `出租方应于${day(x.handoverDate)}按约定的交付状况将商铺交付承租方，双方共同查验并记录水、电、燃气表读数。`,
          x.fitOutAllowed
            ? "承租方可以对商铺进行装修改造，但装修方案涉及结构、消防、外立面的，应事先取得出租方书面同意并依法办理报批手续；装修费用由承租方承担。"
            : "未经出租方书面同意，承租方不得对商铺进行装修改造。",
          x.fitOutAllowed
            ? x.restoreOnExit
              ? "租赁期满或合同解除时，承租方应将商铺恢复至交付时的状态。"
              : "租赁期满或合同解除时，承租方的装修及不可移动的附属设施无偿留归出租方，承租方无需恢复原状，可移动的设备由承租方自行搬离。"
            : null,
          "承租方设置招牌、广告的，应遵守市容管理规定，并对其安全负责。",
        ]),
      ),
      section(
        "安全责任",
        p("承租方应遵守消防、食品安全、环保等法律法规，配备必要的消防器材，保持疏散通道畅通；因承租方经营活动造成的人身、财产损害由承租方承担。"),
      ),
      section(
        "转租与转让",
        p(
          x.subletAllowed
            ? "出租方同意承租方将商铺转租或连同经营一并转让给第三方，但承租方应提前书面告知出租方受让方的情况，转租期限不得超过剩余租期，受让方应承继本合同的全部义务。"
            : "未经出租方书面同意，承租方不得将商铺转租、转借或以转让经营等方式交由第三方使用；擅自转租的，出租方有权解除本合同。",
        ),
      ),
      section(
        "提前解除及违约责任",
        items([
          `任何一方需提前解除本合同的，应提前${x.earlyNoticeDays}日书面通知对方${x.earlyPenaltyMonths > 0 ? `，并向对方支付相当于${x.earlyPenaltyMonths}个月租金的违约金` : ""}。`,
          "承租方擅自改变经营用途、擅自转租或违法经营的，出租方有权解除本合同，并要求赔偿损失。",
          "出租方未按约定交付商铺或商铺存在权利瑕疵影响经营的，承租方有权解除本合同，并要求出租方退还已付租金、保证金及赔偿损失。",
          "租赁期间商铺所有权发生变动的，不影响本合同的效力；出租方出卖商铺的，应在出卖前合理期限内通知承租方，承租方在同等条件下享有优先购买的权利。",
        ]),
      ),
      section(
        "续租",
        p(`承租方需要续租的，应在租期届满前${x.renewalNoticeDays}日书面提出；租期届满后出租方继续出租的，承租方在同等条件下享有优先承租的权利。`),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "property", what: "商铺" } },
  }),
});

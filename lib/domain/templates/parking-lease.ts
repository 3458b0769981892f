// 车位租赁合同: a parking space let to a car owner. Records the space and its right (产权 or
// long-term use right), the vehicle, charging-pile permission, management fee, and says plainly
// that letting a space is not safekeeping of the car.
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
  PLATE_PATTERN,
  periodError,
  radio,
  region,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { compareYmd } from "../dates";
import { address, cny, day, fields, items, p, section } from "./clauses";
import { BEARERS, CYCLE_MONTHS, CYCLE_PHRASE, payCycle } from "./rental";

const spaceType = radio("spaceType", "车位类型", { UNDERGROUND: "地下车位", GROUND: "地面车位", MECHANICAL: "机械车位" });
const rightType = select("rightType", "出租方权利", { OWNED: "车位产权", USE_RIGHT: "车位使用权（长期租赁或使用权）" });
const feeBearer = select("feeBearer", "车位管理费承担方", BEARERS, { default: "TENANT" });
const payMethod = select("payMethod", "租金支付方式", PAY_METHODS);

const steps = [
  step("车位信息", [
    region("address", "小区/停车场地址"),
    text("spaceNo", "车位编号", { max: 30, placeholder: "如：B2-105" }),
    spaceType,
    rightType,
    date("rightExpiry", "使用权届满日期", { notBefore: 1, help: "租期不能超过出租方自身的使用期限", showWhen: { field: "rightType", equals: "USE_RIGHT" } }),
    text("plate", "停放车辆车牌号", { max: 10, pattern: PLATE_PATTERN }),
    text("vehicle", "车辆品牌型号", { max: 50, required: false }),
    checkbox("chargerAllowed", "允许承租方安装充电桩"),
  ]),
  step("租期与租金", [
    date("startDate", "起租日期", { notBefore: -30 }),
    date("endDate", "到期日期", { help: "租期至少1个月，最长20年" }),
    money("rent", "月租金", { unit: "元/月", maxFen: 10_000_000 }),
    payCycle,
    payMethod,
    money("deposit", "押金", { required: false, maxFen: 10_000_000 }),
    feeBearer,
    number("accessCards", "门禁卡/遥控器数量", { min: 0, max: 10, unit: "个" }),
  ]),
  step("其他约定", [
    checkbox("subletAllowed", "允许承租方转租"),
    number("noticeDays", "提前解约通知期", { min: 0, max: 90, unit: "天" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ParkingLeaseFacts = {
  address: string;
  spaceNo: string;
  spaceType: string;
  rightType: Form["rightType"];
  rightExpiry: string;
  plate: string;
  vehicle: string;
  chargerAllowed: boolean;
  startDate: string;
  endDate: string;
  term: string;
  rentFen: number;
  cycle: Form["payCycle"];
  payMethod: string;
  depositFen: number;
  feeBearer: string;
  accessCards: number;
  subletAllowed: boolean;
  noticeDays: number;
  otherTerms: string;
};

export const parkingLease = defineTemplate({
  id: "parking-lease",
  name: "车位租赁合同",
  category: "lease",
  summary: "出租小区或停车场车位，约定车辆、租金和使用规则",
  roles: [
    { key: "LESSOR", label: "出租方", asMe: "我是车位主" },
    { key: "LESSEE", label: "承租方", asMe: "我是车主" },
  ],
  initiators: ["LESSOR", "LESSEE"],
  defaultInitiator: "LESSOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), accessCards: "1", noticeDays: "30" }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { minMonths: 1, maxMonths: 240, what: "租期" });
    if (e) issue(["endDate"], e);
    const end = dateOf(f.endDate);
    const expiry = dateOf(f.rightExpiry);
    // A lessee cannot get more than the lessor holds (cf. Civil Code art. 717 on terms beyond the lessor's own).
    if (f.rightType === "USE_RIGHT" && end && expiry && compareYmd(end, expiry) > 0) issue(["endDate"], "租期不能超过出租方车位使用权的届满日期");
  },
  sample: (today): Partial<Form> => {
    const start = isoDay(today, 1);
    return {
      address: { province: "上海市", city: "上海市", district: "闵行区", detail: "示例花园小区", code: "310112" },
      spaceNo: "B2-105",
      spaceType: "UNDERGROUND",
      rightType: "OWNED",
      plate: "沪A12345",
      vehicle: "示例牌新能源轿车",
      chargerAllowed: true,
      startDate: start,
      endDate: isoTermEnd(start, 12),
      rent: "600",
      payCycle: "HALF_YEARLY",
      payMethod: "ALIPAY",
      deposit: "600",
    };
  },
  facts: (f: Form): ParkingLeaseFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      address: address(f.address),
      spaceNo: f.spaceNo,
      spaceType: labelOf(spaceType, f.spaceType),
      rightType: f.rightType,
      rightExpiry: f.rightExpiry,
      plate: f.plate.toUpperCase(),
      vehicle: f.vehicle,
      chargerAllowed: f.chargerAllowed,
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      rentFen: fenOf(f.rent),
      cycle: f.payCycle,
      payMethod: labelOf(payMethod, f.payMethod),
      depositFen: fenOf(f.deposit),
      feeBearer: labelOf(feeBearer, f.feeBearer),
      accessCards: numOf(f.accessCards, 0),
      subletAllowed: f.subletAllowed,
      noticeDays: numOf(f.noticeDays, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.rentFen,
  body: (x) => ({
    sections: [
      section(
        "车位基本情况",
        fields([
          ["车位位置", x.address],
          ["车位编号", x.spaceNo],
          ["车位类型", x.spaceType],
          ["停放车辆", [x.plate, x.vehicle].filter(Boolean).join("，")],
        ]),
        p(
          x.rightType === "OWNED"
            ? "出租方保证对该车位享有合法产权，有权出租。"
            : `出租方保证对该车位享有合法、有效的使用权，使用权于${day(x.rightExpiry)}届满，本合同租期不超过该期限，出租方取得使用权的约定不禁止本次出租；出租方权利提前终止的，应及时通知承租方并退还多收的租金。`,
        ),
      ),
      section("租赁期限", p(`租赁期限自${day(x.startDate)}起至${day(x.endDate)}止，共${x.term}。`)),
      section(
        "租金及费用",
        items([
          `月租金为${cny(x.rentFen)}，${CYCLE_PHRASE[x.cycle]}，每期${CYCLE_MONTHS[x.cycle]}个月，每期租金${cny(x.rentFen * CYCLE_MONTHS[x.cycle])}，首期租金于起租日前支付，以后每期租金于上一期届满前支付，支付方式为${x.payMethod}。`,
          x.depositFen > 0 ? `承租方于起租时支付押金${cny(x.depositFen)}，租期届满承租方交还门禁卡等物品并结清费用后，出租方应无息退还。` : "本合同不收取押金。",
          `租赁期间车位管理费由${x.feeBearer}承担。`,
        ]),
      ),
      section(
        "车位使用",
        items([
          `出租方应于起租日将车位交付承租方使用，并交付门禁卡/遥控器${x.accessCards}个。`,
          "车位仅用于停放上述车辆；更换车辆的，承租方应提前告知出租方并配合物业登记。",
          "承租方应遵守停车场管理规定，不得在车位堆放杂物、易燃易爆物品，不得改变车位设施。",
          x.chargerAllowed
            ? "出租方同意承租方在车位安装充电桩，安装须经物业同意并符合用电安全规范，安装及用电费用由承租方承担；租期届满时，双方协商充电桩的拆除或保留。"
            : "未经出租方同意，承租方不得在车位安装充电桩等设施。",
          x.subletAllowed ? "承租方可以将车位转租他人，但转租期限不得超过剩余租期，承租方对次承租人的行为负责。" : "未经出租方书面同意，承租方不得将车位转租、转借他人。",
        ]),
      ),
      section(
        "车辆安全",
        p("本合同为车位使用权的租赁，不构成车辆保管关系。车辆及车内物品的安全由承租方自行负责，但因出租方过错造成车辆损失的，出租方应承担相应责任。"),
      ),
      section(
        "合同解除与违约责任",
        items([
          `任何一方需提前解除本合同的，应提前${x.noticeDays}日通知对方；出租方提前解除的，应退还未到期的租金。`,
          "承租方逾期支付租金超过15日的，出租方有权解除本合同。",
          "出租方未按约交付车位或车位被他人占用致使承租方无法使用的，应及时处理，并按无法使用的天数减免租金。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

// 租房合同: a residential lease between individuals. The landlord usually starts it (the tenant
// may); the tenant fills in their identity, checks and signs first, then the landlord signs.
// Civil Code rules reflected: term ≤ 20 years (art. 705), sublease needs consent (art. 716),
// repairs (arts. 712–713), sale does not break the lease (art. 725), pre-emption (art. 726),
// priority to renew (art. 734).
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
  text,
  textarea,
  type FormOf,
  type RegionValue,
} from "./engine";
import { address, cny, day, fields, items, opt, p, section, table } from "./clauses";
import { compareYmd } from "../dates";

// ─── shared with the other leases (商铺) ───

export const BEARERS = { LANDLORD: "出租方", TENANT: "承租方" } as const;
export type Bearer = keyof typeof BEARERS;

/** The configurable 费用承担 table: item, who pays, note. */
export const costTable = <const N extends string>(name: N) =>
  list(
    name,
    "费用承担",
    [text("item", "费用项目", { max: 20, placeholder: "如：水费" }), select("bearer", "承担方", BEARERS), text("note", "备注", { max: 50, required: false })],
    { maxRows: 20, addLabel: "添加费用项目", help: "逐项选择由出租方还是承租方承担，可增删项目" },
  );
export const costRow = (item: string, bearer: Bearer, note = "") => ({ item, bearer, note });

export function duplicateCostItem(rows: readonly { item: string }[]): number | null {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (r.item && seen.has(r.item)) return i;
    seen.add(r.item);
  }
  return null;
}

export const costBlocks = (costs: readonly { item: string; bearer: Bearer; note: string }[]) => [
  p("租赁期间，下列费用按以下约定承担；未列明的费用，由双方协商确定："),
  table(
    ["费用项目", "承担方", "备注"],
    costs.map((c) => [c.item, BEARERS[c.bearer], c.note || "—"]),
  ),
];

export const CYCLE_MONTHS = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 } as const;
/** How the clause says it: 租金按季度支付. */
export const CYCLE_PHRASE = { MONTHLY: "按月支付", QUARTERLY: "按季度支付", HALF_YEARLY: "每半年支付一次", YEARLY: "按年支付" } as const;
export const payCycle = select("payCycle", "付款周期", { MONTHLY: "月付", QUARTERLY: "季付", HALF_YEARLY: "半年付", YEARLY: "年付" });

// ─── fields ───

const leaseScope = radio("leaseScope", "出租方式", { WHOLE: "整租", ROOM: "单间出租（合租）" });
const landlordIs = select("landlordIs", "出租方身份", {
  OWNER: "房屋所有权人",
  AGENT: "受所有权人委托出租",
  SUBLESSOR: "转租人（已取得所有权人同意）",
});
const decoration = radio("decoration", "装修情况", { ROUGH: "毛坯", SIMPLE: "简装", FINE: "精装" }, { default: "SIMPLE" });
const payMethod = select("payMethod", "租金支付方式", PAY_METHODS);
const earlyPenalty = select("earlyPenalty", "提前解约违约金", {
  ONE_MONTH: "一个月租金",
  DEPOSIT: "与押金等额",
  CUSTOM: "约定金额",
  NONE: "无需支付违约金",
});

const steps = [
  step("房屋信息", [
    region("address", "房屋地址"),
    leaseScope,
    text("roomNote", "出租房间", { max: 50, placeholder: "如：主卧，带独立卫生间", showWhen: { field: "leaseScope", equals: "ROOM" } }),
    number("area", "建筑面积", { decimals: 2, min: 1, max: 10_000, unit: "㎡" }),
    text("layout", "户型", { max: 20, placeholder: "如：两室一厅一卫", required: false }),
    landlordIs,
    text("certificateNo", "不动产权证号", { max: 50, required: false, help: "选填，便于核对房屋权属" }),
    decoration,
    number("occupants", "居住人数上限", { min: 1, max: 20, unit: "人" }),
    checkbox("hasFurniture", "包含家具家电"),
    list(
      "furniture",
      "家具家电",
      [
        text("name", "名称", { max: 20, placeholder: "如：冰箱" }),
        number("quantity", "数量", { min: 1, max: 999 }),
        text("note", "状况", { max: 30, required: false, placeholder: "如：九成新" }),
      ],
      { showWhen: { field: "hasFurniture", equals: true }, addLabel: "添加家具家电" },
    ),
  ]),
  step("租期与租金", [
    date("startDate", "起租日期", { notBefore: -30, help: "最早可为30天前（补签已开始的租约）" }),
    date("endDate", "到期日期", { help: "租期至少1个月，最长20年" }),
    money("rent", "月租金", { unit: "元/月", maxFen: 100_000_000 }),
    payCycle,
    number("payDay", "每期付款日", { min: 1, max: 31, unit: "日", help: "每期租金在该期首月的这一天前支付；当月没有这一天的，为当月最后一天" }),
    payMethod,
    text("payeeAccount", "收款账户", { max: 100, required: false, placeholder: "如：招商银行 6225 **** 1234（张三）" }),
    money("deposit", "押金", { required: false, maxFen: 100_000_000, help: "通常为1–3个月租金；不收押金请留空" }),
    number("depositReturnDays", "押金退还期限", { min: 1, max: 60, unit: "天", showWhen: { field: "deposit", filled: true } }),
    costTable("costs"),
    money("repairThreshold", "小额维修标准", { maxFen: 10_000_000, help: "单次维修费用低于此金额的为小额维修" }),
    select("smallRepairBearer", "小额维修承担方", BEARERS, { default: "TENANT" }),
    select("largeRepairBearer", "其他维修承担方", BEARERS),
  ]),
  step("租赁期间约定", [
    checkbox("subletAllowed", "允许承租方转租"),
    checkbox("petsAllowed", "允许饲养宠物"),
    number("earlyNoticeDays", "提前解约通知期", { min: 0, max: 180, unit: "天" }),
    earlyPenalty,
    money("earlyPenaltyAmount", "违约金金额", { maxFen: 100_000_000, showWhen: { field: "earlyPenalty", equals: "CUSTOM" } }),
    number("renewalNoticeDays", "续租提前通知期", { min: 0, max: 180, unit: "天" }),
    // follows 起租日期 unless the parties agree an earlier day (a default of today would go stale)
    date("handoverDate", "交房日期", { notBefore: -30, required: false, help: "不填即为起租日期当天；不能晚于起租日期" }),
    number("keys", "钥匙数量", { min: 0, max: 50, unit: "把" }),
    number("accessCards", "门禁卡数量", { min: 0, max: 50, unit: "张", required: false }),
    number("waterMeter", "水表读数", { decimals: 2, min: 0, max: 99_999_999, unit: "吨", required: false }),
    number("electricMeter", "电表读数", { decimals: 2, min: 0, max: 99_999_999, unit: "度", required: false }),
    number("gasMeter", "燃气表读数", { decimals: 2, min: 0, max: 99_999_999, unit: "立方米", required: false }),
    textarea("otherTerms", "补充约定", { required: false, placeholder: "其他需要约定的事项" }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type RentalFacts = {
  address: string;
  scope: string;
  areaM2: number;
  layout: string;
  landlordIs: Form["landlordIs"];
  certificateNo: string;
  decoration: string;
  occupants: number;
  furniture: { name: string; quantity: number; note: string }[];
  startDate: string;
  endDate: string;
  term: string;
  rentFen: number;
  cycle: Form["payCycle"];
  payDay: number;
  payMethod: string;
  payeeAccount: string;
  depositFen: number;
  depositReturnDays: number;
  costs: { item: string; bearer: Bearer; note: string }[];
  repairThresholdFen: number;
  smallRepairBearer: Bearer;
  largeRepairBearer: Bearer;
  subletAllowed: boolean;
  petsAllowed: boolean;
  earlyNoticeDays: number;
  /** The early-termination penalty in fen, null for none. */
  earlyPenaltyFen: number | null;
  renewalNoticeDays: number;
  handoverDate: string;
  keys: number;
  accessCards: number;
  meters: { label: string; reading: string }[];
  otherTerms: string;
};

export const DEFAULT_RENTAL_COSTS = [
  costRow("水费", "TENANT"),
  costRow("电费", "TENANT"),
  costRow("燃气费", "TENANT"),
  costRow("物业管理费", "LANDLORD"),
  costRow("网络费", "TENANT"),
  costRow("供暖费", "LANDLORD"),
  costRow("有线电视费", "TENANT"),
];

const sampleAddress: RegionValue = { province: "北京市", city: "北京市", district: "朝阳区", detail: "示例路1号院2号楼301室", code: "110105" };

export const rental = defineTemplate({
  id: "rental",
  name: "租房合同",
  category: "lease",
  summary: "个人之间出租住房，约定租期、租金、押金、费用承担和租期内承诺",
  roles: [
    { key: "LANDLORD", label: "出租方", asMe: "我是房东" },
    { key: "TENANT", label: "承租方", asMe: "我是租客" },
  ],
  initiators: ["LANDLORD", "TENANT"],
  defaultInitiator: "LANDLORD",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({
    startDate: isoDay(today),
    payDay: "1",
    depositReturnDays: "7",
    costs: DEFAULT_RENTAL_COSTS.map((r) => ({ ...r })),
    repairThreshold: "500",
    earlyNoticeDays: "30",
    renewalNoticeDays: "30",
    keys: "2",
    occupants: "2",
  }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { minMonths: 1, maxMonths: 240, what: "租期" });
    if (e) issue(["endDate"], e === "租期最长20年" ? "租期最长20年（《民法典》第七百零五条）" : e);
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    const handover = dateOf(f.handoverDate);
    if (handover && start && compareYmd(handover, start) > 0) issue(["handoverDate"], "交房日期不能晚于起租日期");
    else if (handover && end && compareYmd(handover, end) > 0) issue(["handoverDate"], "交房日期不能晚于到期日期");
    if (f.earlyPenalty === "DEPOSIT" && !f.deposit) issue(["earlyPenalty"], "未收取押金时，违约金不能约定为与押金等额");
    const dup = duplicateCostItem(f.costs);
    if (dup !== null) issue(["costs", dup, "item"], "费用项目重复");
  },
  sample: (today): Partial<Form> => {
    const start = isoDay(today, 7);
    return {
      address: sampleAddress,
      leaseScope: "WHOLE",
      area: "68.5",
      layout: "两室一厅一卫",
      landlordIs: "OWNER",
      decoration: "FINE",
      occupants: "2",
      hasFurniture: true,
      furniture: [
        { name: "冰箱", quantity: "1", note: "九成新" },
        { name: "洗衣机", quantity: "1", note: "" },
        { name: "双人床", quantity: "2", note: "含床垫" },
      ],
      startDate: start,
      endDate: isoTermEnd(start, 12),
      rent: "4500",
      payCycle: "QUARTERLY",
      payDay: "5",
      payMethod: "BANK",
      payeeAccount: "示例银行 6225 **** 0001（张三）",
      deposit: "4500",
      depositReturnDays: "7",
      earlyPenalty: "ONE_MONTH",
      handoverDate: start,
      keys: "3",
      accessCards: "2",
      waterMeter: "125.5",
      electricMeter: "3021",
      gasMeter: "88.2",
    };
  },
  facts: (f: Form): RentalFacts => {
    const rentFen = fenOf(f.rent);
    const depositFen = fenOf(f.deposit);
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      address: address(f.address),
      scope: f.leaseScope === "ROOM" ? `单间出租：${f.roomNote}` : "整套出租",
      areaM2: numOf(f.area),
      layout: f.layout,
      landlordIs: f.landlordIs,
      certificateNo: f.certificateNo,
      decoration: labelOf(decoration, f.decoration),
      occupants: numOf(f.occupants, 0),
      furniture: f.hasFurniture ? f.furniture.map((r) => ({ name: r.name, quantity: numOf(r.quantity, 0), note: r.note })) : [],
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      rentFen,
      cycle: f.payCycle,
      payDay: numOf(f.payDay, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      payeeAccount: f.payeeAccount,
      depositFen,
      depositReturnDays: numOf(f.depositReturnDays, 0),
      costs: f.costs.map((c) => ({ item: c.item, bearer: c.bearer, note: c.note })),
      repairThresholdFen: fenOf(f.repairThreshold),
      smallRepairBearer: f.smallRepairBearer,
      largeRepairBearer: f.largeRepairBearer,
      subletAllowed: f.subletAllowed,
      petsAllowed: f.petsAllowed,
      earlyNoticeDays: numOf(f.earlyNoticeDays, 0),
      earlyPenaltyFen: { ONE_MONTH: rentFen, DEPOSIT: depositFen, CUSTOM: fenOf(f.earlyPenaltyAmount), NONE: null }[f.earlyPenalty],
      renewalNoticeDays: numOf(f.renewalNoticeDays, 0),
      handoverDate: f.handoverDate || f.startDate,
      keys: numOf(f.keys, 0),
      accessCards: numOf(f.accessCards, 0),
      meters: [
        { label: "水表", reading: f.waterMeter ? `${f.waterMeter}吨` : "" },
        { label: "电表", reading: f.electricMeter ? `${f.electricMeter}度` : "" },
        { label: "燃气表", reading: f.gasMeter ? `${f.gasMeter}立方米` : "" },
      ].filter((m) => m.reading),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.rentFen,
  body: (x) => ({
    sections: [
      section(
        "房屋基本情况",
        fields([
          ["房屋地址", x.address],
          ["出租范围", x.scope],
          ["建筑面积", `${x.areaM2}平方米`],
          opt("户型", x.layout),
          ["装修情况", x.decoration],
          ["出租方身份", labelOf(landlordIs, x.landlordIs)],
          opt("不动产权证号", x.certificateNo),
        ]),
        p(ownershipPromise(x.landlordIs)),
        ...(x.furniture.length
          ? [
              p("随房屋一并出租的家具家电如下，承租方应合理使用，租赁期满时一并返还："),
              table(
                ["序号", "名称", "数量", "状况"],
                x.furniture.map((r, i) => [String(i + 1), r.name, String(r.quantity), r.note || "—"]),
              ),
            ]
          : [p("本房屋不随附出租方的家具家电。")]),
      ),
      section(
        "租赁用途",
        p(`承租方租赁该房屋仅用于居住，居住人数不超过${x.occupants}人。未经出租方书面同意，承租方不得将房屋用于经营、办公等其他用途，不得利用房屋从事违法活动。`),
      ),
      section("租赁期限", p(`租赁期限自${day(x.startDate)}起至${day(x.endDate)}止，共${x.term}。`)),
      section(
        "租金及支付方式",
        items([
          `月租金为${cny(x.rentFen)}。`,
          `租金${CYCLE_PHRASE[x.cycle]}，每期${CYCLE_MONTHS[x.cycle]}个月，每期租金为${cny(x.rentFen * CYCLE_MONTHS[x.cycle])}。`,
          `首期租金于交房之日支付；此后每期租金于该期首月${x.payDay}日前支付，当月没有该日的，于当月最后一日前支付。`,
          `租金以${x.payMethod}方式支付${x.payeeAccount ? `，收款账户：${x.payeeAccount}` : ""}。出租方收到租金后应向承租方出具收款凭证。`,
          "承租方逾期支付租金的，出租方可以催告其在七日内支付；经催告后仍不支付的，出租方有权解除本合同。",
        ]),
      ),
      section(
        "押金",
        p(
          x.depositFen > 0
            ? `承租方于交房时向出租方支付押金${cny(x.depositFen)}。租赁期满或本合同解除后，承租方返还房屋、结清应由其承担的费用后，出租方应在${x.depositReturnDays}日内将押金无息退还承租方；需要扣除款项的，应向承租方列明扣除的项目和金额。押金不得抵作租金。`
            : "本合同不收取押金。",
        ),
      ),
      section(
        "相关费用及维修",
        ...costBlocks(x.costs),
        p(repairClause(x.repairThresholdFen, x.smallRepairBearer, x.largeRepairBearer)),
      ),
      section(
        "房屋交付",
        items([
          `出租方应于${day(x.handoverDate)}将房屋交付承租方，同时交付钥匙${x.keys}把${x.accessCards ? `、门禁卡${x.accessCards}张` : ""}。`,
          x.meters.length ? `交房时双方确认的表计读数为：${x.meters.map((m) => `${m.label}${m.reading}`).join("，")}；此前的费用由出租方结清。` : "交房时双方应共同抄录水、电、燃气表读数，此前的费用由出租方结清。",
          "交房时双方应共同查验房屋及设施状况，如有损坏或缺失应当场记录。",
        ]),
      ),
      section(
        "双方权利义务",
        items([
          "出租方保证房屋及其附属设施在交付时符合约定的用途和安全居住条件，并在租赁期间保持该状态。",
          "租赁期间房屋所有权发生变动的，不影响本合同的效力。出租方出卖房屋的，应在出卖前合理期限内通知承租方，承租方在同等条件下享有优先购买的权利。",
          "出租方非因紧急情况进入房屋的，应事先征得承租方同意。",
          "承租方应合理使用并爱护房屋及设施，未经出租方书面同意不得改变房屋结构、拆改设施或进行装修。",
          "承租方应遵守物业管理规定，注意用火、用电、用气安全，不得存放易燃易爆等危险物品，因承租方过错造成的损失由承租方承担。",
          x.petsAllowed
            ? "出租方同意承租方在房屋内饲养宠物；承租方应遵守当地养犬等管理规定，防止宠物伤人、扰邻，宠物造成房屋及家具家电损坏的，由承租方负责修复或赔偿。"
            : "未经出租方书面同意，承租方不得在房屋内饲养宠物。",
        ]),
      ),
      section(
        "转租",
        p(
          x.subletAllowed
            ? "出租方同意承租方将房屋部分或全部转租，转租期限不得超过本合同剩余租期。承租方应将次承租人的身份告知出租方，并就次承租人的行为向出租方负责。"
            : "未经出租方书面同意，承租方不得将房屋转租、转借他人；擅自转租的，出租方有权解除本合同。",
        ),
      ),
      section(
        "提前解除及违约责任",
        items([
          x.earlyPenaltyFen !== null
            ? `任何一方需提前解除本合同的，应提前${x.earlyNoticeDays}日通知对方，并向对方支付违约金${cny(x.earlyPenaltyFen)}。出租方提前解除的，还应退还已收取但尚未到期的租金及押金。`
            : `任何一方需提前解除本合同的，应提前${x.earlyNoticeDays}日通知对方，无需支付违约金；出租方提前解除的，应退还已收取但尚未到期的租金及押金。`,
          "房屋危及承租方安全或者健康的，承租方可以随时解除本合同。",
          "承租方擅自改变房屋用途、擅自转租或者故意损坏房屋的，出租方有权解除本合同，并要求承租方赔偿损失。",
          "租赁期满或本合同解除后承租方逾期不返还房屋的，应按月租金的三十分之一按日向出租方支付房屋占用费。",
          "一方违反本合同其他约定给对方造成损失的，应当赔偿对方的损失。",
        ]),
      ),
      section(
        "续租及房屋返还",
        items([
          `承租方需要续租的，应在租期届满前${x.renewalNoticeDays}日通知出租方；双方协商一致的，另行签订续租合同。租期届满后出租方继续出租该房屋的，承租方在同等条件下享有优先承租的权利。`,
          "租期届满或本合同解除时，承租方应腾空房屋、交还全部钥匙，房屋及设施应保持交付时的状态，正常使用造成的损耗除外。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "property", what: "房屋" } },
  }),
});

function ownershipPromise(who: RentalFacts["landlordIs"]): string {
  switch (who) {
    case "OWNER":
      return "出租方保证其为该房屋的所有权人，有权出租该房屋，房屋不存在影响承租方正常使用的查封、权属争议等情形。";
    case "AGENT":
      return "出租方保证已取得房屋所有权人出租该房屋的书面委托，并可在承租方要求时出示委托文件。";
    case "SUBLESSOR":
      return "出租方保证已取得房屋所有权人同意转租的书面文件，本合同租赁期限不超过出租方自身租赁合同的剩余期限。";
  }
}

function repairClause(thresholdFen: number, small: Bearer, large: Bearer): string {
  const who =
    small === large
      ? `租赁期间房屋及附属设施的维修费用由${BEARERS[small]}承担。`
      : `租赁期间房屋及附属设施需要维修的，单次维修费用低于${cny(thresholdFen)}的由${BEARERS[small]}承担，达到该金额的由${BEARERS[large]}承担。`;
  return `${who}因一方使用不当或过错造成损坏的，由该方承担维修费用。应由出租方维修而出租方在合理期限内未维修的，承租方可以自行维修，费用由出租方承担。`;
}

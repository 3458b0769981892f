// 上门喂养宠物服务合同: while the owner is away, a feeder visits the home to care for the pets.
// Records the pets and their needs, visits per day, tasks, how the feeder gets in (keys or door
// code) and gives them back, the fee, emergencies and vet costs, and privacy in the owner's home.
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  daysInclusive,
  fenOf,
  isoDay,
  labelOf,
  list,
  money,
  number,
  numOf,
  PAY_METHODS,
  periodError,
  phone,
  radio,
  region,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { address, cny, day, fields, items, opt, p, section, table } from "./clauses";
import { normalizePhone } from "../phone";

const species = select("species", "种类", { CAT: "猫", DOG: "狗", OTHER: "其他" });
const access = select("access", "入户方式", { KEY: "交接钥匙", CODE: "密码锁（临时密码）", OTHER: "其他方式" });
const feeBasis = radio("feeBasis", "计费方式", { PER_VISIT: "按次计费", TOTAL: "服务总价" });
const payTiming = select("payTiming", "付款时间", { BEFORE: "服务开始前付清", AFTER: "服务结束后付清", HALF: "开始前付一半，结束后付清" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const TASKS = [
  ["taskFeed", "喂食（按主人说明的种类和分量）"],
  ["taskWater", "更换饮用水"],
  ["taskLitter", "清理猫砂或排泄物"],
  ["taskWalk", "遛狗"],
  ["taskPlay", "陪伴玩耍"],
  ["taskReport", "每次服务后发送照片或视频反馈"],
] as const;

const steps = [
  step("宠物信息", [
    list(
      "pets",
      "宠物",
      [
        text("name", "名字", { max: 20 }),
        species,
        text("breed", "品种", { max: 20, required: false }),
        text("notes", "习性与喂养要求", { max: 100, required: false, placeholder: "如：每天两顿，猫粮40克，怕生" }),
      ],
      { maxRows: 10, addLabel: "添加宠物" },
    ),
    textarea("health", "健康及用药情况", { max: 500, required: false, placeholder: "疾病、过敏、需要按时喂药等" }),
    text("vet", "常去宠物医院", { max: 100, required: false }),
    region("address", "上门地址"),
  ]),
  step("服务安排", [
    date("startDate", "服务开始日期", { notBefore: 0 }),
    date("endDate", "服务结束日期", { help: "最长12个月" }),
    number("visitsPerDay", "每日上门次数", { min: 1, max: 4, unit: "次" }),
    number("visitMinutes", "每次服务时长", { min: 15, max: 240, unit: "分钟" }),
    checkbox("taskFeed", "喂食", { default: true }),
    checkbox("taskWater", "换水", { default: true }),
    checkbox("taskLitter", "铲屎/清理排泄物", { default: true }),
    checkbox("taskWalk", "遛狗"),
    checkbox("taskPlay", "陪玩"),
    checkbox("taskReport", "发送照片或视频反馈", { default: true }),
    access,
    text("accessNote", "入户方式说明", { max: 100, placeholder: "如：由物业前台代为开门", showWhen: { field: "access", equals: "OTHER" } }),
    text("keyReturn", "钥匙归还方式", { max: 100, placeholder: "如：服务结束当天放回物业前台", showWhen: { field: "access", equals: "KEY" } }),
    text("emergencyName", "紧急联系人", { max: 30, required: false }),
    phone("emergencyPhone", "紧急联系人电话", { required: false }),
  ]),
  step("服务费用", [
    feeBasis,
    money("fee", "服务费", { help: "按次计费填每次价格，服务总价填总额" }),
    payTiming,
    payMethod,
    number("cancelHours", "免费取消时限", { min: 0, max: 72, unit: "小时", help: "服务开始前多少小时内取消需支付违约金" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type PetFeedingFacts = {
  pets: { name: string; species: string; breed: string; notes: string }[];
  health: string;
  vet: string;
  address: string;
  startDate: string;
  endDate: string;
  days: number;
  visitsPerDay: number;
  visitMinutes: number;
  tasks: string[];
  access: Form["access"];
  accessNote: string;
  keyReturn: string;
  emergency: string;
  perVisitFen: number | null;
  totalFen: number;
  payTiming: string;
  payMethod: string;
  cancelHours: number;
  otherTerms: string;
};

export const petFeeding = defineTemplate({
  id: "pet-feeding",
  name: "上门喂养宠物服务合同",
  category: "labour",
  summary: "主人外出期间，委托他人上门喂养、照看宠物",
  roles: [
    { key: "OWNER", label: "宠物主人", asMe: "我是宠物主人" },
    { key: "FEEDER", label: "喂养服务方", asMe: "我是喂养服务方" },
  ],
  initiators: ["OWNER", "FEEDER"],
  defaultInitiator: "OWNER",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today, 1), visitsPerDay: "1", visitMinutes: "30", cancelHours: "24" }),
  rules: (f, _ctx, issue) => {
    const e = periodError(f.startDate, f.endDate, { maxMonths: 12, what: "服务期限" });
    if (e) issue(["endDate"], e);
    if (!TASKS.some(([name]) => f[name])) issue(["taskFeed"], "请至少选择一项服务内容");
  },
  sample: (today): Partial<Form> => ({
    pets: [
      { name: "示例咪咪", species: "CAT", breed: "英国短毛猫", notes: "每天两顿，每顿猫粮40克，怕生" },
      { name: "示例球球", species: "CAT", breed: "中华田园猫", notes: "" },
    ],
    health: "咪咪每天早上需在猫粮中拌入半片益生菌。",
    vet: "示例宠物医院（距小区500米）",
    address: { province: "江苏省", city: "苏州市", district: "姑苏区", detail: "示例花园7幢1001室", code: "320508" },
    startDate: isoDay(today, 3),
    endDate: isoDay(today, 9),
    visitsPerDay: "1",
    visitMinutes: "40",
    access: "CODE",
    emergencyName: "王五",
    emergencyPhone: "13800000000",
    feeBasis: "PER_VISIT",
    fee: "60",
    payTiming: "HALF",
    payMethod: "WECHAT",
  }),
  facts: (f: Form): PetFeedingFacts => {
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    const days = start && end ? daysInclusive(start, end) : 0;
    const visits = days * numOf(f.visitsPerDay, 0);
    const feeFen = fenOf(f.fee);
    return {
      pets: f.pets.map((x) => ({ name: x.name, species: labelOf(species, x.species), breed: x.breed, notes: x.notes })),
      health: f.health,
      vet: f.vet,
      address: address(f.address),
      startDate: f.startDate,
      endDate: f.endDate,
      days,
      visitsPerDay: numOf(f.visitsPerDay, 0),
      visitMinutes: numOf(f.visitMinutes, 0),
      tasks: TASKS.filter(([name]) => f[name]).map(([, label]) => label),
      access: f.access,
      accessNote: f.accessNote,
      keyReturn: f.keyReturn,
      emergency: [f.emergencyName, f.emergencyPhone && normalizePhone(f.emergencyPhone)].filter(Boolean).join(" "),
      perVisitFen: f.feeBasis === "PER_VISIT" ? feeFen : null,
      totalFen: f.feeBasis === "PER_VISIT" ? feeFen * visits : feeFen,
      payTiming: labelOf(payTiming, f.payTiming),
      payMethod: labelOf(payMethod, f.payMethod),
      cancelHours: numOf(f.cancelHours, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.totalFen,
  body: (x) => ({
    sections: [
      section(
        "宠物信息",
        table(["名字", "种类", "品种", "习性与喂养要求"], x.pets.map((pet) => [pet.name, pet.species, pet.breed || "—", pet.notes || "—"])),
        fields([opt("健康及用药情况", x.health), opt("常去宠物医院", x.vet), opt("紧急联系人", x.emergency)]),
        p("宠物主人保证如实告知宠物的健康状况、疫苗接种情况和攻击性等习性；因隐瞒造成喂养服务方或他人损害的，由宠物主人承担。"),
      ),
      section(
        "服务内容",
        fields([
          ["上门地址", x.address],
          ["服务期间", `${day(x.startDate)}至${day(x.endDate)}，共${x.days}天`],
          ["上门频次", `每日${x.visitsPerDay}次，每次约${x.visitMinutes}分钟`],
        ]),
        items(x.tasks),
      ),
      section(
        "入户与钥匙",
        items([
          x.access === "KEY"
            ? `宠物主人在服务开始前将钥匙交给喂养服务方，喂养服务方应妥善保管，不得复制或转交他人，服务结束后按以下方式归还：${x.keyReturn}。`
            : x.access === "CODE"
              ? "宠物主人为喂养服务方设置临时门锁密码，喂养服务方不得向他人泄露；服务结束后宠物主人应及时删除或更改该密码。"
              : `入户方式：${x.accessNote}。`,
          "喂养服务方仅为提供服务进入房屋，不得带他人进入，不得翻动、使用或带走宠物主人的物品，离开时应确认门窗关闭。",
          "喂养服务方拍摄的照片和视频仅用于向宠物主人反馈，不得拍摄与服务无关的房屋内部情况，不得对外传播宠物主人的住址及家中情况。",
        ]),
      ),
      section(
        "服务费用",
        items([
          x.perVisitFen !== null
            ? `服务费按次计算，每次${cny(x.perVisitFen)}，共${x.days * x.visitsPerDay}次，合计${cny(x.totalFen)}。`
            : `服务费总价为${cny(x.totalFen)}。`,
          `付款时间：${x.payTiming}，以${x.payMethod}方式支付。`,
          `宠物主人在服务开始前${x.cancelHours}小时以内取消服务的，应支付首日服务费作为违约金；此前取消的，无需支付违约金，已付费用全额退还。`,
        ]),
      ),
      section(
        "突发情况",
        items([
          "喂养服务方发现宠物患病、受伤或出现异常的，应立即联系宠物主人；联系不上且情况紧急的，可以将宠物送往上述宠物医院或就近的宠物医院救治。",
          "宠物的诊疗费用由宠物主人承担；因喂养服务方过错导致宠物患病、受伤、走失或死亡的，由喂养服务方承担相应的赔偿责任。",
          "发现房屋漏水、停电等情况的，喂养服务方应及时告知宠物主人，并在力所能及的范围内采取必要措施。",
        ]),
      ),
      section(
        "违约责任",
        p("喂养服务方无故未按约上门的，每缺一次应退还该次服务费并支付同等金额的违约金；宠物主人逾期付款的，应继续支付并赔偿因此造成的损失。"),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

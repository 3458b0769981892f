// 买卖合同: goods sold between individuals (new or second-hand). Goods lines give the total;
// delivery, inspection, payment, warranty and title follow the Civil Code's sale rules
// (risk passes on delivery art. 604, inspection arts. 620–621, retention of title art. 641,
// earnest money at most 20% of the price art. 586).
import { compareYmd } from "../dates";
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  fenOf,
  isoDay,
  labelOf,
  lineTotalFen,
  list,
  money,
  number,
  numOf,
  PAY_METHODS,
  radio,
  select,
  step,
  sumFen,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, items, p, section, table, yuan } from "./clauses";

export const SALE_MAX_TOTAL_FEN = 10_000_000_000;

const deliveryMethod = select("deliveryMethod", "交付方式", { SELLER_DELIVERS: "卖方送货", BUYER_PICKUP: "买方自提", SHIPPING: "快递/物流" });
const paymentMode = select("paymentMode", "付款方式", { FULL_BEFORE: "款到发货", ON_DELIVERY: "货到验收后付款", DEPOSIT_BALANCE: "定金＋尾款" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);
const freightBearer = select("freightBearer", "运费承担方", { SELLER: "卖方", BUYER: "买方" }, { showWhen: { field: "deliveryMethod", oneOf: ["SELLER_DELIVERS", "SHIPPING"] } });

const steps = [
  step("货物信息", [
    list(
      "goods",
      "货物",
      [
        text("name", "名称", { max: 50, placeholder: "如：二手笔记本电脑" }),
        text("spec", "规格型号", { max: 50, required: false }),
        text("unit", "单位", { max: 10, placeholder: "台/件/斤" }),
        number("quantity", "数量", { decimals: 2, min: 0.01, max: 1_000_000 }),
        money("unitPrice", "单价", { maxFen: SALE_MAX_TOTAL_FEN }),
      ],
      { addLabel: "添加货物" },
    ),
    radio("condition", "新旧程度", { NEW: "全新", USED: "二手" }),
    text("usedNote", "成色及已知瑕疵", { max: 200, placeholder: "如：九成新，外壳有轻微划痕，电池健康度85%", showWhen: { field: "condition", equals: "USED" } }),
    text("quality", "质量标准", { max: 200, placeholder: "如：符合国家标准及产品说明书，功能完好" }),
  ]),
  step("交付与验收", [
    deliveryMethod,
    date("deliveryDate", "交付日期", { notBefore: 0 }),
    text("deliveryPlace", "交付地点", { max: 200 }),
    freightBearer,
    number("inspectionDays", "验收期", { min: 0, max: 90, unit: "天", help: "买方在此期限内检验货物并提出质量异议" }),
    number("warrantyMonths", "质保期", { min: 0, max: 120, unit: "个月", help: "填0表示不提供质保" }),
  ]),
  step("价款支付", [
    paymentMode,
    date("payDate", "付款日期", { notBefore: 0, showWhen: { field: "paymentMode", equals: "FULL_BEFORE" } }),
    money("deposit", "定金", { help: "定金不得超过总价的20%", showWhen: { field: "paymentMode", equals: "DEPOSIT_BALANCE" } }),
    date("depositDate", "定金支付日期", { notBefore: 0, showWhen: { field: "paymentMode", equals: "DEPOSIT_BALANCE" } }),
    number("balanceDays", "尾款支付期限", {
      min: 0,
      max: 90,
      unit: "天",
      help: "验收合格后多少天内付清",
      showWhen: { field: "paymentMode", oneOf: ["ON_DELIVERY", "DEPOSIT_BALANCE"] },
    }),
    payMethod,
    checkbox("retainTitle", "付清全款前货物所有权归卖方"),
    number("penaltyPercent", "违约金比例", { min: 0, max: 30, unit: "%", help: "按总价计算，一般不超过30%" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type SaleFacts = {
  goods: { name: string; spec: string; unit: string; quantity: string; unitFen: number; lineFen: number }[];
  totalFen: number;
  used: boolean;
  usedNote: string;
  quality: string;
  deliveryMethod: Form["deliveryMethod"];
  deliveryDate: string;
  deliveryPlace: string;
  freightBearer: string;
  inspectionDays: number;
  warrantyMonths: number;
  paymentMode: Form["paymentMode"];
  payDate: string;
  depositFen: number;
  depositDate: string;
  balanceDays: number;
  payMethod: string;
  retainTitle: boolean;
  penaltyPercent: number;
  otherTerms: string;
};

const linesOf = (f: Form) =>
  f.goods.map((g) => {
    const unitFen = fenOf(g.unitPrice);
    return { name: g.name, spec: g.spec, unit: g.unit, quantity: g.quantity, unitFen, lineFen: lineTotalFen(unitFen, g.quantity) };
  });

export const sale = defineTemplate({
  id: "sale",
  name: "买卖合同",
  category: "trade",
  summary: "个人之间买卖物品，约定货物、价款、交付、验收和质保",
  roles: [
    { key: "SELLER", label: "卖方", asMe: "我是卖方" },
    { key: "BUYER", label: "买方", asMe: "我是买方" },
  ],
  initiators: ["SELLER", "BUYER"],
  defaultInitiator: "SELLER",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: () => ({ inspectionDays: "3", warrantyMonths: "0", balanceDays: "3", penaltyPercent: "10" }),
  rules: (f, _ctx, issue) => {
    const total = sumFen(linesOf(f).map((l) => l.lineFen));
    if (total > SALE_MAX_TOTAL_FEN) issue(["goods"], `合同总价不能超过${yuan(SALE_MAX_TOTAL_FEN)}`);
    const delivery = dateOf(f.deliveryDate);
    const pay = dateOf(f.payDate);
    if (f.paymentMode === "FULL_BEFORE" && pay && delivery && compareYmd(pay, delivery) > 0) issue(["payDate"], "款到发货时，付款日期不能晚于交付日期");
    if (f.paymentMode === "DEPOSIT_BALANCE") {
      const deposit = fenOf(f.deposit);
      // Civil Code art. 586: earnest money above 20% of the price is not earnest money.
      if (deposit > 0 && deposit * 5 > total) issue(["deposit"], "定金不得超过合同总价的20%");
      const depositDay = dateOf(f.depositDate);
      if (depositDay && delivery && compareYmd(depositDay, delivery) > 0) issue(["depositDate"], "定金支付日期不能晚于交付日期");
    }
  },
  sample: (today): Partial<Form> => ({
    goods: [
      { name: "示例笔记本电脑", spec: "14英寸 16GB/512GB", unit: "台", quantity: "1", unitPrice: "4200" },
      { name: "电脑包", spec: "", unit: "个", quantity: "2", unitPrice: "99.5" },
    ],
    condition: "USED",
    usedNote: "九成新，外壳有轻微划痕",
    quality: "功能完好，与卖方提供的照片及描述一致",
    deliveryMethod: "SHIPPING",
    deliveryDate: isoDay(today, 3),
    deliveryPlace: "买方指定的收货地址：上海市浦东新区示例路8号",
    freightBearer: "SELLER",
    warrantyMonths: "3",
    paymentMode: "DEPOSIT_BALANCE",
    deposit: "800",
    depositDate: isoDay(today, 1),
    payMethod: "ALIPAY",
    retainTitle: true,
  }),
  facts: (f: Form): SaleFacts => {
    const goods = linesOf(f);
    return {
      goods,
      totalFen: sumFen(goods.map((g) => g.lineFen)),
      used: f.condition === "USED",
      usedNote: f.usedNote,
      quality: f.quality,
      deliveryMethod: f.deliveryMethod,
      deliveryDate: f.deliveryDate,
      deliveryPlace: f.deliveryPlace,
      freightBearer: f.deliveryMethod === "BUYER_PICKUP" ? "" : labelOf(freightBearer, f.freightBearer),
      inspectionDays: numOf(f.inspectionDays, 0),
      warrantyMonths: numOf(f.warrantyMonths, 0),
      paymentMode: f.paymentMode,
      payDate: f.payDate,
      depositFen: fenOf(f.deposit),
      depositDate: f.depositDate,
      balanceDays: numOf(f.balanceDays, 0),
      payMethod: labelOf(payMethod, f.payMethod),
      retainTitle: f.retainTitle,
      penaltyPercent: numOf(f.penaltyPercent, 0),
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.totalFen,
  body: (x) => ({
    sections: [
      section(
        "买卖标的",
        table(
          ["名称", "规格型号", "数量", "单价", "金额"],
          [...x.goods.map((g) => [g.name, g.spec || "—", `${g.quantity}${g.unit}`, yuan(g.unitFen), yuan(g.lineFen)]), ["合计", "", "", "", yuan(x.totalFen)]],
        ),
        p(`合同总价为${cny(x.totalFen)}。${x.freightBearer ? `运费由${x.freightBearer}承担。` : ""}`),
      ),
      section(
        "质量要求",
        p(
          `${x.used ? `货物为二手物品，成色及已知瑕疵：${x.usedNote}。卖方已如实告知上述情况，买方知悉并同意按现状购买；卖方未告知的其他瑕疵，仍由卖方负责。` : "货物为全新物品，卖方保证货物来源合法、未经使用。"}质量标准：${x.quality}。卖方保证对货物享有完全的处分权，货物不存在抵押、查封或权属争议。`,
        ),
      ),
      section(
        "交付",
        items([
          x.deliveryMethod === "BUYER_PICKUP"
            ? `买方应于${day(x.deliveryDate)}到${x.deliveryPlace}自行提取货物。`
            : `卖方应于${day(x.deliveryDate)}前将货物${x.deliveryMethod === "SHIPPING" ? "通过快递或物流发送至" : "送至"}${x.deliveryPlace}。`,
          x.deliveryMethod === "SHIPPING"
            ? "货物交付给承运人后，卖方应及时将运单号告知买方；货物在运输途中毁损、灭失的，由卖方负责处理，买方签收后风险转移给买方。"
            : "货物毁损、灭失的风险，在交付之前由卖方承担，交付之后由买方承担。",
        ]),
      ),
      section(
        "验收",
        p(
          x.inspectionDays > 0
            ? `买方应在收到货物之日起${x.inspectionDays}日内检验货物，发现数量或质量不符合约定的，应在该期限内通知卖方；买方在该期限内未提出异议的，视为货物数量和质量符合约定。`
            : "买方应在收货时当场检验货物，发现数量或质量不符合约定的应当场提出；当场未提出异议的，视为货物的数量和外观符合约定。",
        ),
      ),
      section("价款支付", items([paymentClause(x), `价款以${x.payMethod}方式支付，卖方收款后应向买方出具收款凭证。`])),
      section(
        "质量保证",
        p(
          x.warrantyMonths > 0
            ? `质保期为${x.warrantyMonths}个月，自交付之日起计算。质保期内货物出现非人为损坏的质量问题，卖方应负责免费维修或更换；因买方使用不当造成的损坏不在质保范围内。`
            : "双方约定本次买卖不提供质保，但卖方故意隐瞒货物瑕疵的，仍应承担相应责任。",
        ),
      ),
      section(
        "所有权转移",
        p(
          x.retainTitle
            ? "在买方付清全部价款之前，货物的所有权仍属于卖方；买方付清全部价款时所有权转移给买方。"
            : "货物的所有权自交付之时转移给买方。",
        ),
      ),
      section(
        "违约责任",
        items([
          `卖方逾期交付或买方逾期付款超过7日的，守约方有权解除合同，违约方应向守约方支付合同总价${x.penaltyPercent}%的违约金；违约金不足以弥补损失的，还应赔偿损失。`,
          "货物质量不符合约定的，买方可以根据情况要求卖方修理、更换、退货或者减少价款，并要求赔偿损失。",
          x.paymentMode === "DEPOSIT_BALANCE"
            ? "支付定金的买方不履行合同致使合同目的不能实现的，无权请求返还定金；收受定金的卖方不履行合同致使合同目的不能实现的，应当双倍返还定金。定金与违约金不同时适用，由守约方选择。"
            : null,
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

function paymentClause(x: SaleFacts): string {
  switch (x.paymentMode) {
    case "FULL_BEFORE":
      return `买方应于${day(x.payDate)}前一次性支付全部价款${cny(x.totalFen)}，卖方收到全部价款后交付货物。`;
    case "ON_DELIVERY":
      return `买方应在货物验收合格后${x.balanceDays}日内一次性支付全部价款${cny(x.totalFen)}。`;
    case "DEPOSIT_BALANCE":
      return `买方应于${day(x.depositDate)}前支付定金${cny(x.depositFen)}，定金在买方付款时抵作价款；其余价款${cny(x.totalFen - x.depositFen)}在货物验收合格后${x.balanceDays}日内付清。`;
  }
}

// 赠与合同: one person gives money or things to another without charge. The clauses carry the
// Civil Code's gift rules: the donor may revoke before the property passes (art. 658), the
// statutory revocation grounds (art. 663), obligations attached to a gift (art. 661), and the
// donor's limited liability for defects (art. 662).
import {
  checkbox,
  date,
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
import { cny, day, items, p, section, sentence, table, yuan } from "./clauses";

const payMethod = select("payMethod", "支付渠道", PAY_METHODS, { showWhen: { field: "giftKind", equals: "MONEY" } });

const steps = [
  step("赠与财产", [
    radio("giftKind", "赠与财产类型", { MONEY: "款项", ITEM: "物品" }),
    money("amount", "赠与金额", { showWhen: { field: "giftKind", equals: "MONEY" } }),
    payMethod,
    list(
      "items",
      "赠与物品",
      [
        text("name", "物品名称", { max: 50 }),
        number("quantity", "数量", { min: 1, max: 9999 }),
        money("value", "估计价值", { required: false }),
        text("note", "说明", { max: 100, required: false, placeholder: "如：品牌型号、成色" }),
      ],
      { showWhen: { field: "giftKind", equals: "ITEM" }, addLabel: "添加物品" },
    ),
    text("purpose", "赠与目的", { max: 100, required: false, placeholder: "如：资助受赠人完成学业" }),
  ]),
  step("交付", [
    date("deliveryDate", "交付日期", { notBefore: 0 }),
    text("deliveryPlace", "交付地点", { max: 200, showWhen: { field: "giftKind", equals: "ITEM" } }),
    checkbox("withObligation", "附义务赠与", { help: "受赠人需履行一定义务，如用于约定用途" }),
    textarea("obligation", "受赠人应履行的义务", { max: 500, showWhen: { field: "withObligation", equals: true } }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type GiftFacts = {
  kind: Form["giftKind"];
  amountFen: number;
  payMethod: string;
  items: { name: string; quantity: number; valueFen: number; note: string }[];
  itemsValueFen: number;
  purpose: string;
  deliveryDate: string;
  deliveryPlace: string;
  obligation: string;
  otherTerms: string;
};

export const gift = defineTemplate({
  id: "gift",
  name: "赠与合同",
  category: "agreement",
  summary: "无偿赠与款项或物品，明确交付、所附义务和撤销规则",
  roles: [
    { key: "DONOR", label: "赠与人", asMe: "我是赠与人" },
    { key: "DONEE", label: "受赠人", asMe: "我是受赠人" },
  ],
  initiators: ["DONOR", "DONEE"],
  defaultInitiator: "DONOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ deliveryDate: isoDay(today) }),
  sample: (today): Partial<Form> => ({
    giftKind: "MONEY",
    amount: "20000",
    payMethod: "BANK",
    purpose: "资助受赠人支付大学学费",
    deliveryDate: isoDay(today, 5),
    withObligation: true,
    obligation: "受赠人应将赠与款项用于支付本人大学学费，并在收到款项后30日内向赠与人提供缴费凭证。",
  }),
  facts: (f: Form): GiftFacts => {
    const list = f.giftKind === "ITEM" ? f.items.map((i) => ({ name: i.name, quantity: numOf(i.quantity, 0), valueFen: fenOf(i.value), note: i.note })) : [];
    return {
      kind: f.giftKind,
      amountFen: f.giftKind === "MONEY" ? fenOf(f.amount) : 0,
      payMethod: labelOf(payMethod, f.payMethod),
      items: list,
      itemsValueFen: sumFen(f.giftKind === "ITEM" ? f.items.map((i) => lineTotalFen(fenOf(i.value), i.quantity, 0)) : []),
      purpose: f.purpose,
      deliveryDate: f.deliveryDate,
      deliveryPlace: f.deliveryPlace,
      obligation: f.withObligation ? f.obligation : "",
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => (x.kind === "MONEY" ? x.amountFen : x.itemsValueFen || null),
  body: (x) => ({
    sections: [
      section(
        "赠与财产",
        ...(x.kind === "MONEY"
          ? [p(`赠与人自愿将其合法所有的款项${cny(x.amountFen)}无偿赠与受赠人，受赠人同意接受。`)]
          : [
              p("赠与人自愿将其合法所有的下列物品无偿赠与受赠人，受赠人同意接受："),
              table(
                ["物品名称", "数量", "估计价值", "说明"],
                x.items.map((i) => [i.name, String(i.quantity), i.valueFen ? yuan(i.valueFen) : "—", i.note || "—"]),
              ),
              ...(x.itemsValueFen > 0 ? [p(`上述物品估计价值合计${cny(x.itemsValueFen)}，仅供参考，不构成赠与人的价值保证。`)] : []),
            ]),
        ...(x.purpose ? [p(`赠与目的：${x.purpose}。`)] : []),
        p("赠与人保证赠与财产为其合法所有，不存在权属争议，赠与不损害第三人的合法权益。"),
      ),
      section(
        "交付",
        p(
          x.kind === "MONEY"
            ? `赠与人应于${day(x.deliveryDate)}前以${x.payMethod}方式将赠与款项支付给受赠人，款项支付完成即视为交付完成。`
            : `赠与人应于${day(x.deliveryDate)}在${x.deliveryPlace}将赠与物品交付受赠人，物品的所有权自交付时转移给受赠人。依法需要办理登记等手续的，双方应相互配合办理。`,
        ),
      ),
      x.obligation
        ? section(
            "所附义务",
            p(`本赠与附有义务，受赠人应当履行：${sentence(x.obligation)}受赠人不履行上述义务的，赠与人可以撤销赠与。附义务的赠与，赠与财产有瑕疵的，赠与人在受赠人所负义务的限度内承担与出卖人相同的责任。`),
          )
        : null,
      section(
        "赠与的撤销",
        items([
          "赠与财产的权利转移之前，赠与人可以撤销赠与；但依法不得撤销的除外。",
          "受赠人有下列情形之一的，赠与人可以自知道或者应当知道撤销事由之日起一年内撤销赠与：（一）严重侵害赠与人或者赠与人近亲属的合法权益；（二）对赠与人有扶养义务而不履行；（三）不履行本合同约定的义务。",
          "赠与被撤销的，赠与人可以请求受赠人返还赠与的财产。",
        ]),
      ),
      section(
        "其他约定",
        items([
          "赠与财产有瑕疵的，赠与人不承担责任；但赠与人故意不告知瑕疵或者保证无瑕疵，造成受赠人损失的，应当承担赔偿责任。",
          "因赠与产生的税费，由双方按照法律规定各自承担。",
          x.otherTerms || null,
        ]),
      ),
    ],
    closing: { dispute: { kind: "general" } },
  }),
});

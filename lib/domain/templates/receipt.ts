// 收据: the payee confirms having received a sum from the payer. A short statement, not a
// contract: either side may start it (DESIGN §3: parties 18–75, at most ¥500,000 per receipt).
import { date, defineTemplate, fenOf, labelOf, select, step, text, textarea, money, type FormOf } from "./engine";
import { cny, day, fields, opt, p } from "./clauses";

export const RECEIPT_MAX_FEN = 50_000_000;

const payMethod = select("payMethod", "支付方式", { CASH: "现金", BANK: "银行转账", WECHAT: "微信", ALIPAY: "支付宝", OTHER: "其他" });
const reason = select("reason", "收款事由", {
  GOODS: "货款",
  RENT: "租金",
  DEPOSIT: "押金",
  SERVICE: "服务费",
  LOAN: "借款",
  REPAYMENT: "还款",
  OTHER: "其他",
});

const steps = [
  step("收款信息", [
    money("amount", "收款金额", { maxFen: RECEIPT_MAX_FEN, help: "单笔最高50万元" }),
    payMethod,
    text("payMethodOther", "其他支付方式", { max: 30, placeholder: "如：银行承兑汇票", showWhen: { field: "payMethod", equals: "OTHER" } }),
    date("paidOn", "收款日期", { notAfter: 0, defaultOffset: 0, help: "实际收到款项的日期，不能晚于今天" }),
    reason,
    text("purpose", "款项说明", {
      max: 100,
      placeholder: "如：2026年1月房租",
      help: "收款事由选择“其他”时必填",
      required: false,
    }),
    textarea("remarks", "备注", { max: 500, required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ReceiptFacts = {
  amountFen: number;
  payMethod: string;
  paidOn: string;
  reason: string;
  purpose: string;
  remarks: string;
};

export const receipt = defineTemplate({
  id: "receipt",
  name: "收据",
  category: "money",
  summary: "收到款项后出具，收款人签署、付款人确认",
  roles: [
    { key: "PAYEE", label: "收款人", asMe: "我收款" },
    { key: "PAYER", label: "付款人", asMe: "我付款" },
  ],
  initiators: ["PAYEE", "PAYER"],
  defaultInitiator: "PAYEE",
  signOrder: "receipt",
  ageRange: { min: 18, max: 75 },
  maxAmountFen: RECEIPT_MAX_FEN,
  noun: "收据",
  // 告知书, as for the 借条: read and accepted before the wizard opens
  notice: [
    "本平台是电子签约工具，只记录双方对收付款事实的确认，不经手、不代收任何款项。",
    "收据双方须为18至75周岁的大陆公民，并以本人实名身份签署；签署前需通过人脸核身确认意愿。",
    "单张收据金额最高50万元；请在款项实际收到后再出具，如实填写金额、方式和事由。",
    "收款人签署后由付款人确认领取，收据即生效；付款人发起的，由收款人签署后生效。",
    "收据发起后30天内对方未处理将自动过期；对方处理前您可以撤销。",
  ],
  steps,
  rules: (f, _ctx, issue) => {
    if (f.reason === "OTHER" && !f.purpose) issue(["purpose"], "收款事由为“其他”时，请填写款项说明");
  },
  sample: (): Partial<Form> => ({
    amount: "3500",
    payMethod: "WECHAT",
    reason: "RENT",
    purpose: "示例：2026年1月房租",
    remarks: "",
  }),
  facts: (f: Form): ReceiptFacts => ({
    amountFen: fenOf(f.amount),
    payMethod: f.payMethod === "OTHER" ? f.payMethodOther : labelOf(payMethod, f.payMethod),
    paidOn: f.paidOn,
    reason: labelOf(reason, f.reason),
    purpose: f.purpose,
    remarks: f.remarks,
  }),
  headlineFen: (x) => x.amountFen,
  body: (x, names) => ({
    intro: [
      p(
        `今收到付款人${names.PAYER}于${day(x.paidOn)}以${x.payMethod}方式支付的${cny(x.amountFen)}，款项事由为${x.reason}${x.purpose ? `（${x.purpose}）` : ""}。`,
      ),
      fields([
        ["收款金额", cny(x.amountFen)],
        ["支付方式", x.payMethod],
        ["收款日期", day(x.paidOn)],
        ["收款事由", x.purpose ? `${x.reason}（${x.purpose}）` : x.reason],
        opt("备注", x.remarks),
      ]),
    ],
    sections: [],
    closing: false,
    outro: [
      p(
        `收款人${names.PAYEE}确认已足额收到上述款项。本收据由双方通过个人电子签以电子签名方式确认，与纸质收据具有同等效力，双方各自留存电子原件。`,
      ),
    ],
  }),
});

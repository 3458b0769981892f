// 借条 clauses: facts + parties → the document model shared by the preview and the PDF.
import { formatYmdChinese, parseYmd } from "../dates";
import { formatYuan, toChineseUppercase } from "../money";
import { formatRate, IOU_ROLE_LABELS, type IouFacts, type IouRole } from "../iou";
import type { ContractDocument, DocSigner } from "./document";

export type IouSigner = { role: IouRole; name: string; idMasked: string; idLabel?: string; signatureSha256?: string; signedAt?: string };

const day = (s: string | null) => {
  const ymd = s ? parseYmd(s) : null;
  return ymd ? formatYmdChinese(ymd) : "____年__月__日";
};
const money = (fen: number) => `${formatYuan(fen)}（人民币${toChineseUppercase(fen)}）`;
const blank = (s: string) => s || "（待对方补充）";

export function iouDocument(facts: IouFacts, signers: IouSigner[], meta: { number: string; initiatedOn?: string }): ContractDocument {
  const lender = signers.find((s) => s.role === "LENDER");
  const borrower = signers.find((s) => s.role === "BORROWER");
  const repayment =
    facts.repayMode === "ONCE"
      ? [{ type: "paragraph" as const, text: `借款人应于${day(facts.repayDate)}前一次性归还全部借款本金及利息。` }]
      : [
          { type: "paragraph" as const, text: `借款人按以下计划分${facts.instalments.length}期归还本金及利息：` },
          {
            type: "table" as const,
            columns: ["期数", "还款日期", "还款金额"],
            rows: facts.instalments.map((p, i) => [`第${i + 1}期`, day(p.date), money(p.amountFen)]),
          },
        ];
  const s = facts.supplement;
  return {
    title: "借条",
    subtitle: `合同编号 ${meta.number}${meta.initiatedOn ? ` · 发起日期 ${meta.initiatedOn}` : ""}`,
    blocks: [
      {
        type: "fields",
        rows: [
          { label: "出借人（甲方）", value: blank(lender?.name ?? "") },
          { label: lender?.idLabel ?? "身份证号", value: blank(lender?.idMasked ?? "") },
          { label: "借款人（乙方）", value: blank(borrower?.name ?? "") },
          { label: borrower?.idLabel ?? "身份证号", value: blank(borrower?.idMasked ?? "") },
        ],
      },
      {
        type: "paragraph",
        text: `今借款人${blank(borrower?.name ?? "")}向出借人${blank(lender?.name ?? "")}借到人民币${money(facts.amountFen)}，用于${facts.purpose}。出借人于${day(facts.loanDate)}将借款交付借款人。`,
      },
      { type: "heading", text: "一、借款利率" },
      {
        type: "paragraph",
        text: facts.rateBp > 0 ? `借款年利率为${formatRate(facts.rateBp)}（单利，按实际借款天数计算，一年按365天计）。` : "本借款不计利息。",
      },
      { type: "heading", text: "二、还款方式" },
      ...repayment,
      ...(s
        ? [
            { type: "heading" as const, text: "三、补充约定" },
            {
              type: "fields" as const,
              rows: [
                { label: "逾期利率", value: `年利率${formatRate(s.overdueRateBp)}` },
                { label: "出借人地址", value: s.lenderAddress },
                { label: "借款人地址", value: s.borrowerAddress },
                { label: "争议管辖", value: s.court },
              ],
            },
            {
              type: "paragraph" as const,
              text: `借款人逾期还款的，自逾期之日起按上述逾期利率向出借人支付逾期利息。因本借条发生争议的，由${s.court}管辖。上述地址为双方确认的送达地址。`,
            },
          ]
        : []),
      { type: "heading", text: s ? "四、其他" : "三、其他" },
      {
        type: "paragraph",
        text: "本借条由双方通过个人电子签以电子签名方式签署，与纸质签署具有同等法律效力。双方确认已阅读并理解全部内容，所填身份信息真实有效。",
      },
    ],
    signers: signers.map<DocSigner>((x) => ({
      roleLabel: IOU_ROLE_LABELS[x.role],
      name: x.name,
      idMasked: x.idMasked,
      signatureSha256: x.signatureSha256,
      signedAt: x.signedAt,
    })),
    footer: "个人电子签 · 电子签约平台，不提供借款、贷款及相关咨询服务",
  };
}

import type { Metadata } from "next";
import Link from "next/link";
import { DocumentView } from "@/components/contract/DocumentView";
import { CreateIouButton } from "@/components/iou/NoticeDialog";
import { iouDocument } from "@/lib/domain/templates/iou";

export const metadata: Metadata = { title: "借条模板" };

// The template preview shows the real clauses with example facts.
const sample = iouDocument(
  {
    lenderRole: "LENDER",
    initiatorRole: "LENDER",
    amountFen: 1_000_000,
    purpose: "资金周转",
    loanDate: "2026-01-01",
    repayMode: "ONCE",
    repayDate: "2026-12-31",
    instalments: [],
    rateBp: 360,
    supplement: null,
  },
  [
    { role: "LENDER", name: "张三", idMasked: "1101**********0011" },
    { role: "BORROWER", name: "李四", idMasked: "3101**********0022" },
  ],
  { number: "示例" },
);

export default function IouTemplatePage() {
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">借条模板预览</h1>
        <Link href="/cases/iou" className="text-sm text-brand-600 underline">
          查看借条相关司法判例
        </Link>
      </div>
      <DocumentView doc={sample} />
      <div className="sticky bottom-16 bg-slate-50/90 py-2 sm:bottom-0">
        <CreateIouButton />
      </div>
    </div>
  );
}

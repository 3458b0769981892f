import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { iouCaseById } from "@/lib/server/content";
import { formatYmdChinese } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "判例详情" };
export const dynamic = "force-dynamic";

export default async function IouCasePage({ params }: { params: Promise<{ id: string }> }) {
  const c = await iouCaseById((await params).id);
  if (!c) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/cases/iou" className="text-sm text-brand-600">
        ‹ 借条相关司法判例
      </Link>
      {c.hiddenAt ? (
        <p className="rounded-2xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-100" data-testid="case-withdrawn">
          该案例已下架，不再展示。
        </p>
      ) : (
        <article className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
          <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            {c.isSample && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">示例 · 非真实案例</span>}
            {c.caseNumber}
          </h1>
          <p className="text-sm text-slate-500">
            {c.court} · {formatYmdChinese({ y: c.decidedOn.getUTCFullYear(), m: c.decidedOn.getUTCMonth() + 1, d: c.decidedOn.getUTCDate() })}
          </p>
          <h2 className="font-medium">案情摘要</h2>
          <p className="whitespace-pre-wrap text-sm text-slate-700" data-testid="case-summary">
            {c.summary}
          </p>
          <h2 className="font-medium">裁判结果</h2>
          <p className="whitespace-pre-wrap text-sm text-slate-700">{c.outcome}</p>
          <a href={c.url} target="_blank" rel="noopener noreferrer nofollow" className="text-sm text-brand-600 underline">
            查看公开的裁判文书
          </a>
        </article>
      )}
    </div>
  );
}

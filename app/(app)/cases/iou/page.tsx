import type { Metadata } from "next";
import Link from "next/link";
import { searchIouCases } from "@/lib/server/content";
import { formatYmdChinese } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "借条相关司法判例" };
export const dynamic = "force-dynamic";

/** 判例库: cases maintained by admins, searchable by court, case number or words in the summary. */
export default async function IouCasesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const q = ((await searchParams).q ?? "").slice(0, 40);
  const cases = await searchIouCases(q);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">借条相关司法判例</h1>
      <p className="text-sm text-slate-600">由平台整理的民间借贷裁判案例，仅供了解，不构成法律意见。标注“示例”的条目为说明格式用的示例，不是真实案例。</p>
      <form role="search" className="flex gap-2">
        <input name="q" defaultValue={q} placeholder="法院、案号或关键词" aria-label="搜索判例" className="min-h-11 w-full min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3" />
        <button className="min-h-11 shrink-0 rounded-lg bg-brand-500 px-4 text-white">搜索</button>
      </form>
      {cases.length === 0 ? (
        <p className="rounded-2xl bg-white p-6 text-center text-sm text-slate-500 shadow-sm ring-1 ring-slate-100">没有找到相关判例</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {cases.map((c) => (
            <li key={c.id} data-testid="iou-case">
              <Link href={`/cases/iou/${c.id}`} className="flex flex-col gap-1 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
                <span className="flex flex-wrap items-center gap-2 font-medium">
                  {c.isSample && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">示例</span>}
                  {c.caseNumber}
                </span>
                <span className="text-xs text-slate-500">
                  {c.court} · {formatYmdChinese({ y: c.decidedOn.getUTCFullYear(), m: c.decidedOn.getUTCMonth() + 1, d: c.decidedOn.getUTCDate() })}
                </span>
                <span className="line-clamp-2 text-sm text-slate-700">{c.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link href="/iou" className="text-sm text-brand-600 underline">
        返回借条模板
      </Link>
    </div>
  );
}

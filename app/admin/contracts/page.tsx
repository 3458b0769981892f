import { requireAdmin } from "@/lib/server/auth";
import Link from "next/link";
import { Pager } from "@/components/admin/Pager";
import { searchContracts } from "@/lib/server/admin";
import { CONTRACT_STATES, STATE_LABELS } from "@/lib/domain/lifecycle";
import { TEMPLATES, kindLabel } from "@/lib/domain/templates/registry";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { roleLabel } from "@/lib/domain/contract-labels";

export default async function AdminContracts({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const { filters: f, total, pages, rows } = await searchContracts(await searchParams);
  const href = (p: number) => `/admin/contracts?${new URLSearchParams({ ...f, page: String(p) })}`;
  const input = "min-h-10 rounded-lg border border-slate-300 bg-white px-3";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">合同</h1>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <input name="q" defaultValue={f.q} placeholder="编号、标题或签署人姓名" aria-label="搜索合同" className={`${input} w-56`} />
        <select name="kind" defaultValue={f.kind} aria-label="类型" className={input}>
          <option value="">全部类型</option>
          {[...TEMPLATES.map((t) => t.id), "file"].map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={f.status} aria-label="状态" className={input}>
          <option value="">全部状态</option>
          {CONTRACT_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
        <input type="date" name="from" defaultValue={f.from} aria-label="创建日期起" className={input} />
        <input type="date" name="to" defaultValue={f.to} aria-label="创建日期止" className={input} />
        <button className="min-h-10 rounded-lg bg-brand-500 px-4 text-white">筛选</button>
      </form>
      <p className="text-sm text-slate-500">共 {total} 份</p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full min-w-[760px] text-left text-sm">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              {["编号", "类型", "签署方", "状态", "创建时间"].map((h) => (
                <th key={h} className="px-4 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-t border-slate-100" data-testid="admin-contract-row">
                <td className="px-4 py-2 font-mono">
                  <Link href={`/admin/contracts/${c.id}`} className="text-brand-600 underline">
                    {c.number}
                  </Link>
                </td>
                <td className="px-4 py-2">{kindLabel(c.kind)}</td>
                <td className="px-4 py-2">{c.parties.map((p) => `${roleLabel(p.role, c.kind)} ${p.name ?? "待补充"}`).join("、")}</td>
                <td className="px-4 py-2">{STATE_LABELS[c.status]}</td>
                <td className="px-4 py-2">{formatShanghaiDateTime(c.createdAt)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-500">
                  没有符合条件的合同
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={f.page} pages={pages} href={href} />
    </div>
  );
}

import { requireAdmin } from "@/lib/server/auth";
import { Pager } from "@/components/admin/Pager";
import { adminAuditList } from "@/lib/server/admin";
import { formatShanghaiDateTime } from "@/lib/domain/dates";

/** 管理审计: every admin action with who, when and what changed. */
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ page?: string; type?: string }> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const sp = await searchParams;
  const { page, total, pages, rows } = await adminAuditList({ page: Number(sp.page) || 1, targetType: sp.type?.slice(0, 40) || undefined });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">管理审计</h1>
      <p className="text-sm text-slate-500">共 {total} 条</p>
      <ol className="flex flex-col gap-2">
        {rows.map((r) => (
          <li key={r.id} className="rounded-xl bg-white p-3 text-sm shadow-sm" data-testid="admin-audit-row">
            <p className="font-medium">{r.summary}</p>
            <p className="text-xs text-slate-500">
              {formatShanghaiDateTime(r.createdAt)} · {r.adminName} · {r.action}
              {r.ip ? ` · ${r.ip}` : ""}
            </p>
            {(r.before !== null || r.after !== null) && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-brand-600">变更内容</summary>
                <div className="mt-1 grid gap-2 md:grid-cols-2">
                  <pre className="overflow-x-auto rounded bg-slate-50 p-2">修改前 {JSON.stringify(r.before, null, 1)}</pre>
                  <pre className="overflow-x-auto rounded bg-slate-50 p-2">修改后 {JSON.stringify(r.after, null, 1)}</pre>
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
      <Pager page={page} pages={pages} href={(p) => `/admin/audit?page=${p}`} />
    </div>
  );
}

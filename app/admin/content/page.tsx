import { requireAdmin } from "@/lib/server/auth";
import { allIouCases, allLegalProviders } from "@/lib/server/admin";
import { IouCaseForm, LegalProviderForm } from "@/components/admin/forms";
import { ActionButton } from "@/components/admin/ActionButton";
import { iouCaseHideAction } from "@/actions/admin";

/** 内容管理: 法律服务 providers and the 借条判例库. */
export default async function AdminContent() {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const [providers, cases] = await Promise.all([allLegalProviders(), allIouCases()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">内容</h1>
      <section className="flex flex-col gap-3">
        <h2 className="font-medium">法律服务</h2>
        {providers.map((p) => (
          <details key={p.id} className="rounded-xl bg-white p-4 shadow-sm">
            <summary className="cursor-pointer">
              {p.name} <span className="text-xs text-slate-500">{p.enabled ? "上架" : "已下架"} · 排序 {p.sortOrder}</span>
            </summary>
            <div className="mt-3">
              <LegalProviderForm provider={{ id: p.id, name: p.name, description: p.description, url: p.url, sortOrder: p.sortOrder, enabled: p.enabled }} />
            </div>
          </details>
        ))}
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <h3 className="mb-2 text-sm font-medium">新增法律服务</h3>
          <LegalProviderForm />
        </div>
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="font-medium">借条判例库</h2>
        <p className="text-sm text-slate-500">只收录真实、可公开查阅的裁判文书；示例条目须勾选“示例”，前台会明确标注。已被用户打开过的案例请下架而不是删除。</p>
        {cases.map((c) => (
          <details key={c.id} className="rounded-xl bg-white p-4 shadow-sm" data-testid="admin-case">
            <summary className="cursor-pointer">
              {c.caseNumber} <span className="text-xs text-slate-500">{c.court}{c.isSample ? " · 示例" : ""}{c.hiddenAt ? " · 已下架" : ""}</span>
            </summary>
            <div className="mt-3 flex flex-col gap-3">
              <IouCaseForm
                entry={{ id: c.id, court: c.court, caseNumber: c.caseNumber, decidedOn: c.decidedOn.toISOString().slice(0, 10), summary: c.summary, outcome: c.outcome, url: c.url, isSample: c.isSample }}
              />
              <ActionButton label={c.hiddenAt ? "恢复上架" : "下架"} run={iouCaseHideAction.bind(null, { id: c.id, hidden: !c.hiddenAt })} className="self-start text-red-600" />
            </div>
          </details>
        ))}
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <h3 className="mb-2 text-sm font-medium">新增案例</h3>
          <IouCaseForm />
        </div>
      </section>
    </div>
  );
}

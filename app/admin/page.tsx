import { requireAdmin } from "@/lib/server/auth";
import Link from "next/link";
import { adminOverview } from "@/lib/server/admin";
import { OverviewChart } from "@/components/admin/OverviewCharts";
import { kindLabel } from "@/lib/domain/templates/registry";
import { providerStatus } from "@/lib/server/providers";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";
import { ltvStatus } from "@/lib/server/evidence";
import { formatShanghaiDateTime } from "@/lib/domain/dates";

const yuan = (fen: number) => (fen / 100).toFixed(2);

export default async function AdminHome({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const [o, ltv] = await Promise.all([adminOverview(await searchParams), ltvStatus()]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">概览</h1>
        <nav className="flex gap-1 rounded-lg bg-white p-1 text-sm shadow-sm" aria-label="时间范围">
          {[7, 30, 90].map((d) => (
            <Link key={d} href={`/admin?days=${d}`} aria-current={d === o.days ? "page" : undefined} className={`rounded-md px-3 py-1 ${d === o.days ? "bg-brand-500 text-white" : "text-slate-600"}`}>
              近{d}天
            </Link>
          ))}
        </nav>
      </div>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          { label: "注册用户", value: o.totals.users, note: "不含已注销" },
          { label: "已实名用户", value: o.totals.verified, note: "不含已注销" },
          { label: `近${o.days}天发起合同`, value: o.contracts.reduce((a, p) => a + Number(p["发起"]), 0), note: null },
          { label: `近${o.days}天净收入（元）`, value: yuan(o.money.netFen), note: `收入 ${yuan(o.money.paidFen)} − 退款 ${yuan(o.money.refundedFen)}` },
        ].map((c) => (
          <li key={c.label} className="rounded-xl bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-500">{c.label}</p>
            <p className="mt-1 text-2xl font-semibold" data-testid="overview-figure">
              {c.value}
            </p>
            {c.note && (
              <p className="mt-0.5 text-xs text-slate-400" data-testid="overview-note">
                {c.note}
              </p>
            )}
          </li>
        ))}
      </ul>
      <section className="rounded-xl bg-white p-4 shadow-sm" aria-label="服务提供方">
        <h2 className="mb-2 text-sm font-medium text-slate-600">服务提供方</h2>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="providers">
          {providerStatus().map((p) => (
            <li key={p.kind} className="flex items-center gap-1 rounded-lg bg-slate-50 px-2 py-1">
              {p.label}：{p.name}
              {p.simulated ? <SimulatedBadge /> : <span className={`rounded px-1 text-xs ${p.configured ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>{p.configured ? "正式" : "未配置"}</span>}
            </li>
          ))}
        </ul>
        {/* 长期验证: signed PDFs get a fresh DSS + document time-stamp before their revocation lists run out */}
        <p className="mt-2 text-sm text-slate-600" data-testid="ltv-status">
          长期验证：{ltv.due === 0 ? "所有已签署文件均在有效期内" : `${ltv.due} 份文件待续期（每日 04:00 自动续期）`}
          {ltv.lastAt ? `；最近一次 ${formatShanghaiDateTime(ltv.lastAt)}` : ""}
        </p>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <OverviewChart title="用户（每日）" data={o.people} series={["新注册", "新实名"]} testId="chart-users" />
        <OverviewChart title="合同（每日）" data={o.contracts} series={["发起", "生效"]} testId="chart-contracts" />
        <OverviewChart title="合同（按类型）" data={o.byKind.map((k) => ({ ...k, kind: kindLabel(k.kind) }))} x="kind" series={["发起", "生效"]} bars testId="chart-kinds" />
        <OverviewChart title="收入与退款（元/日）" data={o.revenue} series={["收入", "退款"]} testId="chart-revenue" />
        <OverviewChart title="短信与邮件（每日）" data={o.messages} series={["短信成功", "短信失败", "邮件成功", "邮件失败"]} testId="chart-messages" />
      </div>
    </div>
  );
}

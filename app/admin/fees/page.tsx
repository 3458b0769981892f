import { requireAdmin } from "@/lib/server/auth";
import { feeRulesForm, feeRulesHistory, couponBatches, couponBatchHistory } from "@/lib/server/admin";
import { formatShanghaiDateTime, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { formatYuan } from "@/lib/domain/money";
import { now } from "@/lib/server/clock";
import { CouponBatchEditForm, CouponBatchForm, CouponIssueForm, FeeRulesForm } from "@/components/admin/forms";
import { ActionButton } from "@/components/admin/ActionButton";
import { couponBatchToggleAction } from "@/actions/admin";

/** 收费规则、省钱月卡与优惠券批次. */
export default async function AdminFees() {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const [current, rulesHistory, batches] = await Promise.all([feeRulesForm(), feeRulesHistory(), couponBatches()]);
  const history = await couponBatchHistory(batches.map((b) => b.id));
  const at = now();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">收费与优惠</h1>
      <section className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 className="font-medium">收费规则与省钱月卡</h2>
        <FeeRulesForm current={current} />
        {rulesHistory.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-600">修改历史（{rulesHistory.length}）</summary>
            <ul className="mt-2 flex flex-col gap-1 text-xs text-slate-600">
              {rulesHistory.map((h) => (
                <li key={h.id}>
                  {formatShanghaiDateTime(h.createdAt)} · {h.summary}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <section className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 className="font-medium">新建优惠券批次</h2>
        <CouponBatchForm today={formatYmd(shanghaiToday(at))} />
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="font-medium">优惠券批次</h2>
        {batches.map((b) => (
          <article key={b.id} className="flex flex-col gap-2 rounded-xl bg-white p-4 text-sm shadow-sm" data-testid="coupon-batch">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {b.name}
                {b.code && <span className="ml-2 rounded bg-slate-100 px-1.5 font-mono text-xs">兑换码 {b.code}</span>}
              </p>
              <span className={b.active && b.validTo > at ? "text-emerald-700" : "text-slate-500"}>{!b.active ? "已停用" : b.validTo <= at ? "已过期" : "发放中"}</span>
            </div>
            <p className="text-slate-600">
              {b.kind === "FIXED" ? `立减 ${formatYuan(b.amountFen)}` : `减免 ${b.percentOff}%`}
              {b.minSpendFen > 0 && ` · 满 ${formatYuan(b.minSpendFen)} 可用`} · 每人限 {b.perUserLimit} 张 · 已发 {b._count.coupons} 张 · {formatShanghaiDateTime(b.validFrom).slice(0, 10)} 至 {formatShanghaiDateTime(new Date(b.validTo.getTime() - 1)).slice(0, 10)}
            </p>
            <div className="flex flex-wrap items-end gap-4">
              {b.active && b.validTo > at && <CouponIssueForm batchId={b.id} />}
              <ActionButton label={b.active ? "停用" : "启用"} run={couponBatchToggleAction.bind(null, { batchId: b.id, active: !b.active })} />
            </div>
            <details>
              <summary className="cursor-pointer text-brand-600">修改批次与历史</summary>
              <div className="mt-2 flex flex-col gap-2">
                <CouponBatchEditForm batch={{ batchId: b.id, name: b.name, validTo: formatYmd(shanghaiToday(new Date(b.validTo.getTime() - 1))), perUserLimit: b.perUserLimit }} />
                <ul className="text-xs text-slate-600">
                  {(history.get(b.id) ?? []).map((h) => (
                    <li key={h.id}>
                      {formatShanghaiDateTime(h.createdAt)} · {JSON.stringify(h.before)} → {JSON.stringify(h.after)}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          </article>
        ))}
      </section>
    </div>
  );
}

import { requireAdmin } from "@/lib/server/auth";
import Link from "next/link";
import { Pager } from "@/components/admin/Pager";
import { searchOrders } from "@/lib/server/admin";
import { ORDER_PURPOSE_LABELS, ORDER_STATUS_LABELS, isSettlement, orderStatusLabel, orderSubjectLine, settledBy } from "@/lib/domain/order-labels";
import { formatYuan } from "@/lib/domain/money";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { maskPhone } from "@/lib/domain/phone";
import { ActionButton } from "@/components/admin/ActionButton";
import { orderRefundAction } from "@/actions/admin";

export default async function AdminOrders({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const { filters: f, total, pages, rows } = await searchOrders(await searchParams);
  const href = (p: number) => `/admin/orders?${new URLSearchParams({ ...f, page: String(p) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">订单与退款</h1>
      <form className="flex flex-wrap gap-2" role="search">
        <input name="q" defaultValue={f.q} placeholder="订单号、手机号或合同编号" aria-label="搜索订单" className="min-h-10 w-64 max-w-full rounded-lg border border-slate-300 bg-white px-3" />
        <select name="status" defaultValue={f.status} aria-label="订单状态" className="min-h-10 rounded-lg border border-slate-300 bg-white px-3">
          <option value="">全部状态</option>
          {Object.entries(ORDER_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <button className="min-h-10 rounded-lg bg-brand-500 px-4 text-white">筛选</button>
      </form>
      <p className="text-sm text-slate-500">共 {total} 笔</p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full min-w-[820px] text-left text-sm">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              {["订单号", "用户", "用途", "金额", "状态", "创建时间", ""].map((h, i) => (
                <th key={i} className="px-4 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} className="border-t border-slate-100" data-testid="admin-order-row">
                <td className="px-4 py-2 font-mono">{o.number}</td>
                <td className="px-4 py-2">{o.user ? <Link href={`/admin/users/${o.userId}`} className="text-brand-600 underline">{o.user.realName ?? maskPhone(o.user.phone)}</Link> : "—"}</td>
                <td className="max-w-64 px-4 py-2">
                  {ORDER_PURPOSE_LABELS[o.purpose]}
                  {orderSubjectLine(o, o.subject) && (
                    <span className="block truncate text-xs text-slate-500" data-testid="admin-order-subject">
                      {o.subject.contract ? (
                        <Link href={`/admin/contracts/${o.subject.contract.id}`} className="text-brand-600 underline">
                          {orderSubjectLine(o, o.subject)}
                        </Link>
                      ) : (
                        orderSubjectLine(o, o.subject)
                      )}
                    </span>
                  )}
                </td>
                <td className="px-4 py-2">{isSettlement(o) ? <span className="text-slate-500">{settledBy(o)}</span> : formatYuan(o.amountFen)}</td>
                <td className="px-4 py-2">{orderStatusLabel(o)}</td>
                <td className="px-4 py-2">{formatShanghaiDateTime(o.createdAt)}</td>
                <td className="px-4 py-2">{o.status === "PAID" && o.amountFen > 0 && <ActionButton label="退款" confirm={`确定为订单 ${o.number} 原路退款 ${formatYuan(o.amountFen)} 吗？`} run={orderRefundAction.bind(null, { orderId: o.id })} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={f.page} pages={pages} href={href} />
    </div>
  );
}

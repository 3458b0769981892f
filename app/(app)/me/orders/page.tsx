import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { ordersFor } from "@/lib/server/payments";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { formatFen } from "@/lib/domain/fees";
import { ORDER_PURPOSE_LABELS, ORDER_STATUS_LABELS, ORDER_STATUS_TONE } from "@/lib/domain/order-labels";

export const metadata: Metadata = { title: "我的订单" };
export const dynamic = "force-dynamic";

export default async function MyOrdersPage() {
  const user = await requireUser();
  const orders = await ordersFor(user.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">我的订单</h1>
      {orders.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-500">暂无订单</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {orders.map((o) => (
            <li key={o.id} data-testid="order-row">
              <Link href={`/orders/${o.id}`} className="flex items-center justify-between gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
                <div className="min-w-0">
                  <p className="font-medium">{ORDER_PURPOSE_LABELS[o.purpose]}</p>
                  <p className="truncate text-xs text-slate-500">
                    {formatShanghaiDateTime(o.createdAt)} · {o.number}
                  </p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <span className="font-medium">{formatFen(o.amountFen)}</span>
                  <span className={`rounded-full px-2 py-0.5 text-xs ${ORDER_STATUS_TONE[o.status]}`} data-testid="order-row-status">
                    {ORDER_STATUS_LABELS[o.status]}
                  </span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

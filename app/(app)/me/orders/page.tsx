import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { ordersFor } from "@/lib/server/payments";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { ORDER_PURPOSE_LABELS, ORDER_STATUS_TONE, orderAmountLabel, orderStatusLabel, orderSubjectLine } from "@/lib/domain/order-labels";

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
          {orders.map((o) => {
            const line = orderSubjectLine(o, o.subject);
            const c = o.subject.contract;
            return (
              <li key={o.id} data-testid="order-row" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-100">
                <Link href={`/orders/${o.id}`} className="flex items-center justify-between gap-3 p-4">
                  <div className="min-w-0">
                    <p className="font-medium">{ORDER_PURPOSE_LABELS[o.purpose]}</p>
                    <p className="truncate text-xs text-slate-500">
                      {formatShanghaiDateTime(o.createdAt)} · {o.number}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <span className="font-medium">{orderAmountLabel(o)}</span>
                    <span className={`rounded-full px-2 py-0.5 text-xs ${ORDER_STATUS_TONE[o.status]}`} data-testid="order-row-status">
                      {orderStatusLabel(o)}
                    </span>
                  </div>
                </Link>
                {/* what it paid for: the contract is its own link (a link may not sit inside the order's) */}
                {line &&
                  (c?.visible ? (
                    <Link href={`/contracts/${c.id}`} className="-mt-2 block truncate px-4 pb-3 text-sm text-brand-600 underline-offset-2 hover:underline" data-testid="order-row-subject">
                      {line}
                    </Link>
                  ) : (
                    <p className="-mt-2 truncate px-4 pb-3 text-sm text-slate-600" data-testid="order-row-subject">
                      {line}
                    </p>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { orderFor } from "@/lib/server/payments";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { formatFen, type PriceLine } from "@/lib/domain/fees";
import { ORDER_PURPOSE_LABELS, ORDER_STATUS_TONE, isSettlement, orderStatusLabel, orderSubjectLine, settlementSource } from "@/lib/domain/order-labels";
import { PriceLines } from "@/components/fees/PriceLines";
import { OrderWatcher } from "@/components/fees/OrderWatcher";

export const metadata: Metadata = { title: "订单" };
export const dynamic = "force-dynamic";

/** One order: where the gateway sends the payer back, and 我的订单's detail. */
export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ declined?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { declined } = await searchParams;
  const o = await orderFor(user.id, id);
  if (!o) notFound();
  const c = o.subject.contract;
  const subject = orderSubjectLine(o, o.subject);
  const free = isSettlement(o);
  const next =
    o.purpose === "CONTRACT" && o.contractId
      ? { href: `/contracts/${o.contractId}/sign`, label: "继续签署" }
      : o.purpose === "REPORT" && o.contractId
        ? { href: `/contracts/${o.contractId}`, label: "返回合同详情" }
        : { href: "/me/card", label: "查看省钱月卡" };
  return (
    <div className="flex flex-col gap-4">
      <header className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{ORDER_PURPOSE_LABELS[o.purpose]}</h1>
        <span data-testid="order-status" className={`rounded-full px-3 py-1 text-sm ${ORDER_STATUS_TONE[o.status]}`}>
          {orderStatusLabel(o)}
        </span>
      </header>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        {subject && (
          <p className="mb-3 truncate text-sm" data-testid="order-subject">
            {c?.visible ? (
              <Link href={`/contracts/${c.id}`} className="text-brand-600 underline">
                {subject}
              </Link>
            ) : (
              subject
            )}
          </p>
        )}
        <PriceLines lines={o.lines as PriceLine[]} />
        <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-y-1 text-xs text-slate-500">
          <dt>订单号</dt>
          <dd className="font-mono">{o.number}</dd>
          <dt>创建时间</dt>
          <dd>{formatShanghaiDateTime(o.createdAt)}</dd>
          {o.paidAt && (
            <>
              <dt>支付时间</dt>
              <dd>{formatShanghaiDateTime(o.paidAt)}</dd>
            </>
          )}
          {o.refundedAt && (
            <>
              <dt>退款时间</dt>
              <dd>{formatShanghaiDateTime(o.refundedAt)}</dd>
            </>
          )}
        </dl>
      </section>
      {o.status === "PENDING" && <OrderWatcher orderId={o.id} declined={declined === "1"} />}
      {o.status === "PAID" && (
        <>
          <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
            {free ? `${settlementSource(o) ? `已由${settlementSource(o)}全额抵扣` : "本次免费"}，无需支付。` : `已支付 ${formatFen(o.amountFen)}。`}{o.purpose === "REPORT" ? "报告生成后将发送到您的邮箱，并短信通知您。" : ""}
          </p>
          <Link href={next.href} className="min-h-12 rounded-lg bg-brand-500 py-3 text-center font-medium text-white">
            {next.label}
          </Link>
        </>
      )}
      {o.status === "REFUNDED" && free && (o.usesFreeSlot || o.couponId) && (
        <p className="text-sm text-slate-600">合同未生效，{o.usesFreeSlot ? "占用的免费额度已退回" : "优惠券仍在有效期内的，已退回"}。</p>
      )}
      {o.status === "EXPIRED" && <p className="text-sm text-slate-600">订单已超过30分钟未支付，已自动失效{o.couponId ? "，优惠券已退回" : ""}。</p>}
      <Link href="/me/orders" className="text-center text-sm text-slate-600 underline">
        我的订单
      </Link>
    </div>
  );
}

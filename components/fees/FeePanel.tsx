"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { orderCreateAction, priceQuoteAction } from "@/actions/payments";
import { formatFen, type Quote } from "@/lib/domain/fees";
import { Button } from "@/components/ui/Button";
import { PriceLines } from "./PriceLines";

export type UsableCoupon = { id: string; label: string };

/**
 * 合同费用 on the initiator's sign page: the lines the server computed, a coupon choice, and 去支付.
 * Once settled it says so: paid, or covered in full (free slot, card, coupon), never "已支付 ¥0.00".
 * The server recomputes at payment; a different total is refused with the new price.
 */
export function FeePanel({ contractId, initial, paidFen, coupons }: { contractId: string; initial: Quote; paidFen: number | null; coupons: UsableCoupon[] }) {
  const router = useRouter();
  const [q, setQ] = useState(initial);
  const [couponId, setCouponId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (paidFen !== null) {
    return (
      <p className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-800" data-testid="fee-paid">
        {paidFen === 0 ? `合同费用已全额抵扣（实付 ${formatFen(0)}），请完成签署。` : `合同费用已支付 ${formatFen(paidFen)}，请完成签署。`}
      </p>
    );
  }

  async function choose(id: string | null) {
    setCouponId(id);
    setError(null);
    const res = await priceQuoteAction({ contractId, couponId: id });
    if (res.ok) setQ(res.data);
    else setError(res.error ?? "价格计算失败");
  }

  async function pay() {
    setBusy(true);
    setError(null);
    const res = await orderCreateAction({ purpose: "CONTRACT", contractId, couponId: q.couponId, expectedTotalFen: q.totalFen });
    if (res.ok && res.data.payUrl) return router.push(res.data.payUrl);
    setBusy(false);
    if (res.ok) return router.refresh();
    setError(res.error ?? "下单失败");
    const again = await priceQuoteAction({ contractId, couponId });
    if (again.ok) setQ(again.data);
  }

  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100" aria-label="合同费用">
      <h2 className="font-medium">合同费用</h2>
      <PriceLines lines={q.lines} />
      {q.quotaNote && (
        <p className="text-xs text-slate-500" data-testid="quota-note">
          {q.quotaNote}
        </p>
      )}
      {coupons.length > 0 && (q.totalFen > 0 || couponId) && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-600">优惠券</span>
          <select className="min-h-11 rounded-lg border border-slate-300 bg-white px-3" value={couponId ?? ""} onChange={(e) => void choose(e.target.value || null)} aria-describedby="coupon-error">
            <option value="">不使用优惠券</option>
            {coupons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {q.couponError && (
            <span id="coupon-error" className="text-red-600">
              {q.couponError}
            </span>
          )}
        </label>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600" data-testid="fee-error">
          {error}
        </p>
      )}
      {q.totalFen > 0 ? (
        <Button onClick={pay} disabled={busy}>
          {busy ? "正在下单…" : `去支付 ${formatFen(q.totalFen)}`}
        </Button>
      ) : q.couponId ? (
        // the coupon covers it all: a ¥0 order spends it once (the server marks it paid at once), then signing opens
        <Button onClick={pay} disabled={busy} data-testid="fee-coupon-free">
          {busy ? "正在使用优惠券…" : "使用优惠券，本次免费"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">本次无需支付。</p>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { couponWallet, type CouponView } from "@/lib/server/payments";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { couponTerms } from "@/lib/domain/fees";
import { RedeemForm } from "@/components/fees/RedeemForm";

export const metadata: Metadata = { title: "优惠券" };
export const dynamic = "force-dynamic";

const TABS = { available: "可使用", used: "已使用", expired: "已过期" } as const;
type Tab = keyof typeof TABS;
const inTab = (c: CouponView, tab: Tab) => (tab === "available" ? c.state === "available" || c.state === "locked" : c.state === tab);

export default async function CouponsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requireUser();
  const { tab: raw } = await searchParams;
  const tab: Tab = raw === "used" || raw === "expired" ? raw : "available";
  const all = await couponWallet(user.id);
  const shown = all.filter((c) => inTab(c, tab));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">优惠券</h1>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <RedeemForm />
      </section>
      <nav className="grid grid-cols-3 gap-1 rounded-xl bg-slate-100 p-1 text-center text-sm">
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <Link key={t} href={`/me/coupons?tab=${t}`} aria-current={t === tab ? "page" : undefined} className={`rounded-lg py-2 ${t === tab ? "bg-white font-medium shadow-sm" : "text-slate-600"}`}>
            {TABS[t]}（{all.filter((c) => inTab(c, t)).length}）
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-500">暂无优惠券</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {shown.map((c) => (
            <li key={c.id} data-testid="coupon" className={`flex items-center gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-100 ${tab === "available" ? "" : "opacity-60"}`}>
              <div className="w-20 shrink-0 text-center text-lg font-semibold text-rose-600">{couponTerms({ ...c, minSpendFen: 0 })}</div>
              <div className="min-w-0 flex-1">
                <p className="font-medium">{c.name}</p>
                <p className="text-xs text-slate-500">
                  {c.minSpendFen ? couponTerms(c).split("，")[1] + " · " : ""}
                  {formatShanghaiDateTime(c.validTo)} 前有效{c.state === "locked" ? " · 待支付订单占用中" : ""}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

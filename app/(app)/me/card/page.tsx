import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth";
import { cardsOf, feeRules } from "@/lib/server/payments";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { formatFen } from "@/lib/domain/fees";
import { kindLabel } from "@/lib/domain/templates/registry";
import { BuyCardButton } from "@/components/fees/BuyCardButton";

export const metadata: Metadata = { title: "省钱月卡" };
export const dynamic = "force-dynamic";


export default async function SaverCardPage() {
  const user = await requireUser();
  const [rules, cards] = await Promise.all([feeRules(), cardsOf(user.id)]);
  const card = rules.saverCard;
  const until = cards.at(-1)?.validTo ?? null;
  const benefit = card.percentOff >= 100 ? "免费发起" : `${(100 - card.percentOff) / 10}折`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">省钱月卡</h1>
      <section className="rounded-2xl bg-gradient-to-br from-amber-50 to-orange-100 p-5 ring-1 ring-amber-200">
        <p className="text-lg font-semibold text-amber-900">{until ? "月卡生效中" : "未开通"}</p>
        {until && (
          <p className="mt-1 text-sm text-amber-900" data-testid="card-until">
            有效期至 {formatShanghaiDateTime(until)}
          </p>
        )}
        <p className="mt-3 text-sm text-amber-900">
          {card.days}天内发起{card.kinds.map(kindLabel).join("、")}享{benefit}，可与优惠券叠加使用（先按月卡优惠，再用优惠券）。
        </p>
      </section>
      <BuyCardButton priceFen={card.priceFen} renew={until !== null} />
      <p className="text-xs text-slate-500">续费的月卡在当前月卡到期后开始计算。价格 {formatFen(card.priceFen)} / {card.days}天。</p>
    </div>
  );
}

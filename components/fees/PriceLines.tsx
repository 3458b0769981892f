import { formatFen, type PriceLine } from "@/lib/domain/fees";

/** 原价 / 月免费额度 / 月卡 / 优惠券 / 实付, as computed by the server. */
export function PriceLines({ lines }: { lines: PriceLine[] }) {
  return (
    <dl className="flex flex-col gap-1.5 text-sm" data-testid="price-lines">
      {lines.map((l, i) => {
        const total = i === lines.length - 1;
        return (
          <div key={i} className={`flex items-baseline justify-between gap-3 ${total ? "border-t border-slate-100 pt-2 text-base font-semibold" : ""}`} data-testid={total ? "price-total" : "price-line"}>
            <dt className={total ? "" : "text-slate-600"}>{l.label}</dt>
            <dd className={l.amountFen < 0 ? "text-emerald-600" : total ? "text-brand-600" : ""}>{formatFen(l.amountFen)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

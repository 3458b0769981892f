"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { orderCreateAction } from "@/actions/payments";
import { formatFen } from "@/lib/domain/fees";
import { Button } from "@/components/ui/Button";

/** 开通 / 续费 省钱月卡 at the price shown. */
export function BuyCardButton({ priceFen, renew }: { priceFen: number; renew: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await orderCreateAction({ purpose: "SAVER_CARD", couponId: null, expectedTotalFen: priceFen });
          if (res.ok && res.data.payUrl) return router.push(res.data.payUrl);
          setBusy(false);
          if (res.ok) router.refresh();
          else setError(res.error ?? "下单失败");
        }}
      >
        {renew ? "续费" : "开通"}省钱月卡 {formatFen(priceFen)}
      </Button>
    </div>
  );
}

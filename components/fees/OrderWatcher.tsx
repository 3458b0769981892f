"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { orderRepayAction } from "@/actions/payments";
import { Button } from "@/components/ui/Button";

/** While an order waits for the gateway's notification: refresh until it is paid (about a minute). */
export function OrderWatcher({ orderId, declined }: { orderId: string; declined: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (declined) return;
    let n = 0;
    const t = setInterval(() => {
      if (++n > 40) return clearInterval(t);
      router.refresh();
    }, 1500);
    return () => clearInterval(t);
  }, [declined, router]);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600" role="status">
        {declined ? "支付未完成，订单30分钟内有效，可重新支付。" : "正在确认支付结果…"}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <Button
        variant={declined ? "primary" : "secondary"}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const res = await orderRepayAction(orderId);
          setBusy(false);
          if (res.ok) router.push(res.data.payUrl);
          else setError(res.error ?? "操作失败");
        }}
      >
        重新支付
      </Button>
    </div>
  );
}

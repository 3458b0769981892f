"use client";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";

type PayRequest = { appId: string; timeStamp: string; nonceStr: string; package: string; signType: "RSA"; paySign: string };
type Bridge = { invoke(name: string, args: PayRequest, done: (res: { err_msg?: string }) => void): void };

/**
 * Inside WeChat: the cashier opens over the page (WeixinJSBridge getBrandWCPayRequest with the
 * request the server signed). Its "ok" is not proof of payment: the order page waits for the
 * gateway's notification, as on every channel.
 */
export function JsapiPay({ request, orderId }: { request: PayRequest; orderId: string }) {
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const pay = useCallback(() => {
    const run = () => {
      const bridge = (window as unknown as { WeixinJSBridge?: Bridge }).WeixinJSBridge;
      if (!bridge) return setNote("请在微信中打开本页面完成支付");
      bridge.invoke("getBrandWCPayRequest", request, (res) => {
        if (res.err_msg === "get_brand_wcpay_request:ok") router.push(`/orders/${orderId}`);
        else setNote(res.err_msg === "get_brand_wcpay_request:cancel" ? "已取消支付，订单30分钟内有效" : "支付未完成，请重试");
      });
    };
    if ((window as unknown as { WeixinJSBridge?: Bridge }).WeixinJSBridge) run();
    else document.addEventListener("WeixinJSBridgeReady", run, { once: true });
  }, [request, orderId, router]);
  useEffect(() => {
    pay();
  }, [pay]);
  return (
    <div className="flex flex-col gap-3">
      {note && (
        <p role="status" className="text-center text-sm text-slate-600">
          {note}
        </p>
      )}
      <Button onClick={pay}>微信支付</Button>
    </div>
  );
}

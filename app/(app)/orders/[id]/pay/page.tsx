import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import QRCode from "qrcode";
import { requireUser } from "@/lib/server/auth";
import { orderPayStep } from "@/lib/server/payments";
import { formatFen } from "@/lib/domain/fees";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { ORDER_PURPOSE_LABELS } from "@/lib/domain/order-labels";
import { PayWatcher } from "@/components/fees/PayWatcher";
import { JsapiPay } from "@/components/fees/JsapiPay";

export const metadata: Metadata = { title: "微信支付" };
export const dynamic = "force-dynamic";

/** Our pay page for WeChat Pay: the Native QR code, the JSAPI cashier inside WeChat, or on to WeChat's H5 cashier. */
export default async function PayPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const found = await orderPayStep(user.id, id);
  if (!found) notFound();
  const { order, pay } = found;
  if (order.status !== "PENDING" || !pay) redirect(`/orders/${order.id}`);
  if (pay.step.kind === "h5" || pay.step.kind === "redirect") redirect(pay.step.url);
  const qr = pay.step.kind === "qr" ? await QRCode.toDataURL(pay.step.codeUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" }) : null;
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-5">
      <section className="flex flex-col items-center gap-2 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-100">
        <p className="text-sm text-slate-500">个人电子签 · {ORDER_PURPOSE_LABELS[order.purpose]}</p>
        <p className="text-4xl font-semibold" data-testid="pay-amount">
          {formatFen(order.amountFen)}
        </p>
        <p className="text-xs text-slate-400">订单号 {order.number}</p>
        {qr && (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here, nothing to optimise */}
            <img src={qr} width={240} height={240} alt="微信支付二维码" data-testid="pay-qr" className="mt-3" />
            <p className="text-sm text-slate-700">请使用微信扫一扫完成支付</p>
            <p className="text-xs text-slate-500">在微信中打开本页时，可长按二维码识别</p>
          </>
        )}
        <p className="text-xs text-slate-400">请在 {formatShanghaiDateTime(order.expiresAt)} 前完成支付</p>
      </section>
      {pay.step.kind === "jsapi" && <JsapiPay request={pay.step.request} orderId={order.id} />}
      <PayWatcher />
      <p className="text-center text-sm text-slate-500" role="status">
        支付完成后本页将自动跳转
      </p>
      <Link href={`/orders/${order.id}`} className="text-center text-sm text-slate-600 underline">
        查看订单
      </Link>
    </div>
  );
}

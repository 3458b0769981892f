import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { sandboxPayment } from "@/lib/server/payments";
import { formatFen } from "@/lib/domain/fees";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";
import { sandboxApproveAction, sandboxDeclineAction } from "@/actions/pay-sandbox";

export const metadata: Metadata = { title: "模拟支付" };
export const dynamic = "force-dynamic";

/** The sandbox gateway's pay page, standing in for the WeChat Pay cashier. */
export default async function SandboxPayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const p = await sandboxPayment(id);
  if (!p) notFound();
  const open = p.status === "PENDING";
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-5 px-5 py-10">
      <p className="flex items-center justify-center gap-2 text-sm text-slate-500">
        <SimulatedBadge /> 开发环境的模拟支付网关，不会产生真实扣款
      </p>
      <section className="flex flex-col items-center gap-2 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-100">
        <p className="text-sm text-slate-500">个人电子签 · {p.description}</p>
        <p className="text-4xl font-semibold" data-testid="sandbox-amount">
          {formatFen(p.amountFen)}
        </p>
        <p className="text-xs text-slate-400">订单号 {p.orderNumber}</p>
      </section>
      {open ? (
        <div className="flex flex-col gap-3">
          <form action={sandboxApproveAction}>
            <input type="hidden" name="id" value={p.id} />
            <button className="min-h-12 w-full rounded-lg bg-emerald-600 text-lg font-medium text-white">确认支付</button>
          </form>
          <form action={sandboxDeclineAction}>
            <input type="hidden" name="id" value={p.id} />
            <button className="min-h-12 w-full rounded-lg border border-slate-300 bg-white">拒绝支付</button>
          </form>
        </div>
      ) : (
        <p className="rounded-lg bg-slate-100 p-3 text-center text-sm text-slate-600">该笔支付已{p.status === "DECLINED" ? "拒绝" : p.status === "REFUNDED" ? "退款" : p.status === "CLOSED" ? "关闭（订单已失效）" : "完成"}。</p>
      )}
    </main>
  );
}

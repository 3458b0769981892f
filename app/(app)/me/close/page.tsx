import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth";
import { contractsInProgress } from "@/lib/server/account";
import { STATE_LABELS } from "@/lib/domain/lifecycle";
import { CloseAccount } from "@/components/account/CloseAccount";

export const metadata: Metadata = { title: "账号注销" };
export const dynamic = "force-dynamic";

export default async function CloseAccountPage() {
  const user = await requireUser();
  const open = await contractsInProgress(user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">账号注销</h1>
      <section className="rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-2 font-medium">注销条件</h2>
        <p className="text-slate-700">没有处理中的合同：待补充、待签署、待领取，以及解除或结清申请等待确认的合同都需先处理完毕（签署、撤销、拒签，或等待其过期）。</p>
      </section>
      {open.length > 0 ? (
        <section className="flex flex-col gap-2 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="close-blocked">
          <h2 className="font-medium text-amber-900">暂时无法注销</h2>
          <p className="text-sm text-amber-900">您有 {open.length} 份处理中的合同：</p>
          <ul className="divide-y divide-amber-100 rounded-xl bg-white">
            {open.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 truncate">{c.title}</span>
                <span className="shrink-0 text-slate-500">{STATE_LABELS[c.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <CloseAccount />
      )}
    </div>
  );
}

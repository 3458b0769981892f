import { requireAdmin } from "@/lib/server/auth";
import { notFound } from "next/navigation";
import Link from "next/link";
import { userDetail } from "@/lib/server/admin";
import { maskPhone } from "@/lib/domain/phone";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { STATE_LABELS } from "@/lib/domain/lifecycle";
import { kindLabel } from "@/lib/domain/templates/registry";
import { isSettlement, orderStatusLabel, settledBy } from "@/lib/domain/order-labels";
import { formatYuan } from "@/lib/domain/money";
import { FreezeForm } from "@/components/admin/FreezeForm";
import { ActionButton } from "@/components/admin/ActionButton";
import { userUnfreezeAction } from "@/actions/admin";

const STATUS = { ACTIVE: "正常", FROZEN: "已冻结", DELETED: "已注销" } as const;

export default async function AdminUser({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const d = await userDetail((await params).id);
  if (!d) notFound();
  const { user, contracts, orders, signIns } = d;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">用户 · {user.realName ?? maskPhone(user.phone)}</h1>
      <section className="grid gap-4 rounded-xl bg-white p-4 shadow-sm md:grid-cols-2">
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">手机号</dt>
          <dd className="font-mono">{user.status === "DELETED" ? "—" : maskPhone(user.phone)}</dd>
          <dt className="text-slate-500">姓名</dt>
          <dd>{user.realName ?? "未实名"}</dd>
          <dt className="text-slate-500">证件号</dt>
          <dd className="font-mono">{user.idMasked ?? "—"}</dd>
          <dt className="text-slate-500">状态</dt>
          <dd data-testid="admin-user-status">{STATUS[user.status]}</dd>
          {user.frozenReason && (
            <>
              <dt className="text-slate-500">冻结原因</dt>
              <dd>{user.frozenReason}</dd>
            </>
          )}
          <dt className="text-slate-500">注册时间</dt>
          <dd>{formatShanghaiDateTime(user.createdAt)}</dd>
        </dl>
        <div>
          {user.status === "ACTIVE" && <FreezeForm userId={user.id} />}
          {user.status === "FROZEN" && <ActionButton label="解除冻结" run={userUnfreezeAction.bind(null, { userId: user.id })} className="rounded-lg bg-brand-500 px-4 py-2 text-white" />}
        </div>
      </section>
      <section className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">合同（{contracts.length}）</h2>
        <table className="w-full min-w-[560px] text-left text-sm">
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="py-1.5 font-mono">
                  <Link href={`/admin/contracts/${c.id}`} className="text-brand-600 underline">
                    {c.number}
                  </Link>
                </td>
                <td>{kindLabel(c.kind)}</td>
                <td>{STATE_LABELS[c.status]}</td>
                <td>{formatShanghaiDateTime(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">订单（{orders.length}）</h2>
        <table className="w-full min-w-[560px] text-left text-sm">
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="border-t border-slate-100">
                <td className="py-1.5 font-mono">{o.number}</td>
                <td>{isSettlement(o) ? settledBy(o) : formatYuan(o.amountFen)}</td>
                <td>{orderStatusLabel(o)}</td>
                <td>{formatShanghaiDateTime(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">登录记录</h2>
        <table className="w-full min-w-[560px] text-left text-sm">
          <tbody>
            {signIns.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <td className="py-1.5">{formatShanghaiDateTime(s.createdAt)}</td>
                <td className="font-mono">{s.ip}</td>
                <td className="max-w-xs truncate text-slate-500">{s.userAgent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

import { requireAdmin } from "@/lib/server/auth";
import { listOutbox } from "@/lib/server/notify";
import { OutboxTable } from "@/components/outbox/OutboxTable";
import { resendAction } from "@/actions/admin";
import { ActionButton } from "@/components/admin/ActionButton";

export default async function AdminOutbox({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const { to } = await searchParams;
  const { total, rows } = await listOutbox({ to: to?.trim() || undefined, take: 100 });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">短信与邮件</h1>
      <form className="flex gap-2">
        <input name="to" defaultValue={to} placeholder="按手机号或邮箱筛选" aria-label="收件人" className="min-h-10 w-full max-w-sm rounded-lg border border-slate-300 bg-white px-3" />
        <button className="rounded-lg bg-brand-500 px-4 text-white">筛选</button>
      </form>
      <p className="text-sm text-slate-500">共 {total} 条</p>
      <OutboxTable
        rows={rows}
        action={(m) =>
          m.status !== "PENDING" && !m.redacted ? <ActionButton label="重新发送" run={resendAction.bind(null, { id: m.id })} /> : null
        }
      />
    </div>
  );
}

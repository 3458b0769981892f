import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { devProvidersActive } from "@/lib/server/config";
import { listSimulatedOutbox } from "@/lib/server/notify";
import { OutboxTable } from "@/components/outbox/OutboxTable";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";

export const metadata: Metadata = { title: "模拟发件箱" };
export const dynamic = "force-dynamic";

/** For testers who are signed out: what the development SMS / e-mail providers "sent". */
export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!devProvidersActive()) notFound();
  const { to } = await searchParams;
  const { rows } = await listSimulatedOutbox({ to: to?.trim() || undefined, take: 50 });
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-4">
      <h1 className="flex items-center gap-2 text-xl font-semibold">
        模拟发件箱 <SimulatedBadge />
      </h1>
      <p className="text-sm text-slate-500">开发环境不真实发送短信和邮件，所有消息都保存在这里。配置真实短信服务后本页不可访问。</p>
      <form className="flex gap-2">
        <input name="to" defaultValue={to} placeholder="按手机号或邮箱筛选" aria-label="收件人" className="min-h-10 flex-1 rounded-lg border border-slate-300 bg-white px-3" />
        <button className="rounded-lg bg-brand-500 px-4 text-white">筛选</button>
      </form>
      <OutboxTable rows={rows} attachmentHref={(m, i) => `/api/dev/outbox/${m.id}/attachments/${i}`} />
    </main>
  );
}

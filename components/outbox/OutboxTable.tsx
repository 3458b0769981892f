import type { OutboxMessage } from "@prisma/client";
import type { ReactNode } from "react";
import { formatShanghaiDateTime } from "@/lib/domain/dates";

// 已发送: the provider accepted it; 已送达: the gateway's delivery report says the handset has it
const statusLabel = { PENDING: "待发送", SENT: "已发送", DELIVERED: "已送达", FAILED: "发送失败" } as const satisfies Record<OutboxMessage["status"], string>;

type Attachment = { filename: string; size: number };

export function OutboxTable({ rows, action, attachmentHref }: { rows: OutboxMessage[]; action?: (m: OutboxMessage) => ReactNode; attachmentHref?: (m: OutboxMessage, index: number) => string }) {
  if (rows.length === 0) return <p className="rounded-xl bg-white p-8 text-center text-slate-500">暂无消息</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((m) => (
        <li key={m.id} data-testid="outbox-row" className="rounded-xl bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{m.channel === "SMS" ? "短信" : "邮件"}</span>
            <span className="font-mono">{m.to}</span>
            <span data-testid="outbox-status" className={m.status === "FAILED" ? "text-red-600" : m.status === "SENT" || m.status === "DELIVERED" ? "text-emerald-600" : "text-amber-600"}>
              {statusLabel[m.status]}
            </span>
            <span className="text-slate-400">{formatShanghaiDateTime(m.createdAt)}</span>
            {m.attempts > 0 && <span className="text-slate-400">尝试 {m.attempts} 次</span>}
            {m.provider && <span className="text-slate-400">经 {m.provider}{m.providerMessageId ? `（${m.providerMessageId}）` : ""}</span>}
            {m.reportedAt && <span className="text-slate-400">回执 {formatShanghaiDateTime(m.reportedAt)}</span>}
            {action && <span className="ml-auto">{action(m)}</span>}
          </div>
          {m.subject && <p className="mt-2 font-medium">{m.subject}</p>}
          <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{m.body}</p>
          {(m.attachments as Attachment[]).length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {(m.attachments as Attachment[]).map((a, i) => (
                <li key={i} className="rounded bg-slate-50 px-2 py-1">
                  附件：{attachmentHref ? <a className="text-brand-600 underline" href={attachmentHref(m, i)}>{a.filename}</a> : a.filename}（{Math.ceil(a.size / 1024)} KB）
                </li>
              ))}
            </ul>
          )}
          {m.lastError && <p className="mt-1 text-xs text-red-600">错误：{m.lastError}</p>}
        </li>
      ))}
    </ul>
  );
}

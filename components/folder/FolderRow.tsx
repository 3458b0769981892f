import Link from "next/link";
import type { FolderEntry } from "@prisma/client";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { formatYuan } from "@/lib/domain/money";
import { DOCUMENT_STATES, STATE_LABELS } from "@/lib/domain/lifecycle";
import { STATUS_TONE } from "@/lib/domain/contract-labels";
import { DocumentShortcuts } from "@/components/contract/DocumentShortcuts";
import { UrgeButton } from "./UrgeButton";

/** One contract in a list (文件夹, the home page): what it is, with whom, for how much, what it waits for. */
export function FolderRow({ it, email, shortcuts = true }: { it: FolderEntry; email: string; shortcuts?: boolean }) {
  return (
    <li className="rounded-xl bg-white shadow-sm ring-1 ring-slate-100" data-testid="folder-item">
      <Link href={`/contracts/${it.contractId}`} className="flex flex-col gap-1 p-4">
        <span className="flex items-center justify-between gap-3">
          <span className="min-w-0 truncate font-medium">{it.title}</span>
          <span data-testid="folder-status" className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-medium ${STATUS_TONE[it.status] ?? "bg-slate-100 text-slate-600"}`}>
            {STATE_LABELS[it.status]}
          </span>
        </span>
        {/* 对方 · ¥金额 · 编号 on one line, whatever is known */}
        <span className="block truncate text-xs text-slate-500" data-testid="folder-facts">
          {[it.counterparty && `对方：${it.counterparty}`, it.amountFen !== null && formatYuan(it.amountFen), it.number && `编号 ${it.number}`].filter(Boolean).join(" · ")}
        </span>
        <span className="flex items-center justify-between gap-3 text-xs">
          <span className="min-w-0 truncate font-medium text-amber-700" data-testid="folder-waiting">
            {it.waitingFor ?? ""}
          </span>
          <span className="shrink-0 text-slate-400">{formatShanghaiDateTime(it.contractCreatedAt)}</span>
        </span>
      </Link>
      {it.mayUrge && <UrgeButton contractId={it.contractId} version={it.contractVersion} />}
      {shortcuts && DOCUMENT_STATES.includes(it.status) && <DocumentShortcuts contractId={it.contractId} email={email} />}
    </li>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { reminderAction } from "@/actions/contracts";

/**
 * 还款提醒, for the viewer alone (您本人): the party the dates bind is reminded to pay, anyone else
 * to expect the payment. Nobody's switch sends a message to someone else.
 */
export function ReminderSwitch({ contractId, on, bound }: { contractId: string; on: boolean; bound: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <label className="flex items-center justify-between gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <span className="min-w-0">
        <span className="block font-medium">还款提醒</span>
        <span className="block text-sm text-slate-500">{bound ? "每个还款日上午9点短信提醒您本人按时还款" : "每个还款日上午9点短信提醒您本人，对方今天应还款"}</span>
        {message && (
          <span role="status" className="block text-sm text-slate-700" data-testid="reminder-message">
            {message}
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        aria-label="还款提醒"
        className="h-6 w-11 shrink-0 accent-brand-500"
        defaultChecked={on}
        disabled={busy}
        onChange={async (e) => {
          const enabled = e.target.checked;
          setBusy(true);
          const res = await reminderAction({ contractId, enabled });
          setBusy(false);
          setMessage(res.ok ? (enabled ? "已开启，提醒只发给您本人" : "已关闭还款提醒") : (res.error ?? "操作失败"));
          router.refresh();
        }}
      />
    </label>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { urgeAction } from "@/actions/contracts";

/** 催办 on a folder row: the detail page's action, its answer (已催办 or why not) said on the row. */
export function UrgeButton({ contractId, version }: { contractId: string; version: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const urge = async () => {
    setBusy(true);
    const res = await urgeAction({ contractId, version });
    setBusy(false);
    setMessage(res.ok ? { ok: true, text: "已催办" } : { ok: false, text: res.error ?? "催办失败" });
    if (res.ok) router.refresh(); // the row carries the contract's new version
  };
  return (
    <div className="flex items-center gap-3 px-4 pb-3 text-sm">
      {message?.ok ? (
        <span role="status" className="text-emerald-700" data-testid="folder-urge-message">
          已催办
        </span>
      ) : (
        <button type="button" disabled={busy} onClick={urge} className="shrink-0 text-brand-600 disabled:text-slate-400" data-testid="folder-urge">
          {busy ? "催办中…" : "催办"}
        </button>
      )}
      {message && !message.ok && (
        <span role="status" className="min-w-0 text-xs text-red-600" data-testid="folder-urge-message">
          {message.text}
        </span>
      )}
    </div>
  );
}

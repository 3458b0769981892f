"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/server/result";

/** A one-click admin action (re-send, refund, enable …) with an optional confirm and its error inline. */
export function ActionButton({ label, run, confirm, className = "text-brand-600" }: { label: string; run: () => Promise<ActionResult<unknown>>; confirm?: string; className?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        disabled={busy}
        className={`${className} disabled:opacity-50`}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          setBusy(true);
          setError(null);
          const res = await run();
          setBusy(false);
          if (res.ok) router.refresh();
          else setError(res.error ?? "操作失败");
        }}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}

"use client";
import { useEffect, useId, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * A modal sheet: from the bottom on phones, centred from sm up. In a portal, so no parent's
 * stacking context (sticky bars, the phone nav) can cover it. Escape closes it.
 */
export function Sheet({ title, onClose, children, busy = false }: { title: string; onClose: () => void; children: ReactNode; busy?: boolean }) {
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !busy && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, busy]);
  return createPortal(
    <div role="dialog" aria-modal="true" aria-labelledby={id} className="fixed inset-0 z-[70] flex items-end justify-center bg-black/40 sm:items-center">
      <div className="flex max-h-[88dvh] w-full max-w-md flex-col gap-3 overflow-y-auto rounded-t-2xl bg-white p-5 pb-[max(1.25rem,env(safe-area-inset-bottom))] sm:rounded-2xl">
        <div className="flex items-center justify-between gap-3">
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          <button type="button" onClick={onClose} disabled={busy} className="min-h-11 px-2 text-sm text-slate-500">
            关闭
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}

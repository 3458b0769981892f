"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { sealCreateAction, sealDeleteAction } from "@/actions/account";
import { SealImage } from "./SealImage";

type Option = { style: string; label: string; svg: string };
type Saved = { id: string; style: string; styleLabel: string; svg: string; valid: boolean };

/** 我的印章: seals drawn from the real name in several styles; keep one, delete one. */
export function SealManager({ options, saved }: { options: Option[]; saved: Saved[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string> }>) => {
    setBusy(true);
    setError(null);
    const res = await fn();
    setBusy(false);
    if (!res.ok) setError(res.fieldErrors?.style ?? res.error ?? "操作失败");
    else router.refresh();
  };
  return (
    <div className="flex flex-col gap-4">
      {saved.length > 0 && (
        <ul className="flex flex-wrap gap-3">
          {saved.map((s) => (
            <li key={s.id} className="flex w-36 flex-col items-center gap-1 rounded-xl border border-slate-200 p-3 text-sm" data-testid="saved-seal">
              <SealImage svg={s.svg} label={`${s.styleLabel}印章`} />
              <span className="text-xs text-slate-600">{s.styleLabel}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${s.valid ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-500"}`}>{s.valid ? "有效" : "已失效"}</span>
              <span className="flex gap-3">
                {!s.valid && (
                  <button type="button" className="text-brand-600" disabled={busy} onClick={() => void run(() => sealCreateAction({ style: s.style }))}>
                    重新生成
                  </button>
                )}
                <button type="button" className="text-red-600" disabled={busy} onClick={() => window.confirm("确定删除该印章吗？") && void run(() => sealDeleteAction({ id: s.id }))}>
                  删除
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <p className="mb-2 text-sm text-slate-600">按您的实名姓名生成印章，选择一种样式：</p>
        <ul className="grid grid-cols-3 gap-2">
          {options.map((o) => (
            <li key={o.style}>
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => sealCreateAction({ style: o.style }))}
                className="flex w-full flex-col items-center gap-1 rounded-xl border border-slate-200 bg-white p-2 text-xs hover:border-brand-300"
                aria-label={`生成${o.label}`}
              >
                <SealImage svg={o.svg} label={o.label} size={72} />
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";
import { useState } from "react";
import { Sheet } from "@/components/ui/Sheet";

export type LegalProviderView = { id: string; name: string; description: string; url: string };

/**
 * 法律服务: the providers, then an interstitial before leaving for a third party, with a box the
 * user ticks before 我已知悉并继续前往.
 */
export function LegalServiceDialog({ providers, onClose }: { providers: LegalProviderView[]; onClose: () => void }) {
  const [chosen, setChosen] = useState<LegalProviderView | null>(null);
  const [understood, setUnderstood] = useState(false);
  if (chosen) {
    return (
      <Sheet title="即将离开个人电子签" onClose={onClose}>
        <p className="text-sm text-slate-700">
          您将前往第三方服务「{chosen.name}」（{new URL(chosen.url).host}）。该服务由第三方独立提供，其内容、收费与隐私政策以第三方为准，个人电子签不对其服务承担责任。
        </p>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 h-4 w-4 accent-brand-500" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <span>我已了解上述内容，自愿前往第三方服务</span>
        </label>
        <div className="grid grid-cols-2 gap-3">
          <button type="button" className="min-h-11 rounded-lg border border-slate-300" onClick={() => setChosen(null)}>
            返回
          </button>
          {understood ? (
            <a href={chosen.url} target="_blank" rel="noopener noreferrer" onClick={onClose} className="flex min-h-11 items-center justify-center rounded-lg bg-brand-500 text-white">
              我已知悉并继续前往
            </a>
          ) : (
            <button type="button" disabled className="min-h-11 rounded-lg bg-brand-100 text-white">
              我已知悉并继续前往
            </button>
          )}
        </div>
      </Sheet>
    );
  }
  return (
    <Sheet title="法律服务" onClose={onClose}>
      {providers.length === 0 ? (
        <p className="text-sm text-slate-500">暂无可用的法律服务</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {providers.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => setChosen(p)} className="w-full rounded-xl p-3 text-left ring-1 ring-slate-200 hover:bg-slate-50">
                <span className="block font-medium">{p.name}</span>
                <span className="block text-sm text-slate-500">{p.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}

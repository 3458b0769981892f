"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { signatureAddAction, signatureDeleteAction, signatureSetDefaultAction } from "@/actions/account";
import { SignaturePad } from "@/components/signing/SignaturePad";
import { Button } from "@/components/ui/Button";

type Item = { id: string; sha256: string; isDefault: boolean; valid: boolean };

/** 我的签名: kept signatures (the default is offered first when signing), 设为默认, 删除, 新建签名. */
export function SignatureManager({ items }: { items: Item[] }) {
  const router = useRouter();
  const [drawing, setDrawing] = useState(false);
  const [png, setPng] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onChange = useCallback((v: string | null) => setPng(v), []);
  const run = async (fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string> }>) => {
    setBusy(true);
    setError(null);
    const res = await fn();
    setBusy(false);
    if (!res.ok) setError(res.fieldErrors?.png ?? res.error ?? "操作失败");
    else router.refresh();
    return res.ok;
  };
  return (
    <div className="flex flex-col gap-3">
      {items.length === 0 && <p className="text-sm text-slate-500">还没有保存的签名。签署合同时手写的签名会自动保存在这里。</p>}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {items.map((s, i) => (
          <li key={s.id} className="flex items-center gap-3 rounded-xl border border-slate-200 p-3" data-testid="saved-signature">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small signature PNG served by our own route */}
            <img src={`/api/signatures/${s.sha256}`} alt={`签名${i + 1}`} className="h-14 w-32 shrink-0 object-contain" />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <span className="flex flex-wrap gap-1 text-xs">
                {s.valid ? (
                  <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-700">有效</span>
                ) : (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-500">已失效</span>
                )}
                {s.isDefault && <span className="rounded bg-brand-50 px-1.5 py-0.5 text-brand-600" data-testid="default-badge">默认</span>}
              </span>
              <span className="flex gap-3 text-sm">
                {s.valid && !s.isDefault && (
                  <button type="button" className="text-brand-600" disabled={busy} onClick={() => void run(() => signatureSetDefaultAction({ id: s.id }))}>
                    设为默认
                  </button>
                )}
                {!s.valid && (
                  <button type="button" className="text-brand-600" disabled={busy} onClick={() => setDrawing(true)}>
                    重新生成
                  </button>
                )}
                <button type="button" className="text-red-600" disabled={busy} onClick={() => window.confirm("删除后不能再选用该签名，已签署的合同不受影响。确定删除吗？") && void run(() => signatureDeleteAction({ id: s.id }))}>
                  删除
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {drawing ? (
        <div className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3">
          <SignaturePad onChange={onChange} />
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" onClick={() => setDrawing(false)} disabled={busy}>
              取消
            </Button>
            <Button disabled={busy || !png} onClick={async () => (await run(() => signatureAddAction({ png }))) && setDrawing(false)}>
              保存签名
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setDrawing(true)}>
          新建签名
        </Button>
      )}
    </div>
  );
}

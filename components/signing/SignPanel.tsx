"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { VerifyDialog } from "@/components/identity/VerifyDialog";
import type { IntentMethods } from "@/lib/domain/account";
import { signFinishAction, signStartAction } from "@/actions/contracts";
import { SignaturePad } from "./SignaturePad";

type Saved = { id: string; sha256: string };

/** Choose a saved signature or draw one, then 签署意愿验证 (face check), then the signature applies. */
export function SignPanel({
  contractId,
  version,
  token,
  saved,
  label,
  blockedReason = null,
  fieldValues,
  onFieldErrors,
}: {
  contractId: string;
  version: number;
  token?: string;
  saved: Saved[];
  label: string;
  /** Why signing is not possible yet (e.g. 请阅读至末页), shown instead of enabling the button. */
  blockedReason?: string | null;
  /** 自有文件: the signer's text fields, checked again by the server. */
  fieldValues?: Record<string, string>;
  onFieldErrors?: (errors: Record<string, string>) => void;
}) {
  const router = useRouter();
  const [choice, setChoice] = useState<string | "draw">(saved[0]?.id ?? "draw");
  const [png, setPng] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<{ faceCheckId: string; methods: IntentMethods } | null>(null);
  const [busy, setBusy] = useState(false);
  const onPad = useCallback((v: string | null) => setPng(v), []);

  const start = async () => {
    setError(null);
    if (choice === "draw" && !png) return setError("请先在签名区手写签名");
    setBusy(true);
    const res = await signStartAction({ contractId, version, token, signature: choice === "draw" ? { png } : { savedId: choice }, fieldValues });
    setBusy(false);
    if (!res.ok) {
      const forFields = Object.fromEntries(Object.entries(res.fieldErrors ?? {}).filter(([k]) => k.startsWith("fieldValues.")).map(([k, v]) => [k.slice(12), v]));
      if (Object.keys(forFields).length) {
        onFieldErrors?.(forFields);
        return setError("请填写合同中需要您填写的内容");
      }
      return setError(res.fieldErrors?.signature ?? res.error ?? "签署失败，请重试");
    }
    setHeld(res.data);
  };

  return (
    <section aria-labelledby="sign-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <h2 id="sign-title" className="font-medium">
        选择签名
      </h2>
      {saved.length > 0 && (
        <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="已保存的签名">
          {saved.map((s, i) => (
            <button
              key={s.id}
              type="button"
              role="radio"
              aria-checked={choice === s.id}
              aria-label={`已保存的签名${i + 1}`}
              onClick={() => setChoice(s.id)}
              className={`h-16 w-32 rounded-lg border-2 bg-white p-1 ${choice === s.id ? "border-brand-500" : "border-slate-200"}`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- our own small PNG */}
              <img src={`/api/signatures/${s.sha256}`} alt="" className="h-full w-full object-contain" />
            </button>
          ))}
          <button
            type="button"
            role="radio"
            aria-checked={choice === "draw"}
            onClick={() => setChoice("draw")}
            className={`h-16 w-32 rounded-lg border-2 text-sm ${choice === "draw" ? "border-brand-500 text-brand-600" : "border-slate-200 text-slate-500"}`}
          >
            ＋ 新签名
          </button>
        </div>
      )}
      {choice === "draw" && <SignaturePad onChange={onPad} />}
      {choice === "draw" && <p className="text-xs text-slate-500">新签名会保存到您的账号，下次可直接选用。</p>}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {blockedReason && (
        <p className="text-sm text-amber-700" data-testid="sign-blocked">
          {blockedReason}
        </p>
      )}
      <Button onClick={start} disabled={busy || Boolean(blockedReason)}>
        {busy ? "请稍候…" : label}
      </Button>
      {held && (
        <VerifyDialog
          title="签署意愿验证"
          faceCheckId={held.faceCheckId}
          methods={held.methods}
          onCancel={() => setHeld(null)}
          onFail={(e) => {
            setHeld(null);
            setError(e);
          }}
          submit={async (proof) => {
            const res = await signFinishAction(proof);
            if (res.ok) {
              // 签署成功 (a dynamic page, rendered fresh). No refresh(): it would re-render the sign page,
              // whose redirect to the contract could win over this navigation.
              router.push(`/contracts/${contractId}/signed`);
            }
            return res;
          }}
        />
      )}
    </section>
  );
}

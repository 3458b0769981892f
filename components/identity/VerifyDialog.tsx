"use client";
import { useState } from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import { Button } from "@/components/ui/Button";
import { Sheet } from "@/components/ui/Sheet";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";
import { verifyOptionsAction } from "@/actions/verify";
import type { ActionResult } from "@/lib/server/result";
import type { IntentMethods, VerifyMethod } from "@/lib/domain/account";
import { METHOD_LABELS } from "@/lib/domain/account-labels";
import { FacePane } from "./FacePane";

export type IntentProofInput = { face: true } | { password: string } | { webauthn: unknown };


/**
 * 意愿验证 for a held signature, rescission or settlement: the user's preferred method first,
 * the others they have set up one tap away, and the face check always available.
 * `submit` sends the proof; a wrong password or a refused assertion keeps the dialog open with the
 * server's message, any other failure goes back to the caller through onFail.
 */
export function VerifyDialog({
  title,
  faceCheckId,
  methods,
  submit,
  onFail,
  onCancel,
}: {
  title: string;
  faceCheckId: string;
  methods: IntentMethods;
  submit: (proof: IntentProofInput & { faceCheckId: string }) => Promise<ActionResult<unknown>>;
  onFail: (error: string) => void;
  onCancel: () => void;
}) {
  const available: VerifyMethod[] = [methods.preferred, ...(["WEBAUTHN", "PASSWORD", "FACE"] as const).filter((m) => m !== methods.preferred && (m === "FACE" || (m === "PASSWORD" ? methods.password : methods.webauthn)))];
  const [method, setMethod] = useState<VerifyMethod>(methods.preferred);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // marked 模拟 once the server says the development provider holds the face check
  const [faceSimulated, setFaceSimulated] = useState(false);

  async function send(proof: IntentProofInput) {
    setBusy(true);
    setError(null);
    const res = await submit({ faceCheckId, ...proof });
    setBusy(false);
    if (res.ok) return;
    // a field error (wrong password, refused assertion) keeps the check open for another try
    const retry = res.fieldErrors?.password ?? res.fieldErrors?.webauthn ?? res.fieldErrors?.face;
    if (retry) {
      setPassword("");
      return setError(retry);
    }
    onFail(res.error ?? "验证失败，请重试");
  }

  async function useWebauthn() {
    setError(null);
    setBusy(true);
    const options = await verifyOptionsAction({ faceCheckId });
    if (!options.ok) {
      setBusy(false);
      return setError(options.error ?? "暂时无法使用指纹或面容 ID");
    }
    try {
      const response = await startAuthentication({ optionsJSON: options.data });
      await send({ webauthn: response });
    } catch {
      setBusy(false);
      setError("指纹或面容 ID 验证已取消，请重试或改用其他方式");
    }
  }

  return (
    <Sheet
      title={
        <>
          {title} {method === "FACE" && faceSimulated && <SimulatedBadge title="开发环境模拟人脸核身，不做真实的活体与比对" />}
        </>
      }
      closeLabel="取消"
      onClose={onCancel}
      busy={busy}
    >
      {available.length > 1 && (
        <div role="tablist" aria-label="验证方式" className="flex gap-2">
          {available.map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={m === method}
              disabled={busy}
              onClick={() => {
                setMethod(m);
                setError(null);
              }}
              className={`min-h-10 flex-1 rounded-lg px-2 text-sm font-medium ${m === method ? "bg-brand-500 text-white" : "bg-slate-100 text-slate-600"}`}
            >
              {METHOD_LABELS[m]}
            </button>
          ))}
        </div>
      )}
      {method === "FACE" && <FacePane faceCheckId={faceCheckId} busy={busy} onResult={() => send({ face: true })} onLaunched={(l) => setFaceSimulated(l.simulated)} />}
      {method === "PASSWORD" && (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^\d{6}$/.test(password)) return setError("请输入6位数字签署密码");
            void send({ password });
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">签署密码</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              autoFocus
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.target.value.replace(/\D/g, ""))}
              className="rounded-lg border border-slate-300 px-3 py-3 text-center font-mono text-2xl tracking-[0.6em]"
              aria-invalid={Boolean(error)}
            />
          </label>
          <Button type="submit" disabled={busy}>
            {busy ? "验证中…" : "确认"}
          </Button>
        </form>
      )}
      {method === "WEBAUTHN" && (
        <div className="flex flex-col items-center gap-3">
          <p className="text-center text-sm text-slate-600">使用本机已开通的指纹或面容 ID 确认是您本人操作。</p>
          <Button onClick={useWebauthn} disabled={busy} className="w-full">
            {busy ? "验证中…" : "验证指纹/面容 ID"}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-center text-sm text-red-600">
          {error}
        </p>
      )}
    </Sheet>
  );
}

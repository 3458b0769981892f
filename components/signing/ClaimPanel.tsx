"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { claimStartAction, signFinishAction } from "@/actions/contracts";
import { VerifyDialog } from "@/components/identity/VerifyDialog";
import type { IntentMethods } from "@/lib/domain/account";
import { Button } from "@/components/ui/Button";

/** 确认领取 (收据 issued by the payee): the payer confirms after a face check; no signature is drawn. */
export function ClaimPanel({ token, version, contractId }: { token: string; version: number; contractId: string }) {
  const router = useRouter();
  const [held, setHeld] = useState<{ faceCheckId: string; methods: IntentMethods } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <p className="text-sm text-slate-600">确认领取即表示您认可收据内容（款项已由您支付给收款人），收据随即生效。</p>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await claimStartAction({ token, version });
          setBusy(false);
          if (res.ok) setHeld(res.data);
          else setError(res.error ?? "操作失败");
        }}
      >
        确认领取
      </Button>
      {held && (
        <VerifyDialog
          title="确认领取 · 意愿验证"
          faceCheckId={held.faceCheckId}
          methods={held.methods}
          onCancel={() => setHeld(null)}
          onFail={(e) => {
            setHeld(null);
            setError(e);
          }}
          submit={async (proof) => {
            const res = await signFinishAction(proof);
            if (res.ok) router.push(`/contracts/${contractId}/signed`);
            return res;
          }}
        />
      )}
    </section>
  );
}

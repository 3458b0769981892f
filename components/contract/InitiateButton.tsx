"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { templateInitiateAction } from "@/actions/contracts";
import { Button } from "@/components/ui/Button";

/** 确认发起 (对方先签) / 确认开具 (收据 by the payer): sends the invitation without the initiator's signature. */
export function InitiateButton({ contractId, version, blockedReason, label, note }: { contractId: string; version: number; blockedReason: string | null; label: string; note: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <p className="text-sm text-slate-600">{note}</p>
      {(error ?? blockedReason) && (
        <p role="alert" className="text-sm text-amber-700">
          {error ?? blockedReason}
        </p>
      )}
      <Button
        disabled={busy || Boolean(blockedReason)}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await templateInitiateAction({ contractId, version });
          if (res.ok) return router.push(`/contracts/${contractId}`);
          setBusy(false);
          setError(res.error ?? "发起失败");
        }}
      >
        {busy ? "提交中…" : label}
      </Button>
    </section>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { templateInitiateAction } from "@/app/actions/contracts";
import { Button } from "@/components/ui/Button";

/** 确认发起 (对方先签): sends the invitation; the initiator signs after the other side. */
export function InitiateButton({ contractId, version, blockedReason }: { contractId: string; version: number; blockedReason: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <p className="text-sm text-slate-600">发起后对方将收到短信邀请：对方核对信息并签署后，您再确认签署，合同生效。</p>
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
        {busy ? "正在发起…" : "确认发起"}
      </Button>
    </section>
  );
}

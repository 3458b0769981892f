"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { discardAction, revokeAction, urgeAction } from "@/actions/contracts";

type Props = { contractId: string; version: number; actions: string[] };

/** Only the actions this user may take in this state; each says what happened. */
export function ContractActions({ contractId, version, actions }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: (i: unknown) => Promise<{ ok: boolean; error?: string }>, done: string | null, input: unknown = { contractId, version }) => {
    setBusy(true);
    const res = await fn(input);
    setBusy(false);
    setMessage(res.ok ? done : (res.error ?? "操作失败"));
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.includes("urge") && (
          <Button variant="secondary" disabled={busy} onClick={() => run(urgeAction, "已再次短信提醒对方")}>
            催办
          </Button>
        )}
        {actions.includes("discard") && (
          <Button variant="secondary" disabled={busy} onClick={() => window.confirm("确定删除这份草稿吗？") && run(discardAction, "草稿已删除").then(() => router.push("/folder"))}>
            删除草稿
          </Button>
        )}
        {/* 撤销 is the way out, not the next step: quiet, last, and confirmed */}
        {actions.includes("revoke") && (
          <Button
            variant="ghost"
            className="text-red-600 hover:bg-red-50"
            disabled={busy}
            onClick={() => window.confirm("撤销后对方将无法再签署，确定撤销吗？") && run(revokeAction, null /* the status above says 已撤销 */)}
          >
            撤销
          </Button>
        )}
      </div>
      {message && (
        <p role="status" className="text-sm text-slate-700" data-testid="action-message">
          {message}
        </p>
      )}
    </div>
  );
}

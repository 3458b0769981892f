"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { END_LABELS, type EndKind } from "@/lib/domain/end-request";
import { endAnswerAction } from "@/actions/contracts";
import { Button } from "@/components/ui/Button";
import { IntentCheck, type HeldIntent } from "./IntentCheck";

type Props = {
  contractId: string;
  version: number;
  kind: EndKind;
  side: "REQUESTER" | "RESPONDER" | null;
  requester: string;
  requestedAt: string;
  reason: string;
};

/** A pending 解除 / 结清: the reason for everyone; 确认 / 拒绝 for the other side, 取消 for the asker. */
export function PendingEndPanel({ contractId, version, kind, side, requester, requestedAt, reason }: Props) {
  const router = useRouter();
  const words = END_LABELS[kind];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldIntent | null>(null);

  async function answer(a: "Cancel" | "Confirm" | "Refuse") {
    setBusy(true);
    setError(null);
    const res = await endAnswerAction({ contractId, version, answer: a });
    setBusy(false);
    if (!res.ok) return setError(res.error ?? "操作失败");
    if ("methods" in res.data) return setHeld(res.data);
    router.refresh();
  }

  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-orange-50 p-4 ring-1 ring-orange-200" data-testid="pending-end">
      <h2 className="font-medium text-orange-900">{side === "REQUESTER" ? `已申请${words.noun}，等待对方确认` : `对方申请${words.noun}`}</h2>
      <dl className="grid grid-cols-[5em_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">申请人</dt>
        <dd>{requester}</dd>
        <dt className="text-slate-500">申请时间</dt>
        <dd>{requestedAt}</dd>
        <dt className="text-slate-500">原因</dt>
        <dd className="break-words" data-testid="end-reason">
          {reason}
        </dd>
      </dl>
      {side === "RESPONDER" && (
        <div className="grid grid-cols-2 gap-3">
          <Button variant="secondary" disabled={busy} onClick={() => window.confirm(`确定拒绝对方的${words.noun}申请吗？合同将继续有效。`) && answer("Refuse")}>
            {words.refuse}
          </Button>
          <Button disabled={busy} onClick={() => answer("Confirm")}>
            {words.confirm}
          </Button>
        </div>
      )}
      {side === "REQUESTER" && (
        <Button variant="secondary" disabled={busy} onClick={() => answer("Cancel")}>
          {words.cancel}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {held && (
        <IntentCheck
          held={held}
          title={`${words.noun}意愿验证`}
          onCancel={() => setHeld(null)}
          onDone={(err) => {
            setHeld(null);
            setError(err);
          }}
        />
      )}
    </section>
  );
}

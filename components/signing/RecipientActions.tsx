"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { rejectAction, supplementAction } from "@/actions/contracts";

/** 确认个人信息 (补充信息). */
export function SupplementButton({ token, version }: { token: string; version: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const res = await supplementAction({ token, version });
          setBusy(false);
          if (!res.ok) return setError(res.error ?? "提交失败");
          router.refresh();
        }}
      >
        确认个人信息
      </Button>
    </div>
  );
}

/** 拒签 with a reason the initiator will read. */
/** 拒签 (or 拒绝领取 for a receipt) with a reason. */
export function RejectForm({ token, contractId, version, verb = "拒签" }: { token?: string; contractId?: string; version: number; verb?: "拒签" | "拒绝领取" }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {verb}
      </Button>
    );
  return (
    <div className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-slate-200">
      <label htmlFor="reason" className="text-sm font-medium">
        {verb === "拒签" ? "拒签理由" : "拒绝理由"}
      </label>
      <textarea
        id="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "reason-error" : undefined}
        className="rounded-lg border border-slate-300 p-2"
        placeholder={verb === "拒签" ? (token ? "请告诉发起方拒签的原因" : "请告诉对方拒签的原因") : "请告诉收款人拒绝领取的原因"}
      />
      {error && (
        <p id="reason-error" role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
          取消
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const res = await rejectAction({ token, contractId, version, reason });
            setBusy(false);
            if (!res.ok) return setError(res.fieldErrors?.reason ?? res.error ?? "提交失败");
            router.refresh();
          }}
        >
          {verb === "拒签" ? "确认拒签" : "确认拒绝"}
        </Button>
      </div>
    </div>
  );
}

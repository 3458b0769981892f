"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { FaceCheckDialog } from "@/components/identity/FaceCheckDialog";
import { endVerifiedAction } from "@/app/actions/contracts";

/** 意愿验证 for a held 解除 / 结清 step: passing it carries the step out. */
export function IntentCheck({ faceCheckId, title, onDone, onCancel }: { faceCheckId: string; title: string; onDone: (error: string | null) => void; onCancel: () => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function onResult(passed: boolean) {
    setBusy(true);
    const res = await endVerifiedAction({ faceCheckId, passed });
    setBusy(false);
    onDone(res.ok ? null : (res.error ?? "操作失败"));
    router.refresh();
  }
  return <FaceCheckDialog title={title} busy={busy} error={null} onResult={onResult} onCancel={onCancel} />;
}

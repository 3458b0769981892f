"use client";
import { createPortal } from "react-dom";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";
import { FacePane } from "./FacePane";

/** A dialog around the face check, for steps that accept nothing else (实名, account changes). */
export function FaceCheckDialog({
  title = "人脸核身",
  faceCheckId,
  busy,
  error,
  onResult,
  onCancel,
}: {
  title?: string;
  faceCheckId: string;
  busy: boolean;
  error?: string | null;
  onResult: (passed: boolean) => void;
  onCancel: () => void;
}) {
  // A portal keeps the dialog above the bottom navigation whatever its parent's stacking context.
  return createPortal(
    <div role="dialog" aria-modal="true" aria-labelledby="face-title" className="fixed inset-0 z-[70] flex items-end justify-center bg-black/40 sm:items-center">
      <div className="flex w-full max-w-sm flex-col gap-4 rounded-t-2xl bg-white p-5 sm:rounded-2xl">
        <div className="flex items-center justify-between">
          <h2 id="face-title" className="flex items-center gap-2 text-lg font-semibold">
            {title} <SimulatedBadge title="开发环境模拟人脸核身，不做真实的活体与比对" />
          </h2>
          <button type="button" onClick={onCancel} className="text-sm text-slate-500" disabled={busy}>
            取消
          </button>
        </div>
        <FacePane faceCheckId={faceCheckId} busy={busy} onResult={onResult} />
        {error && (
          <p role="alert" className="text-center text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
    </div>,
    document.body,
  );
}

"use client";
import { useState } from "react";
import { Sheet } from "@/components/ui/Sheet";
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
  // marked 模拟 once the server says the development provider holds the check
  const [simulated, setSimulated] = useState(false);
  return (
    <Sheet
      title={
        <>
          {title} {simulated && <SimulatedBadge title="开发环境模拟人脸核身，不做真实的活体与比对" />}
        </>
      }
      closeLabel="取消"
      onClose={onCancel}
      busy={busy}
    >
      <FacePane faceCheckId={faceCheckId} busy={busy} onResult={onResult} onLaunched={(l) => setSimulated(l.simulated)} />
      {error && (
        <p role="alert" className="text-center text-sm text-red-600">
          {error}
        </p>
      )}
    </Sheet>
  );
}

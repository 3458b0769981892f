"use client";
import { useState } from "react";
import { FaceCheckDialog } from "@/components/identity/FaceCheckDialog";
import { accountVerifiedAction } from "@/actions/profile";

type Result = Awaited<ReturnType<typeof accountVerifiedAction>>;

/**
 * The face check that carries out a held account change. `attest` runs after a pass, for
 * 指纹/面容 ID: the device's own verification, whose answer goes with the face verdict.
 */
export function AccountFaceCheck({
  faceCheckId,
  title,
  attest,
  onDone,
  onCancel,
}: {
  faceCheckId: string;
  title: string;
  attest?: () => Promise<unknown>;
  onDone: (res: Result) => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onResult(passed: boolean) {
    setBusy(true);
    setError(null);
    let attestation: unknown;
    if (passed && attest) {
      try {
        attestation = await attest();
      } catch {
        setBusy(false);
        return setError("本机的指纹或面容 ID 验证未完成，请重试");
      }
    }
    // `passed` is only what the tester chose at the provider's page; the server asks the provider
    const res = await accountVerifiedAction({ faceCheckId, attestation });
    setBusy(false);
    // not finished at the provider yet (or the provider could not be asked): the check stays open
    if (!res.ok && res.fieldErrors?.face) return setError(res.fieldErrors.face);
    onDone(res);
  }
  return <FaceCheckDialog title={title} faceCheckId={faceCheckId} busy={busy} error={error} onResult={onResult} onCancel={onCancel} />;
}

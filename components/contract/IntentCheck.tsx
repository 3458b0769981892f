"use client";
import { useRouter } from "next/navigation";
import { VerifyDialog } from "@/components/identity/VerifyDialog";
import { endVerifiedAction } from "@/actions/contracts";
import type { IntentMethods } from "@/lib/domain/account";

export type HeldIntent = { faceCheckId: string; methods: IntentMethods };

/** 意愿验证 for a held 解除 / 结清 step: passing it carries the step out. */
export function IntentCheck({ held, title, onDone, onCancel }: { held: HeldIntent; title: string; onDone: (error: string | null) => void; onCancel: () => void }) {
  const router = useRouter();
  return (
    <VerifyDialog
      title={title}
      faceCheckId={held.faceCheckId}
      methods={held.methods}
      onCancel={onCancel}
      onFail={(error) => {
        onDone(error);
        router.refresh();
      }}
      submit={async (proof) => {
        const res = await endVerifiedAction(proof);
        if (res.ok) {
          onDone(null);
          router.refresh();
        }
        return res;
      }}
    />
  );
}

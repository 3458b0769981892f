"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { crossBorderOffAction, crossBorderStartAction } from "@/actions/profile";
import { AccountFaceCheck } from "./AccountFaceCheck";

/** 同港澳台居民签署合同: on after a face check, off at once. */
export function CrossBorderSwitch({ on }: { on: boolean }) {
  const router = useRouter();
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setError(null);
    setBusy(true);
    const res = on ? await crossBorderOffAction() : await crossBorderStartAction();
    setBusy(false);
    if (!res.ok) return setError(res.error ?? "操作失败");
    if (res.data && "faceCheckId" in res.data) return setFaceCheckId(res.data.faceCheckId);
    router.refresh();
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-3">
        <div>
          <p className="font-medium">同港澳台居民签署合同</p>
          <p className="text-xs text-slate-500">开启后，发起合同时可填写港澳居民来往内地通行证或港澳台居民居住证</p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label="同港澳台居民签署合同"
          disabled={busy}
          onClick={toggle}
          className={`relative h-7 w-12 shrink-0 rounded-full transition-colors ${on ? "bg-brand-500" : "bg-slate-300"}`}
        >
          <span className={`absolute top-0.5 h-6 w-6 rounded-full bg-white shadow transition-all ${on ? "left-[1.375rem]" : "left-0.5"}`} />
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {faceCheckId && (
        <AccountFaceCheck
          faceCheckId={faceCheckId}
          title="开启港澳台签署 · 人脸核身"
          onCancel={() => setFaceCheckId(null)}
          onDone={(res) => {
            setFaceCheckId(null);
            if (!res.ok) return setError(res.error ?? "开启失败，请重试");
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

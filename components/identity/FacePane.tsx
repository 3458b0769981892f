"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";

/**
 * 人脸核身 with the development provider: a live camera preview where the device has one, and an
 * explicit 模拟 pass / fail choice, which is this provider's page: the choice is recorded at the
 * provider (/api/dev/face), and only then does `onResult` let the caller ask our server, which asks
 * the provider for the result. No biometric judgement is claimed.
 */
export function FacePane({ faceCheckId, busy, onResult }: { faceCheckId: string; busy: boolean; onResult: (passed: boolean) => void }) {
  const [sending, setSending] = useState(false);
  async function choose(passed: boolean) {
    setSending(true);
    try {
      await fetch("/api/dev/face", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ faceCheckId, passed }) });
    } finally {
      setSending(false);
    }
    onResult(passed);
  }
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<"pending" | "on" | "none">("pending");

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error("no camera api");
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user" }, audio: false });
        if (cancelled) return;
        if (video.current) video.current.srcObject = stream;
        setCamera("on");
      } catch {
        if (!cancelled) setCamera("none");
      }
    })();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <>
      <div className="relative mx-auto aspect-square w-48 overflow-hidden rounded-full bg-slate-100 ring-4 ring-brand-100">
        <video ref={video} autoPlay playsInline muted className={`h-full w-full object-cover ${camera === "on" ? "" : "hidden"}`} />
        {camera !== "on" && (
          <div className="absolute inset-0 flex items-center justify-center px-4 text-center text-xs text-slate-500">
            {camera === "pending" ? "正在打开摄像头…" : "未检测到可用摄像头"}
          </div>
        )}
      </div>
      <p className="text-center text-sm text-slate-600">请正对屏幕，保持光线充足。开发环境中请选择模拟核验结果。</p>
      <div className="grid grid-cols-2 gap-3">
        <Button variant="secondary" disabled={busy || sending} onClick={() => void choose(false)}>
          模拟不通过
        </Button>
        <Button disabled={busy || sending} onClick={() => void choose(true)}>
          {busy || sending ? "核验中…" : "模拟核验通过"}
        </Button>
      </div>
    </>
  );
}

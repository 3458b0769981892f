"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { faceLaunchAction } from "@/actions/face";
import { FACE_CHANNEL, type FaceChannelMessage } from "./face-channel";

type Launch = { url: string | null; simulated: boolean };
type Launched = { ok: true; data: Launch } | { ok: false; error?: string };

/**
 * 人脸核身 for a pending check. The server first opens the provider's session (faceLaunchAction)
 * and says where the person does it:
 * - a real provider (Tencent FaceID): its H5 page, opened in a new tab; the page sends the person
 *   back to our return page (/face/return), which tells this tab; then — or when the person says
 *   they are done — `onResult` lets the caller ask our server, which asks the provider.
 * - the development provider: this pane is its page — a live camera preview where the device has
 *   one, and an explicit 模拟 pass / fail choice recorded at the provider (/api/dev/face) before
 *   `onResult`. No biometric judgement is claimed.
 * `onLaunched` says which it is (the dialog marks the 模拟 one).
 */
export function FacePane({
  faceCheckId,
  busy,
  onResult,
  onLaunched,
}: {
  faceCheckId: string;
  busy: boolean;
  onResult: (passed: boolean) => void;
  onLaunched?: (launch: Launch) => void;
}) {
  const [launch, setLaunch] = useState<Launched | null>(null);
  const pending = useRef<Promise<Launched> | null>(null);
  const launched = useRef(onLaunched);
  useEffect(() => {
    launched.current = onLaunched;
  });

  const ensureLaunch = useCallback(() => {
    pending.current ??= faceLaunchAction({ faceCheckId })
      .then((res): Launched => (res.ok ? { ok: true, data: res.data } : { ok: false, error: res.error }))
      .catch((): Launched => ({ ok: false, error: "网络异常，请重试" }))
      .then((res) => {
        setLaunch(res);
        if (res.ok) launched.current?.(res.data);
        else pending.current = null; // a retry asks again
        return res;
      });
    return pending.current;
  }, [faceCheckId]);

  useEffect(() => {
    void ensureLaunch();
  }, [ensureLaunch]);

  if (!launch) return <p className="py-6 text-center text-sm text-slate-500">正在发起人脸核身…</p>;
  if (!launch.ok) {
    return (
      <div className="flex flex-col gap-3">
        <p role="alert" className="text-center text-sm text-red-600">
          {launch.error ?? "暂时无法发起人脸核身"}
        </p>
        <Button variant="secondary" disabled={busy} onClick={() => void ensureLaunch()}>
          重试
        </Button>
      </div>
    );
  }
  if (launch.data.url) return <ProviderPage faceCheckId={faceCheckId} url={launch.data.url} busy={busy} onResult={onResult} />;
  return <SimulatedPane faceCheckId={faceCheckId} busy={busy} ready={ensureLaunch} onResult={onResult} />;
}

/** The real provider's page, in a new tab; our return page (or the person) says when to ask. */
function ProviderPage({ faceCheckId, url, busy, onResult }: { faceCheckId: string; url: string; busy: boolean; onResult: (passed: boolean) => void }) {
  const [opened, setOpened] = useState(false);
  const result = useRef(onResult);
  useEffect(() => {
    result.current = onResult;
  });
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(FACE_CHANNEL);
    channel.onmessage = (e: MessageEvent<FaceChannelMessage>) => {
      if (e.data?.type !== "returned" || e.data.faceCheckId !== faceCheckId) return;
      channel.postMessage({ type: "taken", faceCheckId } satisfies FaceChannelMessage);
      result.current(true); // only "ask the server now": the server asks the provider
    };
    return () => channel.close();
  }, [faceCheckId]);

  return (
    <>
      <p className="text-center text-sm text-slate-600">将在新页面打开人脸核身服务，请按提示完成核验；完成后回到本页继续。</p>
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        onClick={() => setOpened(true)}
        className="flex min-h-11 items-center justify-center rounded-lg bg-brand-500 px-4 text-sm font-medium text-white"
      >
        {opened ? "重新打开人脸核身页面" : "前往人脸核身"}
      </a>
      <Button variant="secondary" disabled={busy} onClick={() => onResult(true)}>
        {busy ? "查询核验结果…" : "我已完成人脸核身"}
      </Button>
    </>
  );
}

/** The development provider's page: a camera preview and the explicit 模拟 choice. */
function SimulatedPane({ faceCheckId, busy, ready, onResult }: { faceCheckId: string; busy: boolean; ready: () => Promise<Launched>; onResult: (passed: boolean) => void }) {
  const [sending, setSending] = useState(false);
  async function choose(passed: boolean) {
    setSending(true);
    try {
      // the provider's session is open before the choice is recorded against it
      const opened = await ready();
      if (!opened.ok) return;
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

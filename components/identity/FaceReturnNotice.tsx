"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { realNameFaceCheckAction } from "@/actions/realname";
import { FACE_CHANNEL, type FaceChannelMessage } from "./face-channel";

type Status = "PASSED" | "FAILED" | "PENDING" | "EXPIRED" | "UNAVAILABLE";

/**
 * Our return page after the provider's: says what the server learnt from the provider, and tells
 * the tab that holds the pending act (FacePane) that the person is back, so it asks the server.
 * When no such tab answers (the provider's page replaced ours), 实名 can be finished from here.
 */
export function FaceReturnNotice({ faceCheckId, status, realName }: { faceCheckId: string | null; status: Status | null; realName: boolean }) {
  const router = useRouter();
  const [taken, setTaken] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!faceCheckId || (status !== "PASSED" && status !== "FAILED") || typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(FACE_CHANNEL);
    channel.onmessage = (e: MessageEvent<FaceChannelMessage>) => {
      if (e.data?.type === "taken" && e.data.faceCheckId === faceCheckId) setTaken(true);
    };
    channel.postMessage({ type: "returned", faceCheckId } satisfies FaceChannelMessage);
    return () => channel.close();
  }, [faceCheckId, status]);

  async function finishRealName() {
    if (!faceCheckId) return;
    setFinishing(true);
    setError(null);
    const res = await realNameFaceCheckAction({ faceCheckId });
    setFinishing(false);
    if (res.ok) {
      router.replace("/");
      router.refresh();
    } else setError(res.fieldErrors?.face ?? res.error ?? "实名认证未完成");
  }

  const back = (
    <Link href="/" className="text-sm text-brand-600 underline">
      返回首页
    </Link>
  );
  const refresh = (
    <Button variant="secondary" onClick={() => router.refresh()}>
      刷新核验结果
    </Button>
  );

  if (!faceCheckId || !status) {
    return (
      <div className="flex flex-col gap-3 text-sm text-slate-600">
        <p>请回到发起人脸核身的页面继续办理。</p>
        {back}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm text-slate-600" data-testid="face-return" data-status={status}>
      {status === "PASSED" && (
        <>
          <p className="font-medium text-emerald-700">人脸核身已通过</p>
          {taken ? (
            <p>原页面正在继续办理，您可以关闭本页。</p>
          ) : realName ? (
            <Button onClick={() => void finishRealName()} disabled={finishing}>
              {finishing ? "提交中…" : "完成实名认证"}
            </Button>
          ) : (
            <p>请回到原页面继续办理。</p>
          )}
        </>
      )}
      {status === "FAILED" && (
        <>
          <p className="font-medium text-red-600">人脸核验未通过</p>
          <p>{taken ? "原页面会显示核验结果，您可以关闭本页。" : "请回到原页面重新发起核验。"}</p>
        </>
      )}
      {status === "PENDING" && (
        <>
          <p>尚未查到核验结果。若您已完成核验，请稍候刷新；若未完成，请回到原页面重新打开人脸核身。</p>
          {refresh}
        </>
      )}
      {status === "UNAVAILABLE" && (
        <>
          <p>暂时无法查询核验结果，请稍后刷新。</p>
          {refresh}
        </>
      )}
      {status === "EXPIRED" && <p>本次核验已失效或已办理，如需继续请回到原页面重新发起。</p>}
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
      {back}
    </div>
  );
}

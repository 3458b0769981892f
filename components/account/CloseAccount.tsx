"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { closeStartAction } from "@/actions/profile";
import { Button } from "@/components/ui/Button";
import { AccountFaceCheck } from "./AccountFaceCheck";

/** 账号注销: the risk notice accepted, a face check, then the session ends on the closed account. */
export function CloseAccount() {
  const [accepted, setAccepted] = useState(false);
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <h2 className="font-medium">账户注销风险告知</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>注销后将无法登录本账号，无法再发起、签署、解除或结清合同，也无法查看和下载合同。请先下载需要留存的合同文件。</li>
        <li>您的实名信息、联系方式、签名、印章和签署认证方式将被删除，且无法恢复。</li>
        <li>已签署的合同及其签名、数字证书保持不变，其他签署方仍可查看、下载和验证。</li>
        <li>未使用的优惠券、省钱月卡将一并失效，不予退款。</li>
        <li>注销后该手机号可以重新注册，但为新账号，与本账号无关。</li>
      </ul>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1 accent-brand-500" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        <span>我已了解风险并确认注销账号</span>
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <Button
        className="bg-red-600 hover:bg-red-700"
        disabled={!accepted || busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await closeStartAction();
          setBusy(false);
          if (res.ok) setFaceCheckId(res.data.faceCheckId);
          else setError(res.error ?? "暂时无法注销");
        }}
      >
        开始人脸识别并注销
      </Button>
      {faceCheckId && (
        <AccountFaceCheck
          faceCheckId={faceCheckId}
          title="账号注销 · 人脸核身"
          onCancel={() => setFaceCheckId(null)}
          onDone={async (res) => {
            setFaceCheckId(null);
            if (!res.ok) return setError(res.error ?? "注销失败，请重试");
            await signOut({ redirect: false });
            window.location.assign("/login?closed=1");
          }}
        />
      )}
    </section>
  );
}

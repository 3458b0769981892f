"use client";
import { useState, useSyncExternalStore } from "react";
import QRCode from "qrcode";
import { Button } from "@/components/ui/Button";

const noSubscribe = () => () => {};

/** The counterparty's signing link: copy, share (Web Share API where available) or show as a QR code. */
export function ShareLink({ path, title, who = "对方" }: { path: string; title: string; who?: string }) {
  // The absolute URL and the Web Share API exist only in the browser; the server renders the path.
  const url = useSyncExternalStore(noSubscribe, () => new URL(path, window.location.origin).toString(), () => path);
  const canShare = useSyncExternalStore(noSubscribe, () => typeof navigator.share === "function", () => false);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  return (
    <div className="flex flex-col gap-2 rounded-xl bg-brand-50 p-3">
      <p className="text-sm text-slate-700">把签署链接发给{who}（仅{who}本人可签署）：</p>
      <input readOnly value={url} aria-label="签署链接" data-testid="sign-link" className="min-h-10 rounded-lg border border-slate-200 bg-white px-2 text-sm" />
      {/* 分享 only where the browser can share (Web Share API); a greyed button would not say why */}
      <div className={`grid gap-2 ${canShare ? "grid-cols-3" : "grid-cols-2"}`}>
        <Button
          type="button"
          variant="secondary"
          className="text-sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "已复制" : "复制链接"}
        </Button>
        {canShare && (
          <Button type="button" variant="secondary" className="text-sm" onClick={() => navigator.share?.({ title, url }).catch(() => undefined)}>
            分享
          </Button>
        )}
        <Button type="button" variant="secondary" className="text-sm" onClick={async () => setQr(qr ? null : await QRCode.toDataURL(url, { margin: 1, width: 220 }))}>
          {qr ? "收起二维码" : "二维码"}
        </Button>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- generated data URL */}
      {qr && <img src={qr} alt="签署链接二维码" className="mx-auto h-44 w-44" />}
    </div>
  );
}

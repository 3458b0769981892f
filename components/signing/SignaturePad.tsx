"use client";
import { useEffect, useRef, useState } from "react";
import SignaturePadLib from "signature_pad";
import { Button } from "@/components/ui/Button";

/** Handwritten signature on a canvas (touch, pen and mouse), with undo and clear. */
export function SignaturePad({ onChange }: { onChange: (pngDataUrl: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const el = canvas.current!;
    const p = new SignaturePadLib(el, { minWidth: 1.2, maxWidth: 3.2, penColor: "#111827" });
    pad.current = p;
    // The canvas' pixel size must match its CSS size × devicePixelRatio, or strokes land offset.
    const fit = () => {
      const data = p.toData();
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      el.width = el.offsetWidth * ratio;
      el.height = el.offsetHeight * ratio;
      el.getContext("2d")!.scale(ratio, ratio);
      p.clear();
      p.fromData(data);
    };
    fit();
    const changed = () => {
      const isEmpty = p.isEmpty();
      setEmpty(isEmpty);
      onChange(isEmpty ? null : p.toDataURL("image/png"));
    };
    p.addEventListener("endStroke", changed);
    window.addEventListener("resize", fit);
    return () => {
      p.removeEventListener("endStroke", changed);
      window.removeEventListener("resize", fit);
      p.off();
    };
  }, [onChange]);

  const undo = () => {
    const p = pad.current!;
    const data = p.toData();
    data.pop();
    p.fromData(data);
    setEmpty(p.isEmpty());
    onChange(p.isEmpty() ? null : p.toDataURL("image/png"));
  };
  const clear = () => {
    pad.current!.clear();
    setEmpty(true);
    onChange(null);
  };

  return (
    <div className="flex flex-col gap-2">
      <canvas
        ref={canvas}
        aria-label="签名区，请在此处手写签名"
        data-testid="signature-pad"
        className="h-44 w-full touch-none rounded-xl border-2 border-dashed border-slate-300 bg-white"
      />
      <div className="flex items-center justify-between text-sm text-slate-500">
        <span>{empty ? "请在上方区域手写您的姓名" : "签名已记录"}</span>
        <span className="flex gap-2">
          <Button type="button" variant="ghost" className="min-h-9 px-2 text-sm" onClick={undo} disabled={empty}>
            撤销一笔
          </Button>
          <Button type="button" variant="ghost" className="min-h-9 px-2 text-sm" onClick={clear} disabled={empty}>
            清除
          </Button>
        </span>
      </div>
    </div>
  );
}

"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";

export type UploadInfo = { id: string; fileName: string; sourceType: string; status: "CONVERTING" | "READY" | "FAILED"; pageCount: number | null; error: string | null };
type Mode = "file" | "image";

const ACCEPT: Record<Mode, string> = {
  file: ".pdf,.doc,.docx,.xlsx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  image: "image/png,image/jpeg",
};

/** POSTs the files with XMLHttpRequest: fetch() cannot report upload progress. */
function send(files: File[], onProgress: (pct: number) => void): Promise<{ ok: true; data: UploadInfo } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const body = new FormData();
    for (const f of files) body.append("file", f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve({ ok: false, error: xhr.status === 413 ? "文件超过50MB，请压缩后再上传" : "上传失败，请重试" });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: "网络异常，上传失败，请重试" });
    xhr.send(body);
  });
}

/**
 * 文件发起 / 图片发起: pick or drop the file(s), watch the upload and, for office files, the
 * conversion; ends with the page count and 下一步.
 */
export function UploadStep({ mode, onReady }: { mode: Mode; onReady: (u: UploadInfo) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [upload, setUpload] = useState<UploadInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  // an office file converts in the background: poll until it is ready or failed
  useEffect(() => {
    if (upload?.status !== "CONVERTING") return;
    const t = setInterval(async () => {
      const res = await fetch(`/api/uploads/${upload.id}`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as UploadInfo;
      if (next.status !== "CONVERTING") setUpload(next);
      if (next.status === "FAILED") setError(next.error ?? "文件转换失败");
    }, 1000);
    return () => clearInterval(t);
  }, [upload]);

  const start = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (!files.length) return;
    setError(null);
    setUpload(null);
    setProgress(0);
    const res = await send(files, setProgress);
    setProgress(null);
    if (!res.ok) return setError(res.error);
    setUpload(res.data);
  };

  const busy = progress !== null || upload?.status === "CONVERTING";
  return (
    <section className="flex flex-col gap-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void start(e.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed p-8 text-center ${over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <p className="font-medium">{mode === "file" ? "选择合同文件" : "选择合同图片"}</p>
        <p className="text-sm text-slate-500">
          {mode === "file" ? "支持 PDF、Word（doc/docx）、Excel（xlsx），不超过50MB、200页" : "支持 PNG、JPG，可多选，每张图片生成一页A4"}
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          <Button type="button" onClick={() => picker.current?.click()} disabled={busy}>
            {mode === "file" ? "选择文件" : "从相册选择"}
          </Button>
          {mode === "image" && (
            <label className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-brand-500 px-4 text-brand-600 ${busy ? "pointer-events-none opacity-50" : ""}`}>
              拍照
              <input type="file" accept="image/*" capture="environment" className="sr-only" data-testid="camera-input" onChange={(e) => void start(e.target.files)} />
            </label>
          )}
        </div>
        <p className="hidden text-xs text-slate-400 sm:block">也可以把文件拖到这里</p>
        <input ref={picker} type="file" accept={ACCEPT[mode]} multiple={mode === "image"} className="sr-only" data-testid="file-input" onChange={(e) => void start(e.target.files)} />
      </div>

      {progress !== null && (
        <div className="flex flex-col gap-1" aria-live="polite">
          <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} aria-label="上传进度">
            <div className="h-full bg-brand-500 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-sm text-slate-500">{progress < 100 ? `正在上传 ${progress}%` : "上传完成，正在检查文件…"}</p>
        </div>
      )}
      {upload?.status === "CONVERTING" && (
        <div className="flex flex-col gap-1" aria-live="polite" data-testid="converting">
          <div className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full w-1/3 animate-pulse bg-brand-500" />
          </div>
          <p className="text-sm text-slate-500">正在将《{upload.fileName}》转换为PDF…</p>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-700" data-testid="upload-error">
          {error}
        </p>
      )}
      {upload?.status === "READY" && (
        <div className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
          <p data-testid="upload-ready">
            《{upload.fileName}》已就绪，共 {upload.pageCount} 页
          </p>
          <Button onClick={() => onReady(upload)}>下一步</Button>
        </div>
      )}
    </section>
  );
}

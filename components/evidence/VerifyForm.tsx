"use client";
import { useRef, useState } from "react";
import type { VerifyResult } from "@/lib/server/evidence";
import type { Tone } from "@/lib/domain/evidence";
import { Button } from "@/components/ui/Button";

type Verified = Extract<VerifyResult, { kind: "pdf" }>;
const TONE: Record<Tone, string> = { ok: "bg-emerald-50 text-emerald-800 ring-emerald-200", warn: "bg-amber-50 text-amber-800 ring-amber-200", bad: "bg-red-50 text-red-800 ring-red-200" };
const MAX_BYTES = 50 * 1024 * 1024;
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

/** Drop or pick a PDF; the verdict, then one card per signature. */
export function VerifyForm() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [drag, setDrag] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(Verified & { fileName: string }) | null>(null);

  async function check(file: File | undefined) {
    if (!file) return;
    setError(null);
    setResult(null);
    if (file.size > MAX_BYTES) return setError("文件超过50MB，无法验证");
    setBusy(true);
    try {
      const body = new FormData();
      body.append("file", file, file.name);
      const res = await fetch("/api/verify", { method: "POST", body });
      const data = (await res.json().catch(() => ({ ok: false, error: "验证失败，请重试" }))) as { ok: true; data: Verified } | { ok: false; error: string };
      if (data.ok) setResult({ ...data.data, fileName: file.name });
      else setError(data.error);
    } catch {
      setError("网络异常，验证失败，请重试");
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <label
        onDragOver={(e) => {
          e.preventDefault();
          setDrag(true);
        }}
        onDragLeave={() => setDrag(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDrag(false);
          void check(e.dataTransfer.files[0]);
        }}
        className={`flex cursor-pointer flex-col items-center gap-2 rounded-2xl border-2 border-dashed p-8 text-center ${drag ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <span className="text-base font-medium">{busy ? "正在验证…" : "拖入PDF文件，或点击选择"}</span>
        <span className="text-xs text-slate-500">不超过50MB</span>
        <input ref={input} type="file" accept="application/pdf,.pdf" className="sr-only" data-testid="verify-file" disabled={busy} onChange={(e) => void check(e.target.files?.[0])} />
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700" data-testid="verify-error">
          {error}
        </p>
      )}
      {result && <VerifyReport result={result} />}
      {result && (
        <Button variant="secondary" onClick={() => input.current?.click()}>
          验证其他文件
        </Button>
      )}
    </div>
  );
}

function VerifyReport({ result }: { result: Verified & { fileName: string } }) {
  return (
    <section className="flex flex-col gap-3" aria-live="polite">
      <div className={`rounded-xl p-4 ring-1 ${TONE[result.verdict.tone]}`} data-testid="verify-verdict" data-tone={result.verdict.tone}>
        <p className="font-semibold">{result.verdict.title}</p>
        <p className="mt-1 text-sm">{result.verdict.detail}</p>
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 rounded-xl bg-white p-4 text-sm ring-1 ring-slate-100">
        <dt className="text-slate-500">文件</dt>
        <dd className="break-all">{result.fileName}</dd>
        <dt className="text-slate-500">SHA-256</dt>
        <dd className="break-all font-mono text-xs leading-5">{result.sha256}</dd>
        <dt className="text-slate-500">平台存档</dt>
        <dd data-testid="verify-stored">
          {result.stored ? `与平台保存的《${result.stored.title}》（${result.stored.number}）${result.stored.current ? "当前版本" : "历史版本"}完全一致` : "未找到与该文件完全一致的平台存档"}
        </dd>
      </dl>
      <ol className="flex flex-col gap-3" data-testid="verify-signatures">
        {result.signatures.map((s, i) => (
          <li key={i} className="rounded-xl bg-white p-4 ring-1 ring-slate-100" data-testid="verify-signature">
            <p className="font-medium">
              签名 {i + 1} · {s.signer}
            </p>
            <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">签名</dt>
              <dd>
                <span className={s.valid.tone === "ok" ? "text-emerald-700" : s.valid.tone === "warn" ? "text-amber-700" : "text-red-700"} data-testid="verify-valid">
                  {s.valid.title}
                </span>
                {s.valid.tone !== "ok" && <span className="block text-xs text-slate-600">{s.valid.detail}</span>}
              </dd>
              <dt className="text-slate-500">之后是否修改</dt>
              <dd>
                <span className={s.changedAfter.tone === "ok" ? "text-emerald-700" : "text-red-700"} data-testid="verify-changed">
                  {s.changedAfter.title}
                </span>
                {s.changedAfter.tone !== "ok" && <span className="block text-xs text-slate-600">{s.changedAfter.detail}</span>}
              </dd>
              <dt className="text-slate-500">签署时间</dt>
              <dd>{time(s.signingTime)}</dd>
              <dt className="text-slate-500">时间戳</dt>
              <dd>{s.timestamp ? (s.timestamp.time ? `${time(s.timestamp.time)}${s.timestamp.valid ? "" : "（无效）"}` : "已损坏，无法读取") : "无"}</dd>
              <dt className="text-slate-500">颁发者</dt>
              <dd className="break-all">{s.issuer}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

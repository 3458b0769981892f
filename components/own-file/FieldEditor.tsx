"use client";
import { useCallback, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { PdfPages } from "@/components/pdf/PdfPages";
import { usePdfDocument } from "@/components/pdf/pdfjs";
import { ownFieldsSaveAction } from "@/actions/contracts";
import { clampRect, freeSpot, overlappingPairs } from "@/lib/domain/field-geometry";
import { FIELD_DEFAULT_SIZE, FIELD_KINDS, FIELD_LABELS, signersWithoutSignature, type FieldKind } from "@/lib/domain/own-file";
import { FieldBox, toneOf, type Rect } from "./FieldBox";

export type EditorField = Rect & { key: string; partySeq: number; kind: FieldKind; page: number };
type Signer = { seq: number; label: string };

let nextKey = 0;
const newKey = () => `f${Date.now().toString(36)}${nextKey++}`;

/** The page box under a screen point, and the point in fractions of that page. */
function pageAt(x: number, y: number): { page: number; fx: number; fy: number } | null {
  const el = document.elementsFromPoint(x, y).map((e) => e.closest<HTMLElement>("[data-page]")).find(Boolean);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { page: Number(el.dataset.page), fx: (x - r.left) / r.width, fy: (y - r.top) / r.height };
}

/** The page whose box covers the middle of the screen (where a tapped palette item lands). */
function currentPage(): number {
  const boxes = [...document.querySelectorAll<HTMLElement>("[data-page]")];
  const mid = window.innerHeight / 2;
  const hit = boxes.find((b) => {
    const r = b.getBoundingClientRect();
    return r.top <= mid && r.bottom >= mid;
  });
  return Number(hit?.dataset.page ?? boxes.find((b) => b.getBoundingClientRect().bottom > 0)?.dataset.page ?? 0);
}

/**
 * 指定签署区域: drag a field from the palette onto a page (mouse or touch), move it, resize it
 * from its corner, delete it; each field belongs to the signer chosen when it was added.
 */
export function FieldEditor({ contractId, version, pdfUrl, signers, initial }: { contractId: string; version: number; pdfUrl: string; signers: Signer[]; initial: EditorField[] }) {
  const router = useRouter();
  const pdf = usePdfDocument(pdfUrl);
  const [fields, setFields] = useState<EditorField[]>(initial);
  const [owner, setOwner] = useState(signers[0]?.seq ?? 0);
  const [selected, setSelected] = useState<string | null>(null);
  const [ghost, setGhost] = useState<{ kind: FieldKind; x: number; y: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ key: string; mode: "move" | "resize"; startX: number; startY: number; start: Rect; pageW: number; pageH: number } | null>(null);
  const paletteDrag = useRef<{ kind: FieldKind; startX: number; startY: number; moved: boolean } | null>(null);
  const labelOf = (seq: number) => signers.find((s) => s.seq === seq)?.label ?? `签署方${seq + 1}`;

  const add = (kind: FieldKind, page: number, cx: number, cy: number) => {
    const size = FIELD_DEFAULT_SIZE[kind];
    const wanted = clampRect({ x: cx - size.w / 2, y: cy - size.h / 2, ...size });
    const key = newKey();
    // never on top of a field already there (two taps would otherwise stack two signers' fields)
    setFields((fs) => [...fs, { key, partySeq: owner, kind, page, ...(freeSpot(wanted, fs.filter((f) => f.page === page)) ?? wanted) }]);
    setSelected(key);
    setError(null);
  };

  // palette: drag onto a page, or tap to drop in the middle of the page on screen
  const paletteDown = (kind: FieldKind) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    paletteDrag.current = { kind, startX: e.clientX, startY: e.clientY, moved: false };
  };
  const paletteMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = paletteDrag.current;
    if (!d) return;
    if (Math.abs(e.clientX - d.startX) + Math.abs(e.clientY - d.startY) > 6) d.moved = true;
    if (d.moved) setGhost({ kind: d.kind, x: e.clientX, y: e.clientY });
  };
  const paletteUp = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = paletteDrag.current;
    paletteDrag.current = null;
    setGhost(null);
    if (!d) return;
    if (!d.moved) return add(d.kind, currentPage(), 0.5, 0.5);
    const hit = pageAt(e.clientX, e.clientY);
    if (hit) add(d.kind, hit.page, hit.fx, hit.fy);
  };

  // a placed field: move by its body, resize by its corner handle
  const fieldDown = (f: EditorField, mode: "move" | "resize") => (e: ReactPointerEvent<HTMLElement>) => {
    e.stopPropagation();
    const pageBox = (e.currentTarget as HTMLElement).closest<HTMLElement>("[data-page]")!.getBoundingClientRect();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { key: f.key, mode, startX: e.clientX, startY: e.clientY, start: { x: f.x, y: f.y, w: f.w, h: f.h }, pageW: pageBox.width, pageH: pageBox.height };
    setSelected(f.key);
  };
  const fieldMove = (e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = (e.clientX - d.startX) / d.pageW;
    const dy = (e.clientY - d.startY) / d.pageH;
    const r = d.mode === "move" ? { ...d.start, x: d.start.x + dx, y: d.start.y + dy } : { ...d.start, w: d.start.w + dx, h: d.start.h + dy };
    const next = d.mode === "move" ? clampRect(r) : clampRect({ ...r, w: Math.min(r.w, 1 - r.x), h: Math.min(r.h, 1 - r.y) });
    setFields((fs) => fs.map((f) => (f.key === d.key ? { ...f, ...next } : f)));
  };
  const fieldUp = () => {
    drag.current = null;
  };
  const remove = (key: string) => setFields((fs) => fs.filter((f) => f.key !== key));
  const reassign = (key: string, seq: number) => setFields((fs) => fs.map((f) => (f.key === key ? { ...f, partySeq: seq } : f)));

  // fields moved onto each other are marked; saving refuses them (the PDF would print one over the other)
  const clashing = useMemo(() => new Set(overlappingPairs(fields).flatMap(([i, j]) => [fields[i]!.key, fields[j]!.key])), [fields]);
  const overlay = useCallback(
    (page: number) =>
      fields
        .filter((f) => f.page === page)
        .map((f) => (
          <FieldBox
            key={f.key}
            rect={f}
            partySeq={f.partySeq}
            kind={f.kind}
            owner={labelOf(f.partySeq)}
            data-testid="placed-field"
            data-overlap={clashing.has(f.key) ? "true" : undefined}
            className={`cursor-move touch-none select-none ${selected === f.key ? "ring-2 ring-offset-1 ring-slate-700" : clashing.has(f.key) ? "ring-2 ring-red-500" : ""}`}
            onPointerDown={fieldDown(f, "move")}
            onPointerMove={fieldMove}
            onPointerUp={fieldUp}
          >
            <span className={`pointer-events-none truncate px-1 ${toneOf(f.partySeq).text}`}>
              {labelOf(f.partySeq)}·{FIELD_LABELS[f.kind]}
            </span>
            {selected === f.key && (
              <>
                <button
                  type="button"
                  aria-label="删除签署区域"
                  onPointerDown={(e) => e.stopPropagation()}
                  onClick={() => remove(f.key)}
                  className="absolute right-0 top-0 flex h-5 w-5 items-center justify-center rounded-bl bg-slate-800 text-xs text-white"
                >
                  ×
                </button>
                <span
                  aria-label="拖动调整大小"
                  data-testid="resize-handle"
                  onPointerDown={fieldDown(f, "resize")}
                  onPointerMove={fieldMove}
                  onPointerUp={fieldUp}
                  className="absolute bottom-0 right-0 h-4 w-4 cursor-se-resize touch-none rounded-tl bg-slate-800"
                />
              </>
            )}
          </FieldBox>
        )),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- handlers read refs and state setters only
    [fields, selected, signers, clashing],
  );

  const save = async () => {
    const missing = signersWithoutSignature(signers.map((s) => s.seq), fields);
    if (missing.length) return setError(`请为每位签署方放置签名区域：${missing.map(labelOf).join("、")}还没有`);
    setBusy(true);
    const res = await ownFieldsSaveAction({ contractId, version, fields: fields.map(({ partySeq, kind, page, x, y, w, h }) => ({ partySeq, kind, page, x, y, w, h })) });
    setBusy(false);
    if (!res.ok) return setError(res.fieldErrors?.fields ?? Object.values(res.fieldErrors ?? {})[0] ?? res.error ?? "保存失败");
    router.push(`/contracts/${contractId}/sign`);
  };

  const chosen = fields.find((f) => f.key === selected);
  return (
    <div className="flex flex-col gap-3">
      <section aria-label="签署控件" className="sticky top-14 z-20 flex flex-col gap-2 rounded-2xl bg-white/95 p-3 shadow-sm ring-1 ring-slate-100 backdrop-blur">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">签署方</span>
          {signers.map((s) => (
            <button
              key={s.seq}
              type="button"
              aria-pressed={owner === s.seq}
              onClick={() => setOwner(s.seq)}
              className={`flex items-center gap-1 rounded-full px-3 py-1 ring-1 ${owner === s.seq ? "bg-slate-900 text-white ring-slate-900" : "bg-white ring-slate-200"}`}
            >
              <span className={`h-2.5 w-2.5 rounded-full ${toneOf(s.seq).chip}`} />
              {s.label}
            </button>
          ))}
        </div>
        <div className="grid grid-cols-4 gap-2">
          {FIELD_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              data-testid={`palette-${k}`}
              onPointerDown={paletteDown(k)}
              onPointerMove={paletteMove}
              onPointerUp={paletteUp}
              onPointerCancel={() => {
                paletteDrag.current = null;
                setGhost(null);
              }}
              className="touch-none select-none rounded-lg border border-dashed border-slate-400 bg-slate-50 py-2 text-sm"
            >
              {FIELD_LABELS[k]}
            </button>
          ))}
        </div>
        {chosen && (
          <label className="flex items-center gap-2 text-xs text-slate-600">
            选中的{FIELD_LABELS[chosen.kind]}区域属于
            <select value={chosen.partySeq} onChange={(e) => reassign(chosen.key, Number(e.target.value))} className="rounded border border-slate-300 px-1 py-0.5">
              {signers.map((s) => (
                <option key={s.seq} value={s.seq}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="text-xs text-slate-500">把控件拖到页面上（或点一下放到当前页），拖动可移动，拖右下角可调整大小。</p>
      </section>
      {pdf === null && <p className="py-10 text-center text-slate-500">正在加载文件…</p>}
      {pdf && "error" in pdf && <p role="alert" className="text-red-600">{pdf.error}</p>}
      {pdf && "doc" in pdf && <PdfPages doc={pdf.doc} sizes={pdf.sizes} overlay={overlay} />}
      {ghost && (
        <div className="pointer-events-none fixed z-50 -translate-x-1/2 -translate-y-1/2 rounded border-2 border-brand-500 bg-brand-500/20 px-3 py-2 text-xs" style={{ left: ghost.x, top: ghost.y }}>
          {FIELD_LABELS[ghost.kind]}
        </div>
      )}
      <div className="sticky bottom-16 z-20 flex flex-col gap-2 rounded-2xl bg-white/95 p-3 shadow ring-1 ring-slate-100 sm:bottom-4">
        <p className="text-xs text-slate-500" data-testid="field-count">
          已放置 {fields.length} 个签署区域{signers.map((s) => `，${s.label} ${fields.filter((f) => f.partySeq === s.seq && f.kind === "SIGNATURE").length} 个签名`).join("")}
        </p>
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
        <Button onClick={save} disabled={busy}>
          {busy ? "保存中…" : "下一步"}
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useEffect, useRef, type ReactNode } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";
import type { PageSize } from "./pdfjs";
import { PdfPageCanvas } from "./PdfPageCanvas";

/**
 * The document's pages one under another, each a box with the page's aspect ratio holding the
 * canvas and an overlay (fields) positioned in percentages, with page thumbnails to jump between
 * pages. `onLastPageSeen` fires once the last page has been scrolled into view (阅读至末页).
 */
export function PdfPages({
  doc,
  sizes,
  overlay,
  onLastPageSeen,
}: {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  overlay?: (pageIndex: number) => ReactNode;
  onLastPageSeen?: () => void;
}) {
  const pages = useRef<(HTMLDivElement | null)[]>([]);
  useEffect(() => {
    const last = pages.current[sizes.length - 1];
    if (!last || !onLastPageSeen) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLastPageSeen(), { threshold: 0.3 });
    io.observe(last);
    return () => io.disconnect();
  }, [sizes.length, onLastPageSeen]);
  const jump = (i: number) => pages.current[i]?.scrollIntoView({ behavior: "smooth", block: "start" });

  return (
    <div className="flex gap-3">
      {sizes.length > 1 && (
        <nav aria-label="页面缩略图" className="sticky top-20 hidden max-h-[75vh] w-20 shrink-0 flex-col gap-2 overflow-y-auto sm:flex">
          {sizes.map((s, i) => (
            <button key={i} type="button" onClick={() => jump(i)} className="relative w-full rounded ring-1 ring-slate-200 hover:ring-brand-500" style={{ aspectRatio: `${s.width} / ${s.height}` }}>
              <PdfPageCanvas doc={doc} pageNumber={i + 1} label={`第${i + 1}页缩略图`} />
              <span className="absolute bottom-0 right-0 rounded-tl bg-slate-800/70 px-1 text-[10px] text-white">{i + 1}</span>
            </button>
          ))}
        </nav>
      )}
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        {sizes.length > 1 && (
          <div className="flex gap-1 overflow-x-auto pb-1 sm:hidden" aria-label="跳转到页">
            {sizes.map((_, i) => (
              <button key={i} type="button" onClick={() => jump(i)} className="shrink-0 rounded-full bg-white px-2.5 py-0.5 text-xs ring-1 ring-slate-200">
                {i + 1}
              </button>
            ))}
          </div>
        )}
        {sizes.map((s, i) => (
          <div
            key={i}
            ref={(el) => {
              pages.current[i] = el;
            }}
            data-page={i}
            className="relative w-full overflow-hidden rounded shadow-sm ring-1 ring-slate-200"
            style={{ aspectRatio: `${s.width} / ${s.height}` }}
          >
            <PdfPageCanvas doc={doc} pageNumber={i + 1} label={`第${i + 1}页`} />
            {overlay?.(i)}
            <span className="pointer-events-none absolute bottom-1 right-2 text-[10px] text-slate-400">
              {i + 1} / {sizes.length}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

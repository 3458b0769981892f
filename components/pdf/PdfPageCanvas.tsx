"use client";
import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

/**
 * One page drawn to a canvas that fills its box (the box keeps the page's aspect ratio, so
 * overlays in percentages line up). Pages are drawn only once they come near the screen.
 */
export function PdfPageCanvas({ doc, pageNumber, label }: { doc: PDFDocumentProxy; pageNumber: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: "600px" });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    const el = canvas.current;
    if (!visible || !el) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    (async () => {
      const page = await doc.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const cssWidth = el.clientWidth || base.width;
      const scale = (cssWidth / base.width) * Math.min(window.devicePixelRatio || 1, 2);
      const vp = page.getViewport({ scale });
      if (cancelled) return;
      el.width = Math.floor(vp.width);
      el.height = Math.floor(vp.height);
      task = page.render({ canvas: el, viewport: vp });
      await task.promise;
      el.dataset.rendered = "true";
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber, visible]);
  return <canvas ref={canvas} aria-label={label} className="absolute inset-0 h-full w-full bg-white" />;
}

"use client";
import { useEffect, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";

// pdf.js loads in the browser only (it needs a worker and a canvas); one copy per page load.
let lib: Promise<typeof import("pdfjs-dist")> | null = null;
function pdfjs() {
  lib ??= import("pdfjs-dist").then((m) => {
    m.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();
    return m;
  });
  return lib;
}

export type PageSize = { width: number; height: number }; // points, as displayed (rotation applied)

/** Opens the PDF at `url` and reads every page's displayed size (needed to lay pages out before drawing them). */
export function usePdfDocument(url: string) {
  const [state, setState] = useState<{ doc: PDFDocumentProxy; sizes: PageSize[] } | { error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    (async () => {
      const m = await pdfjs();
      doc = await m.getDocument({ url, isEvalSupported: false }).promise;
      const sizes: PageSize[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const vp = (await doc.getPage(i)).getViewport({ scale: 1 });
        sizes.push({ width: vp.width, height: vp.height });
      }
      if (!cancelled) setState({ doc, sizes });
    })().catch(() => !cancelled && setState({ error: "文件加载失败，请刷新重试" }));
    return () => {
      cancelled = true;
      void doc?.destroy();
    };
  }, [url]);
  return state;
}

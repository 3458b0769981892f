import "server-only";

/** A private PDF, inline (for pdf.js in the page) or, given a name, as a download; never cached by shared caches. */
export function pdfResponse(bytes: Uint8Array, downloadName?: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      ...(downloadName ? { "content-disposition": `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(downloadName)}` } : {}),
    },
  });
}

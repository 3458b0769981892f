import "server-only";

/** A private, inline PDF (for pdf.js in the page); never cached by shared caches. */
export function pdfResponse(bytes: Uint8Array): Response {
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/pdf", "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" },
  });
}

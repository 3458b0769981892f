import "server-only";

/**
 * A multipart body read with a ceiling that holds while streaming: a missing or false
 * Content-Length never means "read it all into memory". Past `maxBytes` the stream is cancelled
 * and the request refused.
 */
export async function readFormCapped(req: Request, maxBytes: number): Promise<{ ok: true; form: FormData } | { ok: false; reason: "too-big" | "unreadable" }> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) return { ok: false, reason: "too-big" };
  if (!req.body) return { ok: false, reason: "unreadable" };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "too-big" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    const body = Buffer.concat(chunks);
    const form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

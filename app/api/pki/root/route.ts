import { platformPki } from "@/lib/server/pki";

/** The platform's root certificate, for anyone who wants to validate our signatures themselves. */
export async function GET() {
  const { root } = await platformPki();
  return new Response(root.toString("pem") + "\n", {
    headers: {
      "content-type": "application/x-pem-file",
      "content-disposition": 'attachment; filename="geren-dianziqian-root-ca.pem"',
      "cache-control": "public, max-age=3600",
    },
  });
}

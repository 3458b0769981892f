import { platformPki } from "@/lib/server/pki";
import { rootCrl } from "@/lib/server/pki/revocation";

/** The root's CRL (it covers the issuing CA), named by the CA certificate's CRL distribution point. */
export async function GET() {
  const der = await rootCrl(await platformPki());
  return new Response(Buffer.from(der), { headers: { "content-type": "application/pkix-crl", "cache-control": "public, max-age=3600" } });
}

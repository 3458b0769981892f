import { platformPki, endCertificatesCrl } from "@/lib/server/pki";

/** The list covering the CA's end certificates (signers, seal, TSA), named by their CRL distribution point. */
export async function GET() {
  const der = await endCertificatesCrl(await platformPki());
  return new Response(Buffer.from(der), { headers: { "content-type": "application/pkix-crl", "cache-control": "public, max-age=3600" } });
}

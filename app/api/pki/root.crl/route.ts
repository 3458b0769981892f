import { platformPki, rootCrl } from "@/lib/server/pki";

/** The root's CRL (it covers the issuing CA), named by the CA certificate's CRL distribution point. */
export async function GET() {
  const der = await rootCrl(await platformPki()).catch(() => null); // not provisioned: see npm run pki:init
  if (!der) return new Response("吊销列表暂不可用", { status: 503 });
  return new Response(Buffer.from(der), { headers: { "content-type": "application/pkix-crl", "cache-control": "public, max-age=3600" } });
}

// npm run pki:init — provisions the platform PKI once into PKI_DIR (default DATA_DIR/pki): root,
// issuing CA, TSA and seal. Copy the folder (without root.key.pem, which belongs offline) to every
// app instance, or mount it. Running it again changes nothing.
import { config } from "@/lib/server/config";
import { pkiProvision, pkiProvisioned } from "@/lib/server/pki";

async function main() {
  const existed = pkiProvisioned();
  const root = await pkiProvision();
  const fingerprint = Buffer.from(await root.getThumbprint("SHA-256")).toString("hex").toUpperCase().match(/.{2}/g)!.join(":");
  console.log(`${existed ? "平台证书已存在" : "已生成平台证书"}：${config.pkiDir}`);
  console.log(`根证书 SHA-256 指纹：${fingerprint}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

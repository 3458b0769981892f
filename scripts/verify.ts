// npm run verify -- FILE.pdf [--root ROOT.pem] [--seal SEAL.pem]
// Checks a signed contract without our server: the same inspection and verdicts as /verify, per
// signature (each covers one revision), against the root certificate you give it (download it
// from /api/pki/root; by default PKI_DIR's), and the roots of external time-stamp services
// (--tsa-root). Exit 0 only when the whole file is clean.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "@/lib/server/config";
import type { x509 } from "@/lib/server/pki/x509";
import { pemCertificates } from "@/lib/server/pki/ca";
import { inspectPdf } from "@/lib/server/evidence/inspect";
import { documentVerdict, signatureVerdict, type Verdict } from "@/lib/domain/evidence";

const USAGE = "用法：npm run verify -- 文件.pdf [--root 根证书.pem] [--seal 平台签章证书.pem] [--tsa-root 时间戳服务根证书.pem …]";

function certificate(file: string): x509.X509Certificate {
  const [first] = pemCertificates(fs.readFileSync(file, "utf8"));
  if (!first) throw new Error(`${file} 中没有证书`);
  return first;
}

const shanghai = (d: Date | null) => (d ? `${d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}（北京时间）` : "—");
const mark = (v: Verdict) => ({ ok: "✓", warn: "!", bad: "✗" })[v.tone];
const line = (label: string, v: Verdict) => `  ${label}：${mark(v)} ${v.title}${v.tone === "ok" ? "" : `（${v.detail}）`}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: "string" }, seal: { type: "string" }, "tsa-root": { type: "string", multiple: true } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const pkiDir = config.pkiDir;
  const rootFile = values.root ?? path.join(pkiDir, "root.cert.pem");
  const sealFile = values.seal ?? (values.root ? undefined : path.join(pkiDir, "seal.cert.pem"));
  if (!fs.existsSync(rootFile)) {
    console.error(`找不到根证书 ${rootFile}：请用 --root 指定（可从本平台 /api/pki/root 下载）`);
    return 2;
  }
  const root = certificate(rootFile);
  const seal = sealFile && fs.existsSync(sealFile) ? certificate(sealFile) : undefined;
  const tsaRoots = (values["tsa-root"] ?? []).map(certificate);
  const found = await inspectPdf(new Uint8Array(fs.readFileSync(file)), { root, seal, tsaRoots });
  if (found.kind === "not-pdf") {
    console.log("✗ 不是 PDF 文件");
    return 1;
  }
  if (found.kind === "too-complex") {
    console.log(`✗ ${found.message}`);
    return 1;
  }
  const fingerprint = Buffer.from(await root.getThumbprint("SHA-256")).toString("hex").toUpperCase();
  console.log(`文件 SHA-256：${found.sha256}`);
  console.log(`信任的根证书：${root.subject}（SHA-256 指纹 ${fingerprint}）`);
  const sigs = found.signatures;
  sigs.forEach((s, i) => {
    const v = signatureVerdict(sigs, i);
    const who = s.kind === "document-timestamp" ? "文档时间戳（长期验证）" : s.platformSeal ? "平台签章" : (s.certificate?.commonName ?? "未知签署人");
    console.log(`签名 ${i + 1}/${sigs.length} · ${who}${s.certificate ? ` · 颁发者 ${s.certificate.issuerCommonName}` : ""}`);
    console.log(line("签名", v.valid));
    console.log(line("之后是否修改", v.changedAfter));
    console.log(`  签署时间：${shanghai(s.signingTime)}；时间戳：${s.timestamp ? `${shanghai(s.timestamp.time)}${s.timestamp.valid ? "" : "（无效）"}` : "无"}`);
  });
  const verdict = documentVerdict(sigs);
  console.log(`${mark(verdict)} ${verdict.title}：${verdict.detail}`);
  return verdict.tone === "ok" ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);

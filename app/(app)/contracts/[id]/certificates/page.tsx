import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { contractForViewer } from "@/lib/server/contracts";
import { signatureCertificates } from "@/lib/server/evidence";
import { DOCUMENT_STATES } from "@/lib/domain/lifecycle";
import { formatShanghaiInstant } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "签署证书" };

const dt = (d: Date | null) => (d ? formatShanghaiInstant(d) : "—");

/** 查看签署证书: each signature's certificate and time-stamp, read back from the signed PDF. */
export default async function CertificatesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view?.role || !view.contract.pdfSha256 || !DOCUMENT_STATES.includes(view.contract.status)) notFound();
  const c = view.contract;
  const certs = await signatureCertificates(c.pdfSha256!);
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-xl font-semibold">签署证书</h1>
        <p className="mt-1 text-sm text-slate-600">
          《{c.title}》（{c.number}）中的 {certs.length} 个数字签名。以下信息直接读取自合同PDF中的数字签名，而不是本平台的数据库。
        </p>
      </header>
      <ol className="flex flex-col gap-3" data-testid="certificates">
        {certs.map((s, i) => (
          <li key={s.serial} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="certificate">
            <div className="mb-2 flex items-center justify-between gap-2">
              <h2 className="font-medium">
                签名 {i + 1} · <span data-testid="cert-name">{s.commonName}</span>
              </h2>
              <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs ${s.intact ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>{s.intact ? "签名有效" : "签名无效"}</span>
            </div>
            <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
              <dt className="text-slate-500">证书主题</dt>
              <dd className="break-all">{s.subjectReadable}</dd>
              <dt className="text-slate-500">序列号</dt>
              <dd className="break-all font-mono text-xs leading-5" data-testid="cert-serial">
                {s.serial}
              </dd>
              <dt className="text-slate-500">颁发者</dt>
              <dd className="break-all">{s.issuerCommonName}</dd>
              <dt className="text-slate-500">有效期</dt>
              <dd>
                {dt(s.notBefore)} 至 {dt(s.notAfter)}
              </dd>
              <dt className="text-slate-500">SHA-256指纹</dt>
              <dd className="break-all font-mono text-xs leading-5">{s.sha256Fingerprint}</dd>
              <dt className="text-slate-500">签署时间</dt>
              <dd>{dt(s.signingTime)}</dd>
              <dt className="text-slate-500">时间戳时间</dt>
              <dd>{dt(s.timestampTime)}</dd>
            </dl>
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-600">
        证书均由本平台根证书签发：
        <a className="text-brand-600 underline" href="/api/pki/root">
          下载根证书
        </a>
        ；可在
        <Link className="text-brand-600 underline" href="/verify">
          验证页面
        </Link>
        上传合同PDF核对，或用 pdfsig、pyHanko 等工具在信任该根证书后自行校验。
      </p>
      <Link href={`/contracts/${c.id}`} className="text-center text-sm text-slate-600 underline">
        返回合同详情
      </Link>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { contractForViewer, documentFor } from "@/lib/server/contracts";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { ACTION_LABELS, STATUS_TONE, roleLabel, statusLabel } from "@/lib/domain/contract-labels";
import { DocumentView } from "@/components/contract/DocumentView";
import { ContractActions } from "@/components/contract/ContractActions";
import { ShareLink } from "@/components/contract/ShareLink";

export const metadata: Metadata = { title: "合同详情" };

const PARTY_STATUS: Record<string, string> = { WAITING_INFO: "待补充信息", WAITING_SIGN: "待签署", SIGNED: "已签署", REJECTED: "已拒签" };

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view) notFound();
  const { contract: c, actions, role, myParty } = view;
  const waiting = c.parties.filter((p) => !p.isInitiator && (p.status === "WAITING_SIGN" || p.status === "WAITING_INFO"));
  const label = statusLabel(c.status, waiting.map((p) => p.role));
  const pending = c.status === "PENDING_INFO" || c.status === "PENDING_SIGN" || c.status === "PENDING_CLAIM";
  const reminder = c.kind === "iou" && (c.status === "EFFECTIVE" || pending) && role ? c.repayReminder : null;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{c.title}</h1>
        <span data-testid="status" className={`rounded-full px-3 py-1 text-sm font-medium ${STATUS_TONE[c.status] ?? "bg-slate-100 text-slate-600"}`}>
          {label}
        </span>
      </header>

      {c.status === "DRAFT" && role === "INITIATOR" && (
        <div className="grid grid-cols-2 gap-3">
          <Link href={`/iou/new?draft=${c.id}`} className="rounded-lg border border-slate-300 bg-white py-2.5 text-center">
            继续编辑
          </Link>
          <Link href={`/contracts/${c.id}/sign`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
            预览并签署
          </Link>
        </div>
      )}
      {pending && role === "INITIATOR" && waiting[0]?.inviteToken && <ShareLink path={`/s/${waiting[0].inviteToken}`} title={`请签署《${c.title}》`} />}
      {pending && role === "RECIPIENT" && myParty?.inviteToken && (myParty.status === "WAITING_SIGN" || myParty.status === "WAITING_INFO") && (
        <Link href={`/s/${myParty.inviteToken}`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
          {myParty.status === "WAITING_INFO" ? "补充信息并签署" : "去签署"}
        </Link>
      )}
      {c.pdfSha256 && (
        <a href={`/api/contracts/${c.id}/pdf`} download className="rounded-lg border border-brand-500 bg-white py-2.5 text-center text-brand-600">
          下载合同PDF
        </a>
      )}
      <ContractActions contractId={c.id} version={c.version} actions={actions} reminder={reminder} />

      <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} />

      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-2 font-medium">签署方</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {c.parties.map((p) => (
            <li key={p.id} className="flex items-center justify-between py-2">
              <span>
                {roleLabel(p.role)}
                {p.isInitiator ? "（发起方）" : ""}：{p.name ?? "待补充"}
              </span>
              <span className="text-slate-500">
                {PARTY_STATUS[p.status]}
                {p.rejectReason ? `（${p.rejectReason}）` : ""}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">
          合同编号 {c.number}
          {c.expiresAt && pending ? ` · ${formatShanghaiDateTime(c.expiresAt)} 前未签署将过期` : ""}
        </p>
      </section>

      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-2 font-medium">签署记录</h2>
        <ol className="flex flex-col gap-2 text-sm" data-testid="timeline">
          {c.events.map((e) => (
            <li key={e.id} className="flex flex-col border-l-2 border-brand-200 pl-3">
              <span>
                {ACTION_LABELS[e.action] ?? e.action}
                <span className="text-slate-500"> · {e.actorRole === "SYSTEM" ? "系统" : e.actorRole === "INITIATOR" ? "发起方" : "接收方"}</span>
              </span>
              <span className="text-xs text-slate-500">
                {formatShanghaiDateTime(e.createdAt)}
                {e.docSha256 ? ` · 文件SHA-256 ${e.docSha256.slice(0, 16)}…` : ""}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

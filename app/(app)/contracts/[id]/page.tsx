import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { contractForViewer, documentFor, frozenHold, ownFacts, remindersOf, sendsWithoutSigning, shownFields } from "@/lib/server/contracts";
import { OwnDocumentView } from "@/components/own-file/OwnDocument";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { ACTION_LABELS, STATUS_TONE, roleLabel, statusLabel } from "@/lib/domain/contract-labels";
import { DocumentView, VoidMark } from "@/components/contract/DocumentView";
import { ReminderSwitch } from "@/components/contract/ReminderSwitch";
import { ContractActions } from "@/components/contract/ContractActions";
import { ShareLink } from "@/components/contract/ShareLink";
import { MoreActions } from "@/components/contract/MoreActions";
import { PendingEndPanel } from "@/components/contract/PendingEndPanel";
import { listLegalProviders } from "@/lib/server/content";
import { DOCUMENT_STATES, VOID_STATES } from "@/lib/domain/lifecycle";
import { END_LABELS, endKindOfState, endedStatement } from "@/lib/domain/end-request";
import { contractKind } from "@/lib/domain/contract-kind";
import { awaitedParties, signerHeldBack } from "@/lib/domain/waiting";

export const metadata: Metadata = { title: "合同详情" };

const PARTY_STATUS: Record<string, string> = { WAITING_INFO: "待补充信息", WAITING_SIGN: "待签署", SIGNED: "已签署", REJECTED: "已拒签", CONFIRMED: "已确认" };

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view) notFound();
  const { contract: c, actions, refusals, role, myParty } = view;
  const waiting = c.parties.filter((p) => !p.isInitiator && (p.status === "WAITING_SIGN" || p.status === "WAITING_INFO"));
  // whom it waits for now (the same answer as the folder's 待…签署)
  const label = statusLabel(c.status, awaitedParties(c).map((p) => p.role), c.kind);
  const pending = c.status === "PENDING_INFO" || c.status === "PENDING_SIGN" || c.status === "PENDING_CLAIM";
  // what keeps a signer who has nothing to do yet waiting (another's identity, or the order of signing)
  const waitingFor = signerHeldBack(c, myParty);
  // 还款提醒 is each person's own: whether it is on for me, and whether the dates bind me (to pay) or the other side
  const reminders = remindersOf(c);
  const reminder = (c.status === "EFFECTIVE" || pending) && myParty && reminders.length > 0 ? { on: myParty.repayReminder, bound: reminders.some((r) => r.role === myParty.role) } : null;
  const voided = VOID_STATES.includes(c.status);
  const hasDocument = c.pdfSha256 !== null && DOCUMENT_STATES.includes(c.status);
  const pendingEnd = endKindOfState(c.status);
  const requester = c.parties.find((p) => p.id === c.requestPartyId);
  const ended = c.status === "SETTLED" ? "settle" : c.status === "RESCINDED" ? "rescind" : null;
  const own = ownFacts(c);
  const providers = role && hasDocument ? await listLegalProviders() : [];
  const onHold = pending || pendingEnd ? await frozenHold(c) : null;
  const actorOf = (userId: string | null) => {
    const p = userId ? c.parties.find((x) => x.userId === userId) : undefined;
    return userId === null ? "系统" : p ? `${roleLabel(p.role, c.kind)} ${p.name ?? ""}` : "管理员";
  };

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{c.title}</h1>
        <span data-testid="status" className={`rounded-full px-3 py-1 text-sm font-medium ${STATUS_TONE[c.status] ?? "bg-slate-100 text-slate-600"}`}>
          {label}
        </span>
      </header>
      {onHold && (
        <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900" data-testid="on-hold">
          {onHold}
        </p>
      )}

      {c.status === "DRAFT" && role === "INITIATOR" && (
        <div className="grid grid-cols-2 gap-3">
          <Link href={own ? `/files/new?draft=${c.id}` : `/templates/${c.kind}/new?draft=${c.id}`} className="rounded-lg border border-slate-300 bg-white py-2.5 text-center">
            继续编辑
          </Link>
          <Link href={`/contracts/${c.id}/sign`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
            {sendsWithoutSigning(c.kind, c.parties.find((p) => p.isInitiator)?.role) ? "预览并发起" : "预览并签署"}
          </Link>
        </div>
      )}
      {role === "INITIATOR" && actions.includes("sign") && (
        <Link href={`/contracts/${c.id}/sign`} className="rounded-xl bg-brand-500 py-3 text-center font-medium text-white" data-testid="initiator-turn">
          对方已签署，去签署
        </Link>
      )}
      {pending &&
        role === "INITIATOR" &&
        waiting.map((p) =>
          p.inviteToken ? (
            <ShareLink key={p.id} path={`/s/${p.inviteToken}`} title={`请签署《${c.title}》`} who={waiting.length > 1 ? (p.name ?? `签署方${p.seq + 1}`) : "对方"} />
          ) : null,
        )}
      {pending && role === "RECIPIENT" && myParty?.inviteToken && (myParty.status === "WAITING_SIGN" || myParty.status === "WAITING_INFO") &&
        // offer only what can be done now; otherwise say what the contract waits for
        (waitingFor ? (
          <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900" data-testid="waiting-for">
            {waitingFor}
          </p>
        ) : (
          <Link href={`/s/${myParty.inviteToken}`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
            {myParty.status === "WAITING_INFO" ? "补充信息并签署" : "去签署"}
          </Link>
        ))}
      {ended && (
        <p className="rounded-xl bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200" data-testid="ended-statement">
          {END_LABELS[ended].done}：{endedStatement(ended, contractKind(c.kind)?.noun ?? "合同")}
          {c.requestReason ? `（原因：${c.requestReason}）` : ""}
          {c.endRecordSha256 && (
            <a href={`/api/contracts/${c.id}/record`} download className="mt-1 block text-brand-600 underline">
              下载{END_LABELS[ended].noun}确认书
            </a>
          )}
        </p>
      )}
      {pendingEnd && (
        <PendingEndPanel
          contractId={c.id}
          version={c.version}
          kind={pendingEnd}
          side={role === "REQUESTER" || role === "RESPONDER" ? role : null}
          requester={requester ? `${roleLabel(requester.role, c.kind)} ${requester.name ?? ""}` : ""}
          requestedAt={c.requestedAt ? formatShanghaiDateTime(c.requestedAt) : ""}
          reason={c.requestReason ?? ""}
        />
      )}
      {hasDocument && (
        <a href={`/api/contracts/${c.id}/pdf`} download className="rounded-lg border border-brand-500 bg-white py-2.5 text-center text-brand-600">
          下载合同PDF
        </a>
      )}
      <div className="flex flex-wrap items-start gap-2">
        {/* everything in 更多操作 (解除/结清, e-mail, certificates, 出证, 法律服务) concerns a signed document */}
        {role && hasDocument && (
          <MoreActions
            contractId={c.id}
            version={c.version}
            can={{ rescind: actions.includes("rescindRequest"), settle: actions.includes("settleRequest") }}
            rescindRefusal={refusals.rescindRequest ?? null}
            emailTo={user.email ?? ""}
            providers={providers.map(({ id, name, description, url }) => ({ id, name, description, url }))}
          />
        )}
        <div className="min-w-0 flex-1">
          <ContractActions contractId={c.id} version={c.version} actions={actions} />
        </div>
      </div>
      {reminder && <ReminderSwitch contractId={c.id} on={reminder.on} bound={reminder.bound} />}

      {!own ? (
        <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} voided={voided} />
      ) : hasDocument ? (
        <OwnDocumentView pdfUrl={`/api/contracts/${c.id}/pdf`} fields={[]} />
      ) : (
        <div className="relative overflow-hidden">
          {voided && <VoidMark />}
          <OwnDocumentView pdfUrl={`/api/contracts/${c.id}/document`} fields={await shownFields(c, myParty?.seq ?? null)} />
        </div>
      )}

      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-2 font-medium">签署方</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {c.parties.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-3 py-2">
              {/* a name wraps as a whole, never in the middle */}
              <span className="min-w-0">
                {roleLabel(p.role, c.kind)}
                {p.isInitiator ? "（发起方）" : ""}：<span className="whitespace-nowrap">{p.name ?? "待补充"}</span>
              </span>
              <span className="shrink-0 text-right text-slate-500">
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
                <span className="text-slate-500"> · {actorOf(e.actorUserId)}</span>
              </span>
              {typeof (e.detail as { reason?: unknown } | null)?.reason === "string" && (
                <span className="break-words text-xs text-slate-600">原因：{(e.detail as { reason: string }).reason}</span>
              )}
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

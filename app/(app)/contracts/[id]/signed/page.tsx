import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { contractForViewer } from "@/lib/server/contracts";
import { roleLabel } from "@/lib/domain/contract-labels";
import { contractKind } from "@/lib/domain/contract-kind";
import { DOCUMENT_STATES } from "@/lib/domain/lifecycle";
import { ShareLink } from "@/components/contract/ShareLink";
import { awaitedParties } from "@/lib/domain/waiting";

export const metadata: Metadata = { title: "签署成功" };

/**
 * Where a signer lands after signing (签署成功): what their signature did, and — while others still
 * have to sign — how to pass the contract on (the reference's 待对方签署 page): the initiator shares each
 * awaited signer's link; a signer who went first (对方先签) sends the contract back to the initiator.
 */
export default async function SignedPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view) notFound();
  const { contract: c, role, myParty } = view;
  if (!myParty || (myParty.status !== "SIGNED" && myParty.status !== "CONFIRMED")) redirect(`/contracts/${c.id}`);
  const noun = contractKind(c.kind)?.noun ?? "合同";
  // whom it waits for now (the folder's and the detail page's answer): the next in order, or the initiator last
  const awaited = awaitedParties(c).filter((p) => p.id !== myParty.id);
  const done = DOCUMENT_STATES.includes(c.status);
  const who = (p: (typeof awaited)[number]) => p.name ?? roleLabel(p.role, c.kind);
  const initiatorAwaited = role !== "INITIATOR" && awaited.find((p) => p.isInitiator);

  return (
    <div className="flex flex-col items-stretch gap-4 md:mx-auto md:w-full md:max-w-lg">
      <section className="flex flex-col items-center gap-2 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-100">
        <svg viewBox="0 0 48 48" className="h-14 w-14 text-emerald-500" aria-hidden>
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <path d="m14 24 7 7 13-14" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h1 className="text-xl font-semibold">签署成功</h1>
        <p className="text-sm text-slate-600">《{c.title}》</p>
        <p className="text-sm text-slate-600" data-testid="signed-state">
          {done ? `各方均已签署，${noun}已生效。` : awaited.length ? `您已完成签署，待${awaited.map(who).join("、")}${c.status === "PENDING_INFO" ? "补充信息" : "签署"}。` : "您已完成签署。"}
        </p>
      </section>
      {!done && role === "INITIATOR" &&
        awaited.map((p) =>
          p.inviteToken ? <ShareLink key={p.id} path={`/s/${p.inviteToken}`} title={`请签署《${c.title}》`} who={awaited.length > 1 ? who(p) : "对方"} /> : null,
        )}
      {!done && initiatorAwaited && (
        // 对方先签: the initiator signs on their own contract page (only they can open it)
        <ShareLink path={`/contracts/${c.id}`} title={`请签署《${c.title}》`} who="发起方" />
      )}
      {!done && awaited.length > 0 && <p className="text-center text-xs text-slate-500">待签署方也会收到短信通知。</p>}
      <Link href={`/contracts/${c.id}`} className="rounded-lg bg-brand-500 py-2.5 text-center font-medium text-white">
        查看详情
      </Link>
      <Link href="/" className="rounded-lg border border-slate-300 bg-white py-2.5 text-center">
        返回首页
      </Link>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { documentFor, frozenHold, ownFacts, shownFields, linkPartyFor } from "@/lib/server/contracts";
import { listSignatures } from "@/lib/server/account";
import { signerHeldBack } from "@/lib/domain/waiting";
import { OwnDocumentSigning } from "@/components/own-file/OwnDocument";
import { maskPhone } from "@/lib/domain/phone";
import { statusLabel, roleLabel } from "@/lib/domain/contract-labels";
import { DocumentView } from "@/components/contract/DocumentView";
import { SignPanel } from "@/components/signing/SignPanel";
import { RejectForm, SupplementButton } from "@/components/signing/RecipientActions";
import { ClaimPanel } from "@/components/signing/ClaimPanel";
import { renameBlockedReason } from "@/lib/domain/account";
import { Brand } from "@/components/brand/Brand";

export const metadata: Metadata = { title: "签署合同" };
export const dynamic = "force-dynamic";

const maskName = (n: string | null) => (n ? n.slice(0, 1) + "*".repeat(Math.max(n.length - 1, 1)) : "对方");

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6">
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 pb-3">
        <Brand />
        <span className="text-xs text-slate-500">手写签名 + 数字签名</span>
      </header>
      {children}
    </main>
  );
}

/** The counterparty's page behind the SMS link. Strangers see only the title and a masked name. */
export default async function SignLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) notFound();
  const party = await db().party.findUnique({ where: { inviteToken: token }, include: { contract: { include: { parties: { orderBy: { seq: "asc" } } } } } });
  if (!party || party.contract.status === "DRAFT" || party.contract.status === "DISCARDED") notFound();
  const c = party.contract;
  const initiator = c.parties.find((p) => p.isInitiator);
  const user = await currentUser();
  const teaser = (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
      <h1 className="text-lg font-semibold">{c.title}</h1>
      <p className="text-sm text-slate-500">发起方：{maskName(initiator?.name ?? null)}</p>
    </div>
  );
  if (!user) {
    return (
      <Shell>
        {teaser}
        <p className="text-sm text-slate-600">请使用接收短信的手机号登录后查看并签署。</p>
        <Link href={`/login?callbackUrl=/s/${token}`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
          登录后查看
        </Link>
      </Shell>
    );
  }
  if (user.id === c.initiatorId) redirect(`/contracts/${c.id}`);
  if (!linkPartyFor(user, party, c.initiatorId)) {
    return (
      <Shell>
        {teaser}
        <p data-testid="stranger" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          该合同仅限指定签署方查看。当前登录账号 {maskPhone(user.phone)} 不是该合同的签署方。
        </p>
      </Shell>
    );
  }
  // The named phone matches: the contract now belongs in this person's folder too.
  if (!party.userId && party.phone === user.phone) {
    await db().$transaction(async (tx) => {
      await tx.party.updateMany({ where: { id: party.id, userId: null }, data: { userId: user.id } });
      const { syncFolder } = await import("@/lib/server/contracts");
      await syncFolder(tx, c.id);
    });
  }
  // what keeps this signer waiting (another's identity, or the order of signing): the detail page's answer
  const heldBack = signerHeldBack(c, party);
  const pendingForMe =
    (party.status === "WAITING_INFO" && c.status === "PENDING_INFO") || (party.status === "WAITING_SIGN" && (c.status === "PENDING_SIGN" || c.status === "PENDING_CLAIM"));
  if (!pendingForMe) {
    return (
      <Shell>
        {teaser}
        <p className="text-center text-lg font-medium" data-testid="link-status">
          {statusLabel(c.status)}
        </p>
        {heldBack && (
          <p className="rounded-xl bg-slate-50 p-3 text-center text-sm text-slate-600" data-testid="link-waiting">
            {party.fillMode === "COUNTERPARTY" ? "您的信息已确认。" : ""}
            {heldBack}
          </p>
        )}
        <Link href={`/contracts/${c.id}`} className="rounded-lg border border-slate-300 bg-white py-2.5 text-center">
          查看详情
        </Link>
      </Shell>
    );
  }
  if (!user.verifiedAt) {
    return (
      <Shell>
        {teaser}
        <p className="text-sm text-slate-600">签署前需要完成实名认证与人脸核身。</p>
        <Link href={`/realname?next=/s/${token}`} className="rounded-lg bg-brand-500 py-2.5 text-center text-white">
          去实名认证
        </Link>
      </Shell>
    );
  }
  // 更名 stops earlier contracts for this signer; a frozen account puts the contract on hold
  const held = renameBlockedReason(c, user) ?? (await frozenHold(c));
  if (held) {
    return (
      <Shell>
        {teaser}
        <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900" data-testid="sign-held">
          {held}
        </p>
        <RejectForm token={token} version={c.version} />
      </Shell>
    );
  }
  if (party.status === "WAITING_INFO") {
    return (
      <Shell>
        {teaser}
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
          <h2 className="font-medium">补充签署信息（{roleLabel(party.role, party.contract.kind)}）</h2>
          <dl className="grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">姓名</dt>
            <dd>{user.realName}</dd>
            <dt className="text-slate-500">身份证号</dt>
            <dd>{user.idMasked}</dd>
            <dt className="text-slate-500">手机号</dt>
            <dd>{maskPhone(user.phone)}</dd>
          </dl>
          <p className="text-xs text-slate-500">以上信息来自您的实名认证，确认后将填入合同。</p>
          <SupplementButton token={token} version={c.version} />
        </section>
        <RejectForm token={token} version={c.version} />
      </Shell>
    );
  }
  if (heldBack) {
    return (
      <Shell>
        {teaser}
        <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900" data-testid="wait-turn">
          {heldBack}
        </p>
      </Shell>
    );
  }
  if (c.status === "PENDING_CLAIM") {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">领取《{c.title}》</h1>
        <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} />
        <ClaimPanel token={token} version={c.version} contractId={c.id} />
        <RejectForm token={token} version={c.version} verb="拒绝领取" />
      </Shell>
    );
  }
  const saved = (await listSignatures(user.id)).map((s) => ({ id: s.id, sha256: s.sha256 }));
  const own = ownFacts(c);
  if (own) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">签署《{c.title}》</h1>
        <OwnDocumentSigning
          pdfUrl={`/api/contracts/${c.id}/document`}
          fields={await shownFields(c, party.seq)}
          sign={{ contractId: c.id, version: c.version, token, saved, label: "签署合同" }}
        />
        <RejectForm token={token} version={c.version} />
      </Shell>
    );
  }
  return (
    <Shell>
      <h1 className="text-xl font-semibold">签署《{c.title}》</h1>
      <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} />
      <SignPanel contractId={c.id} version={c.version} token={token} saved={saved} label="确认签署" />
      <RejectForm token={token} version={c.version} />
    </Shell>
  );
}

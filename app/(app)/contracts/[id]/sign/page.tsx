import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { contractForViewer, documentFor, ownFacts, sendsWithoutSigning, shownFields } from "@/lib/server/contracts";
import { listSignatures } from "@/lib/server/account";
import { InitiateButton } from "@/components/contract/InitiateButton";
import { RejectForm } from "@/components/signing/RecipientActions";
import { OwnDocumentSigning } from "@/components/own-file/OwnDocument";
import { StepBar } from "@/components/own-file/OwnFileWizard";
import { DocumentView } from "@/components/contract/DocumentView";
import { SignPanel } from "@/components/signing/SignPanel";
import { renameBlockedReason } from "@/lib/domain/account";
import { FeePanel } from "@/components/fees/FeePanel";
import { contractFee, couponWallet } from "@/lib/server/payments";
import { couponTerms } from "@/lib/domain/fees";
import { initiatorOnlyConfirms } from "@/lib/domain/contract-kind";
import { wizardTemplateById } from "@/lib/domain/templates/registry";

export const metadata: Metadata = { title: "预览并签署" };

/** The initiator previews the document exactly as it will be signed, then signs it. */
export default async function InitiatorSignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view || view.role !== "INITIATOR") notFound();
  const c = view.contract;
  // 对方先签 templates come back here once the other side has signed
  const myTurn = c.status === "PENDING_SIGN" && view.actions.includes("sign");
  if (c.status !== "DRAFT" && !myTurn) redirect(`/contracts/${id}`);
  const sendFirst = c.status === "DRAFT" && sendsWithoutSigning(c.kind, c.parties.find((p) => p.isInitiator)?.role);
  const issuing = sendFirst && initiatorOnlyConfirms(c.kind, c.parties.find((p) => p.isInitiator)?.role);
  const saved = (await listSignatures(user.id)).map((s) => ({ id: s.id, sha256: s.sha256 }));
  const own = ownFacts(c);
  // the fee belongs to initiating: nothing to show or check once the initiator's turn comes last
  const fee = myTurn ? null : await feeSection(user.id, c);
  const blocked = renameBlockedReason(c, user) ?? fee?.blocked ?? null;
  const feePanel = fee?.panel ?? null;
  if (own) {
    return (
      <div className="flex flex-col gap-4">
        <StepBar at={3} />
        <h1 className="text-xl font-semibold">签署《{c.title}》</h1>
        {feePanel}
        <OwnDocumentSigning
          pdfUrl={`/api/uploads/${own.uploadId}/pdf`}
          fields={await shownFields(c, 0)}
          sign={{ contractId: c.id, version: c.version, saved, label: "签署合同", blocked }}
        />
        <a href={`/contracts/${c.id}/fields`} className="text-center text-sm text-brand-600 underline">
          返回修改签署区域
        </a>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{issuing ? "预览并确认开具" : sendFirst ? "预览并发起" : "预览并签署"}</h1>
      <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} />
      {feePanel}
      {sendFirst ? (
        <InitiateButton
          contractId={c.id}
          version={c.version}
          blockedReason={blocked}
          label={issuing ? "确认开具" : "确认发起"}
          note={issuing ? "确认开具后收款人将收到短信邀请，收款人签署后收据生效。" : "发起后对方将收到短信邀请：对方核对信息并签署后，您再确认签署，合同生效。"}
        />
      ) : (
      <SignPanel
        blockedReason={blocked}
        contractId={c.id}
        version={c.version}
        saved={saved}
        label={`确认签署${wizardTemplateById(c.kind)?.noun ?? ""}`}
       
      />
      )}
      {myTurn && <RejectForm contractId={c.id} version={c.version} />}
    </div>
  );
}

/** 合同费用: the price lines with the usable coupons, and whether signing waits for payment. */
async function feeSection(userId: string, c: { id: string; kind: string }) {
  const fee = await contractFee(userId, c);
  const coupons = (await couponWallet(userId)).filter((x) => x.state === "available").map((x) => ({ id: x.id, label: `${x.name}（${couponTerms(x)}）` }));
  return {
    blocked: fee.due ? "请先支付合同费用" : null,
    panel: <FeePanel contractId={c.id} initial={fee.quote} paidFen={fee.paid ? fee.paid.amountFen : null} coupons={coupons} />,
  };
}

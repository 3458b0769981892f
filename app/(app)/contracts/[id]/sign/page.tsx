import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { contractForViewer, documentFor, listSignatures } from "@/lib/server/contracts";
import { DocumentView } from "@/components/contract/DocumentView";
import { SignPanel } from "@/components/signing/SignPanel";

export const metadata: Metadata = { title: "预览并签署" };

/** The initiator previews the document exactly as it will be signed, then signs it. */
export default async function InitiatorSignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  if (!view || view.role !== "INITIATOR") notFound();
  if (view.contract.status !== "DRAFT") redirect(`/contracts/${id}`);
  const c = view.contract;
  const saved = await listSignatures(user.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">预览并签署</h1>
      <DocumentView doc={documentFor(c, c.parties)} signatureUrl={(sha) => `/api/signatures/${sha}`} />
      <SignPanel
        contractId={c.id}
        version={c.version}
        saved={saved.map((s) => ({ id: s.id, sha256: s.sha256 }))}
        label={`确认签署${c.kind === "iou" ? "借条" : ""}`}
        doneHref={`/contracts/${c.id}`}
      />
    </div>
  );
}

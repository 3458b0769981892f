import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { contractForViewer, ownFacts } from "@/lib/server/contracts";
import type { FieldKind } from "@/lib/domain/own-file";
import { FieldEditor } from "@/components/own-file/FieldEditor";
import { StepBar } from "@/components/own-file/OwnFileWizard";

export const metadata: Metadata = { title: "指定签署区域" };

export default async function FieldsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await contractForViewer(user, id);
  const facts = view && ownFacts(view.contract);
  if (!view || !facts || view.role !== "INITIATOR") notFound();
  const c = view.contract;
  if (c.status !== "DRAFT") redirect(`/contracts/${id}`);
  const fields = await db().signField.findMany({ where: { contractId: c.id } });
  return (
    <div className="flex flex-col gap-4">
      <StepBar at={2} />
      <h1 className="text-xl font-semibold">指定签署区域</h1>
      <FieldEditor
        contractId={c.id}
        version={c.version}
        pdfUrl={`/api/uploads/${facts.uploadId}/pdf`}
        signers={c.parties.map((p) => ({ seq: p.seq, label: p.isInitiator ? "我" : p.name || `签署方${p.seq + 1}` }))}
        initial={fields.map((f) => ({ key: f.id, partySeq: f.partySeq, kind: f.kind as FieldKind, page: f.page, x: f.x, y: f.y, w: f.w, h: f.h }))}
      />
    </div>
  );
}

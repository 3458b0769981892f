import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { templateFactsOf, type TemplateFacts } from "@/lib/server/contracts";
import { templateDraftSaveAction } from "@/app/actions/contracts";
import { TemplateWizard } from "@/components/template/TemplateWizard";

export const metadata: Metadata = { title: "填写合同" };

/** The template wizard; ?draft= continues a saved draft of this template. */
export default async function TemplateWizardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ draft?: string; sample?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { draft: draftId, sample } = await searchParams;
  const t = wizardTemplateById(id);
  if (!t) notFound();
  let draft: ({ contractId: string } & TemplateFacts) | null = null;
  if (draftId) {
    const c = draftId.length <= 40 ? await db().contract.findUnique({ where: { id: draftId } }) : null;
    const facts = c ? templateFactsOf(c.facts) : null;
    if (!c || c.initiatorId !== user.id || c.status !== "DRAFT" || c.kind !== t.id || !facts) notFound();
    draft = { contractId: c.id, party: facts.party, form: t.read(facts.form) };
  }
  return (
    <TemplateWizard
      templateId={t.id}
      today={formatYmd(shanghaiToday(now()))}
      me={{ name: user.realName ?? "", idMasked: user.idMasked ?? "" }}
      draft={draft}
      save={templateDraftSaveAction}
      fromSample={sample === "1"}
    />
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { templateDraftFor } from "@/lib/server/contracts";
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
  const draft = draftId ? await templateDraftFor(user, draftId, t) : null;
  if (draftId && !draft) notFound();
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

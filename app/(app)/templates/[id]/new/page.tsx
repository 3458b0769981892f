import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { now } from "@/lib/server/clock";
import { formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import Link from "next/link";
import { templateDraftFor, templateInitiatorError } from "@/lib/server/contracts";
import { lprBp } from "@/lib/server/settings";
import { templateDraftSaveAction } from "@/actions/contracts";
import { TemplateWizard } from "@/components/template/TemplateWizard";

export const metadata: Metadata = { title: "填写合同" };

/** The template wizard; ?draft= continues a saved draft of this template. */
export default async function TemplateWizardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ draft?: string; sample?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { draft: draftId, sample } = await searchParams;
  const t = wizardTemplateById(id);
  if (!t) notFound();
  const today = shanghaiToday(now());
  const blocked = templateInitiatorError(user, t, today);
  if (blocked) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-100">
        <p className="font-medium">{blocked}</p>
        {!user.verifiedAt && (
          <Link href={`/realname?next=/templates/${t.id}/new`} className="text-brand-600 underline">
            去实名认证
          </Link>
        )}
      </div>
    );
  }
  const draft = draftId ? await templateDraftFor(user, draftId, t) : null;
  if (draftId && !draft) notFound();
  return (
    <TemplateWizard
      templateId={t.id}
      today={formatYmd(today)}
      me={{ name: user.realName ?? "", idMasked: user.idMasked ?? "" }}
      draft={draft}
      save={templateDraftSaveAction}
      fromSample={sample === "1"}
      crossBorder={Boolean(user.crossBorderAt)}
      lprBp={await lprBp()}
    />
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { lprBp } from "@/lib/server/settings";
import { iouInitiatorError, openFacts } from "@/lib/server/contracts";
import { shanghaiToday } from "@/lib/domain/dates";
import { maskPhone } from "@/lib/domain/phone";
import { emptyIouForm, iouFormShape, storedIouForm } from "@/lib/validation/iou";
import { IouWizard } from "@/components/iou/IouWizard";

export const metadata: Metadata = { title: "填写借条" };

export default async function NewIouPage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  const user = await requireUser();
  const { draft } = await searchParams;
  const blocked = iouInitiatorError(user, shanghaiToday(now()));
  if (blocked) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-100">
        <p className="font-medium">{blocked}</p>
        {!user.verifiedAt && (
          <Link href="/realname?next=/iou/new" className="text-brand-600 underline">
            去实名认证
          </Link>
        )}
      </div>
    );
  }
  let initial = emptyIouForm(shanghaiToday(now()));
  if (draft) {
    const c = await db().contract.findFirst({ where: { id: draft.slice(0, 40), initiatorId: user.id, status: "DRAFT", kind: "iou" } });
    const parsed = c ? iouFormShape.safeParse(storedIouForm(openFacts(c.facts))) : null;
    if (!parsed?.success) notFound();
    initial = parsed.data;
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">填写借条</h1>
      <IouWizard
        me={{ name: user.realName ?? "", idMasked: user.idMasked ?? "", phoneMasked: maskPhone(user.phone) }}
        lprBp={await lprBp()}
        draftId={draft ?? null}
        initial={initial}
        crossBorder={Boolean(user.crossBorderAt)}
      />
    </div>
  );
}

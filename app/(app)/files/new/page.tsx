import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { ownFacts } from "@/lib/server/contracts";
import { uploadStatus } from "@/lib/server/files";
import { maskPhone } from "@/lib/domain/phone";
import { FILE_KIND } from "@/lib/domain/own-file";
import { ownSetupShape } from "@/lib/validation/own-file";
import { OwnFileWizard } from "@/components/own-file/OwnFileWizard";

export const metadata: Metadata = { title: "发起自有合同" };

export default async function NewOwnFilePage({ searchParams }: { searchParams: Promise<{ type?: string; draft?: string }> }) {
  const user = await requireUser();
  const { type, draft } = await searchParams;
  const mode = type === "image" ? "image" : "file";
  if (!user.verifiedAt) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-100">
        <p className="font-medium">请先完成实名认证</p>
        <Link href={`/realname?next=/files/new?type=${mode}`} className="text-brand-600 underline">
          去实名认证
        </Link>
      </div>
    );
  }
  let resume = null;
  if (draft) {
    const c = await db().contract.findFirst({ where: { id: draft.slice(0, 40), initiatorId: user.id, status: "DRAFT", kind: FILE_KIND } });
    const facts = c && ownFacts(c);
    const form = facts ? ownSetupShape.safeParse(facts.setup) : null;
    const upload = facts ? await uploadStatus(user.id, facts.uploadId) : null;
    if (!c || !form?.success || !upload) notFound();
    resume = { id: c.id, upload, form: form.data };
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{mode === "image" ? "图片发起" : "文件发起"}</h1>
      <OwnFileWizard
        mode={mode}
        me={{ name: user.realName ?? "", idMasked: user.idMasked ?? "", phone: user.phone, phoneMasked: maskPhone(user.phone) }}
        draft={resume}
        crossBorder={Boolean(user.crossBorderAt)}
      />
    </div>
  );
}

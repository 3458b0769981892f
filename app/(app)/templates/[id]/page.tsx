import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { now } from "@/lib/server/clock";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { DocumentView } from "@/components/contract/DocumentView";
import { StartTemplate } from "@/components/template/StartTemplate";

export const metadata: Metadata = { title: "模板预览" };

/** A template's preview, filled with its sample (示例) facts, and 创建…. */
export default async function TemplatePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  const t = wizardTemplateById(id);
  if (!t) notFound();
  const today = shanghaiToday(now());
  const sample = t.document(
    t.facts(t.sample(today)),
    t.roles.map((r, i) => ({ role: r.key, name: i === 0 ? "张三（示例）" : "李四（示例）", idMasked: "1101**********000X" })),
    { number: "示例" },
  );
  return (
    <div className="flex flex-col gap-4">
      <header>
        <div className="flex items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">{t.name}模板预览</h1>
          {t.previewLinks?.map((l) => (
            <Link key={l.href} href={l.href} className="shrink-0 text-sm text-brand-600 underline">
              {l.label}
            </Link>
          ))}
        </div>
        <p className="mt-1 text-sm text-slate-600">{t.summary}</p>
        <p className="mt-1 text-xs text-slate-500">以下为示例内容，实际合同以您填写的信息为准。</p>
      </header>
      <DocumentView doc={sample} signatureUrl={() => ""} />
      <div className="sticky bottom-16 z-10 rounded-2xl bg-white/95 p-3 shadow-lg ring-1 ring-slate-100 backdrop-blur md:bottom-4">
        <StartTemplate templateId={t.id} name={t.name} notice={t.notice ?? null} />
      </div>
    </div>
  );
}

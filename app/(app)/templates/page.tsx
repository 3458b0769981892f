import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth";
import { TEMPLATES, TEMPLATE_CATEGORIES } from "@/lib/domain/templates/registry";
import { TemplateLibrary } from "@/components/template/TemplateLibrary";

export const metadata: Metadata = { title: "全部合同模板" };

/** 全部合同模板: every template by category, with a search box. */
export default async function TemplatesPage() {
  await requireUser();
  const items = TEMPLATES.map((t) => ({ id: t.id, name: t.name, category: t.category, summary: t.summary, href: `/templates/${t.id}` }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">全部合同模板</h1>
      <TemplateLibrary items={items} categories={TEMPLATE_CATEGORIES.map((c) => ({ id: c.id, label: c.label }))} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LEGAL_DOCUMENTS, legalDocument } from "@/lib/domain/legal";

export function generateStaticParams() {
  return Object.keys(LEGAL_DOCUMENTS).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const doc = legalDocument((await params).slug);
  return { title: doc?.title ?? "页面不存在" };
}

/** 用户协议 / 隐私政策 / 数字证书服务协议: public pages, readable before signing in. */
export default async function LegalPage({ params }: { params: Promise<{ slug: string }> }) {
  const doc = legalDocument((await params).slug);
  if (!doc) notFound();
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5 px-5 py-8">
      <Link href="/login" className="text-sm text-brand-600">
        ‹ 返回登录
      </Link>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{doc.title}</h1>
        <p className="text-xs text-slate-500">
          版本 {doc.version} · 生效日期 {doc.effectiveDate}
        </p>
        <p className="text-sm leading-6 text-slate-600">{doc.summary}</p>
      </header>
      {doc.sections.map((s) => (
        <section key={s.heading} className="flex flex-col gap-2">
          <h2 className="font-semibold">
            {s.heading}
          </h2>
          {s.paragraphs.map((p, j) => (
            <p key={j} className="text-sm leading-7 text-slate-700">
              {p}
            </p>
          ))}
        </section>
      ))}
      <nav className="flex flex-wrap gap-4 border-t border-slate-200 pt-4 text-sm">
        {Object.values(LEGAL_DOCUMENTS).map((d) => (
          <Link key={d.slug} href={`/legal/${d.slug}`} className="text-brand-600">
            《{d.title}》
          </Link>
        ))}
      </nav>
    </main>
  );
}

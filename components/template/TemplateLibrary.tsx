"use client";
// 全部合同模板: a search box, then the templates by category as cards. Filtering is on the client:
// the library is a few dozen short entries, all already on the page.
import { useId, useState } from "react";
import Link from "next/link";

export type TemplateLibraryItem = { id: string; name: string; category: string; summary: string; href: string };
export type TemplateLibraryProps = {
  items: readonly TemplateLibraryItem[];
  /** Sections, in display order; a category without (matching) templates is not shown. */
  categories: readonly { id: string; label: string }[];
};

/** Case-insensitive on name and summary; blanks in the query are ignored ("租房 合同" finds 租房合同). */
function matches(item: TemplateLibraryItem, query: string): boolean {
  const q = query.replace(/\s+/g, "").toLowerCase();
  if (!q) return true;
  return item.name.replace(/\s+/g, "").toLowerCase().includes(q) || item.summary.replace(/\s+/g, "").toLowerCase().includes(q);
}

export function TemplateLibrary({ items, categories }: TemplateLibraryProps) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const found = items.filter((i) => matches(i, query));
  // Items of a category the page did not list still appear, under 其他, rather than vanish.
  const known = new Set(categories.map((c) => c.id));
  const sections = [...categories, { id: "", label: "其他" }]
    .map((c) => ({ ...c, items: found.filter((i) => (c.id ? i.category === c.id : !known.has(i.category))) }))
    .filter((s) => s.items.length > 0);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="sr-only">
          搜索模板名称
        </label>
        <input
          id={searchId}
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder="搜索模板名称"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="template-search"
          className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
      </div>
      {/* Always in the DOM (visually hidden while empty), so screen readers announce the empty result when it appears. */}
      <p role="status" className={sections.length === 0 ? "py-8 text-center text-sm text-slate-500" : "sr-only"}>
        {sections.length === 0 ? "没有找到相关模板" : ""}
      </p>
      {sections.map((s) => (
        <CategorySection key={s.id || "other"} label={s.label} items={s.items} />
      ))}
    </div>
  );
}

function CategorySection({ label, items }: { label: string; items: readonly TemplateLibraryItem[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-base font-semibold text-slate-700">
        {label}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={item.href}
              data-testid="template-card"
              className="flex h-full flex-col gap-1 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100 transition-colors hover:ring-brand-500 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              <span className="font-medium text-slate-900">{item.name}</span>
              <span className="text-sm text-slate-500">{item.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

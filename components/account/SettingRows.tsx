import Link from "next/link";
import type { ReactNode } from "react";

export type SettingRow = { label: string; value?: ReactNode; href?: string; action?: string; testId?: string };

/** A card of label / value rows; a row with a link shows its action and a chevron. */
export function SettingRows({ title, rows }: { title?: string; rows: SettingRow[] }) {
  return (
    <section className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-100">
      {title && <h2 className="border-b border-slate-100 px-5 py-3 font-medium">{title}</h2>}
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => {
          const body = (
            <>
              <span className="shrink-0 text-slate-600">{r.label}</span>
              <span className="flex min-w-0 items-center gap-2">
                {r.value !== undefined && (
                  <span className="truncate text-right" data-testid={r.testId}>
                    {r.value}
                  </span>
                )}
                {r.href && (
                  <span className="shrink-0 text-sm text-brand-600">
                    {r.action}
                    <span aria-hidden className="ml-1 text-slate-400">
                      ›
                    </span>
                  </span>
                )}
              </span>
            </>
          );
          return (
            <li key={r.label}>
              {r.href ? (
                <Link href={r.href} aria-label={`${r.label}${r.action ? ` ${r.action}` : ""}`} className="flex min-h-12 items-center justify-between gap-3 px-5 py-3">
                  {body}
                </Link>
              ) : (
                <div className="flex min-h-12 items-center justify-between gap-3 px-5 py-3">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

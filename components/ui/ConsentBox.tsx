import type { InputHTMLAttributes, ReactNode } from "react";

/** An unticked consent checkbox with its text and, when refused, its message underneath. */
export function ConsentBox({ id, error, children, ...input }: { id: string; error?: string; children: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm leading-6 text-slate-600">
        <input id={id} type="checkbox" className="mt-1 size-4 shrink-0 accent-brand-500" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
        <span>{children}</span>
      </label>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

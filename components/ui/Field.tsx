import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input with its error message right below it. */
export function Field({
  label,
  error,
  hint,
  id,
  children,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: ReactNode; id: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-stretch gap-2">
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...input}
          className={`min-h-11 w-full min-w-0 flex-1 rounded-lg border bg-white px-3 text-base outline-none focus:ring-2 focus:ring-brand-100 ${
            error ? "border-red-500" : "border-slate-300 focus:border-brand-500"
          }`}
        />
        {children}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

import type { UseFormRegisterReturn } from "react-hook-form";

/** A row of mutually exclusive choices (a radio group drawn as segments), bound to one form field. */
export function Segmented<V extends string>({
  label,
  value,
  options,
  field,
  className = "flex gap-2",
}: {
  label: string;
  value: string | undefined; // the field's current value
  options: readonly (readonly [V, string])[];
  field: UseFormRegisterReturn;
  className?: string;
}) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {options.map(([v, text]) => (
        <label
          key={v}
          className={`flex-1 rounded-lg px-3 py-2 text-center text-sm font-medium ${v === value ? "bg-brand-500 text-white" : "bg-slate-100 text-slate-600"}`}
        >
          <input type="radio" value={v} className="sr-only" {...field} />
          {text}
        </label>
      ))}
    </div>
  );
}

import type { UseFormRegisterReturn } from "react-hook-form";
import { ID_TYPES } from "@/lib/domain/idcard";
import { ID_TYPE_LABELS } from "@/lib/domain/account-labels";

/** 证件类型: 居民身份证, or a 港澳居民来往内地通行证 / 港澳台居民居住证 — the same choice wherever a person's document is typed. */
export function IdTypeSelect({ id, label, field, error }: { id: string; label: string; field: UseFormRegisterReturn; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3" {...field}>
        {ID_TYPES.map((t) => (
          <option key={t} value={t}>
            {ID_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

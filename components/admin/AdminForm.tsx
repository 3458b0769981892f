"use client";
import { useId, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/result";
import { Button } from "@/components/ui/Button";

/**
 * An admin form bound to its shared schema: checked here, sent as typed, checked again by the
 * server; the server's field messages land next to their fields.
 */
export function AdminForm<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaults,
  submit,
  label,
  done,
  children,
  reset = false,
}: {
  schema: S;
  defaults: DefaultValues<z.input<S>>;
  submit: (values: z.input<S>) => Promise<ActionResult<unknown>>;
  label: string;
  done: string;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
  reset?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as never, defaultValues: defaults });
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={form.handleSubmit(async () => {
        setMessage(null);
        const res = await submit(form.getValues());
        if (res.ok) {
          setMessage({ ok: true, text: done });
          if (reset) form.reset();
          return router.refresh();
        }
        for (const [k, m] of Object.entries(res.fieldErrors ?? {})) form.setError(k as Path<z.input<S>>, { message: m });
        setMessage({ ok: false, text: res.fieldErrors ? "请按提示修改" : (res.error ?? "保存失败") });
      })}
    >
      {children(form)}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-600"}`}>
          {message.text}
        </p>
      )}
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        {label}
      </Button>
    </form>
  );
}

/** A labelled input inside an AdminForm, with its error. */
export function AdminField<T extends FieldValues>({ form, name, label, type = "text", className = "" }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T>; label: string; type?: string; className?: string }) {
  const error = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const id = `${useId()}-${name}`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm text-slate-700">
        {label}
      </label>
      {type === "checkbox" ? (
        <input id={id} type="checkbox" className="h-5 w-5 accent-brand-500" {...form.register(name)} />
      ) : type === "textarea" ? (
        <textarea id={id} rows={3} aria-invalid={Boolean(error)} className="rounded-lg border border-slate-300 px-3 py-2" {...form.register(name)} />
      ) : (
        <input id={id} type={type} aria-invalid={Boolean(error)} className="min-h-10 rounded-lg border border-slate-300 px-3" {...form.register(name)} />
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { contractEmailSchema } from "@/lib/validation/contract";
import { contractEmailAction } from "@/app/actions/contracts";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Sheet } from "@/components/ui/Sheet";

type Form = z.input<typeof contractEmailSchema>;

/** 发送到邮箱: the account's address by default; the PDF arrives as an attachment. */
export function EmailDialog({ contractId, defaultEmail, onClose }: { contractId: string; defaultEmail: string; onClose: () => void }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Form, unknown, z.output<typeof contractEmailSchema>>({
    resolver: zodResolver(contractEmailSchema),
    defaultValues: { contractId, email: defaultEmail },
  });
  const { register, handleSubmit, setError: setFieldError, formState } = form;

  async function onSubmit(values: z.output<typeof contractEmailSchema>) {
    setError(null);
    const res = await contractEmailAction(values);
    if (res.ok) return setSentTo(res.data.to);
    if (res.fieldErrors?.email) setFieldError("email", { message: res.fieldErrors.email });
    else setError(res.error ?? "发送失败");
  }

  return (
    <Sheet title="发送到邮箱" onClose={onClose} busy={formState.isSubmitting}>
      {sentTo ? (
        <div className="flex flex-col gap-3">
          <p role="status" data-testid="email-sent" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">
            合同PDF已发送至 {sentTo}，请注意查收（可能在垃圾邮件中）。
          </p>
          <Button onClick={onClose}>完成</Button>
        </div>
      ) : (
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
          <Field id="email" type="email" inputMode="email" autoComplete="email" label="邮箱地址" hint="合同PDF将作为附件发送，每小时最多发送10次" error={formState.errors.email?.message} {...register("email")} />
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "发送中…" : "发送"}
          </Button>
        </form>
      )}
    </Sheet>
  );
}

"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { endRequestSchema } from "@/lib/validation/contract";
import { COMMON_REASONS, END_LABELS, END_REASON_MAX, type EndKind } from "@/lib/domain/end-request";
import { endRequestAction } from "@/actions/contracts";
import { Button } from "@/components/ui/Button";
import { Sheet } from "@/components/ui/Sheet";
import { IntentCheck, type HeldIntent } from "./IntentCheck";

type Props = { contractId: string; version: number; kind: EndKind; onClose: (done?: string) => void };
const OTHER = "__other";

/** 申请解除 / 申请结清: a common reason or one typed, then 意愿验证. */
export function EndRequestDialog({ contractId, version, kind, onClose }: Props) {
  const words = END_LABELS[kind];
  const [choice, setChoice] = useState<string>("");
  const [held, setHeld] = useState<HeldIntent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof endRequestSchema>, unknown, z.output<typeof endRequestSchema>>({
    resolver: zodResolver(endRequestSchema),
    defaultValues: { contractId, version, kind, reason: "" },
  });
  const { register, handleSubmit, setValue, setError: setFieldError, formState, control } = form;
  const reason = useWatch({ control, name: "reason" }) ?? "";

  async function onSubmit(values: z.output<typeof endRequestSchema>) {
    setError(null);
    const res = await endRequestAction(values);
    if (res.ok) return setHeld(res.data);
    if (res.fieldErrors?.reason) setFieldError("reason", { message: res.fieldErrors.reason });
    else setError(res.error ?? "提交失败");
  }

  if (held) {
    return (
      <IntentCheck
        held={held}
        title={`${words.noun}意愿验证`}
        onCancel={() => setHeld(null)}
        onDone={(err) => (err ? (setHeld(null), setError(err)) : onClose(`已提交${words.noun}申请，等待对方确认`))}
      />
    );
  }
  return (
    <Sheet title={words.request} onClose={() => onClose()} busy={formState.isSubmitting}>
      <p className="text-sm text-slate-600">
        提交后需对方确认才会{words.noun}；对方确认前您可以随时取消。{kind === "settle" ? "结清后本借条不再作为债权凭证。" : ""}
      </p>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-3">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{words.noun}原因</legend>
          {[...COMMON_REASONS[kind], OTHER].map((r) => (
            <label key={r} className={`flex min-h-11 items-center gap-2 rounded-lg px-3 ring-1 ${choice === r ? "bg-brand-50 ring-brand-500" : "ring-slate-200"}`}>
              <input
                type="radio"
                name="reason-choice"
                className="accent-brand-500"
                checked={choice === r}
                onChange={() => {
                  setChoice(r);
                  setValue("reason", r === OTHER ? "" : r, { shouldValidate: r !== OTHER });
                }}
              />
              <span className="text-sm">{r === OTHER ? "其他原因" : r}</span>
            </label>
          ))}
        </fieldset>
        {choice === OTHER && (
          <div className="flex flex-col gap-1">
            <label htmlFor="reason" className="text-sm font-medium text-slate-700">
              请填写原因
            </label>
            <textarea
              id="reason"
              rows={3}
              maxLength={END_REASON_MAX + 20}
              aria-invalid={formState.errors.reason ? true : undefined}
              aria-describedby={formState.errors.reason ? "reason-error" : undefined}
              className="rounded-lg border border-slate-300 p-3 text-base"
              {...register("reason")}
            />
            <span className="self-end text-xs text-slate-500">
              {reason.trim().length}/{END_REASON_MAX}
            </span>
          </div>
        )}
        {formState.errors.reason && (
          <p id="reason-error" role="alert" className="text-sm text-red-600">
            {formState.errors.reason.message}
          </p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "提交中…" : `提交并验证意愿`}
        </Button>
      </form>
    </Sheet>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { contractEmailSchema } from "@/lib/validation/contract";
import { contractEmailAction, reportRequestAction } from "@/actions/contracts";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Sheet } from "@/components/ui/Sheet";

type Form = z.input<typeof contractEmailSchema>;

// Both ask for an address and e-mail a PDF: 发送到邮箱 (the contract) and 申请出证 (a report made in the background).
const PURPOSES = {
  email: {
    title: "发送到邮箱",
    hint: "合同PDF将作为附件发送，每小时最多发送10次",
    submit: "发送",
    action: async (v: z.output<typeof contractEmailSchema>) => {
      const r = await contractEmailAction(v);
      return r.ok ? { ok: true as const, data: { to: r.data.to, payUrl: null } } : r;
    },
    done: (to: string) => `合同PDF已发送至 ${to}，请注意查收（可能在垃圾邮件中）。`,
  },
  report: {
    title: "申请出证",
    hint: "电子签署报告包含合同摘要、各方身份、全部操作记录、签署证书和时间戳，加盖平台数字签章后发送到该邮箱。支付报告费用后开始生成",
    submit: "支付并申请出证",
    action: async (v: z.output<typeof contractEmailSchema>) => {
      const r = await reportRequestAction(v);
      return r.ok ? { ok: true as const, data: { to: v.email, payUrl: r.data.payUrl } } : r;
    },
    done: (to: string) => `已提交申请，报告生成后将发送至 ${to}，并短信通知您。`,
  },
} as const;

/** 发送到邮箱 / 申请出证: the account's address by default; the PDF arrives as an attachment. */
export function EmailDialog({ contractId, defaultEmail, onClose, purpose = "email" }: { contractId: string; defaultEmail: string; onClose: () => void; purpose?: keyof typeof PURPOSES }) {
  const p = PURPOSES[purpose];
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Form, unknown, z.output<typeof contractEmailSchema>>({
    resolver: zodResolver(contractEmailSchema),
    defaultValues: { contractId, email: defaultEmail },
  });
  const { register, handleSubmit, setError: setFieldError, formState } = form;

  async function onSubmit(values: z.output<typeof contractEmailSchema>) {
    setError(null);
    const res = await p.action(values);
    if (res.ok && res.data.payUrl) return router.push(res.data.payUrl);
    if (res.ok) return setSentTo(res.data.to);
    if (res.fieldErrors?.email) setFieldError("email", { message: res.fieldErrors.email });
    else setError(res.error ?? "发送失败");
  }

  return (
    <Sheet title={p.title} onClose={onClose} busy={formState.isSubmitting}>
      {sentTo ? (
        <div className="flex flex-col gap-3">
          <p role="status" data-testid="email-sent" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">
            {p.done(sentTo)}
          </p>
          <Button onClick={onClose}>完成</Button>
        </div>
      ) : (
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
          <Field id="email" type="email" inputMode="email" autoComplete="email" label="邮箱地址" hint={p.hint} error={formState.errors.email?.message} {...register("email")} />
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "提交中…" : p.submit}
          </Button>
        </form>
      )}
    </Sheet>
  );
}

"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { userFreezeSchema } from "@/lib/validation/admin";
import { userFreezeAction } from "@/actions/admin";
import { Button } from "@/components/ui/Button";

/** 冻结账号: a reason is required; it is kept with the account and in the admin audit. */
export function FreezeForm({ userId }: { userId: string }) {
  const router = useRouter();
  const form = useForm<z.input<typeof userFreezeSchema>, unknown, z.output<typeof userFreezeSchema>>({ resolver: zodResolver(userFreezeSchema), defaultValues: { userId, reason: "" } });
  const { register, handleSubmit, setError, formState } = form;
  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      onSubmit={handleSubmit(async (values) => {
        if (!window.confirm("冻结后该用户无法登录和签署，其参与的合同将暂停。确定冻结吗？")) return;
        const res = await userFreezeAction(values);
        if (res.ok) return router.refresh();
        setError("reason", { message: res.fieldErrors?.reason ?? res.error ?? "操作失败" });
      })}
    >
      <label htmlFor="freeze-reason" className="text-sm font-medium text-slate-700">
        冻结原因
      </label>
      <textarea id="freeze-reason" rows={2} maxLength={200} className="rounded-lg border border-slate-300 px-3 py-2" aria-invalid={Boolean(formState.errors.reason)} {...register("reason")} />
      {formState.errors.reason && (
        <p role="alert" className="text-sm text-red-600">
          {formState.errors.reason.message}
        </p>
      )}
      <Button type="submit" className="self-start bg-red-600 hover:bg-red-700" disabled={formState.isSubmitting}>
        冻结账号
      </Button>
    </form>
  );
}

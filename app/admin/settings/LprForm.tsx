"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { lprSettingSchema } from "@/lib/validation/settings";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { lprSaveAction } from "@/actions/admin";

export function LprForm({ current }: { current: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof lprSettingSchema>, unknown, z.output<typeof lprSettingSchema>>({
    resolver: zodResolver(lprSettingSchema),
    defaultValues: { lpr: current },
  });
  async function onSubmit(values: z.output<typeof lprSettingSchema>) {
    setSaved(null);
    const res = await lprSaveAction(values);
    if (res.ok) setSaved(`已保存：一年期LPR ${(res.data.bp / 100).toFixed(2)}%，四倍为 ${((res.data.bp * 4) / 100).toFixed(2)}%`);
    else setError("lpr", { message: res.fieldErrors?.lpr ?? res.error ?? "保存失败" });
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex max-w-sm flex-col gap-3">
      <Field id="lpr" label="一年期贷款市场报价利率（LPR，%）" inputMode="decimal" hint="借条年利率超过其四倍时，向发起人提示" error={formState.errors.lpr?.message} {...register("lpr")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        保存
      </Button>
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          {saved}
        </p>
      )}
    </form>
  );
}

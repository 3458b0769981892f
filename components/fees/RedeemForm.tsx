"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { couponRedeemSchema } from "@/lib/validation/fees";
import { couponRedeemAction } from "@/actions/payments";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";

type Form = z.input<typeof couponRedeemSchema>;

/** 兑换优惠券 with a published code. */
export function RedeemForm() {
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Form, unknown, z.output<typeof couponRedeemSchema>>({ resolver: zodResolver(couponRedeemSchema), defaultValues: { code: "" } });
  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      onSubmit={handleSubmit(async (values) => {
        setDone(null);
        const res = await couponRedeemAction(values);
        if (res.ok) {
          setDone(`已兑换：${res.data.name}`);
          reset();
        } else setError("code", { message: res.fieldErrors?.code ?? res.error ?? "兑换失败" });
      })}
    >
      <Field id="code" label="兑换码" autoComplete="off" autoCapitalize="characters" error={formState.errors.code?.message} {...register("code")}>
        <Button type="submit" disabled={formState.isSubmitting} className="shrink-0">
          兑换
        </Button>
      </Field>
      {done && (
        <p role="status" className="text-sm text-emerald-700" data-testid="redeem-done">
          {done}
        </p>
      )}
    </form>
  );
}

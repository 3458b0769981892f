"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import type { z } from "zod";
import { signInSchema, requestCodeSchema } from "@/lib/validation/auth";
import { requestCodeAction } from "@/actions/login";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConsentBox } from "@/components/ui/ConsentBox";

type Input = z.input<typeof signInSchema>;
type Output = z.output<typeof signInSchema>;

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [countdown, setCountdown] = useState(0);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(signInSchema), defaultValues: { phone: "", code: "", agree: false } });
  const { register, handleSubmit, setError, getValues, formState } = form;

  useEffect(() => {
    if (countdown <= 0) return;
    const t = setTimeout(() => setCountdown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown]);

  async function sendCode() {
    setNotice(null);
    const asked = { phone: getValues("phone"), agree: getValues("agree") };
    const checked = requestCodeSchema.safeParse(asked);
    if (!checked.success) {
      for (const issue of checked.error.issues) setError(issue.path[0] === "agree" ? "agree" : "phone", { message: issue.message });
      return;
    }
    setSending(true);
    try {
      const res = await requestCodeAction(asked);
      if (res.ok) {
        form.clearErrors("phone");
        setCountdown(res.data.resendAfterSec);
        setNotice("验证码已发送，5分钟内有效");
      } else {
        for (const [field, message] of Object.entries(res.fieldErrors ?? {})) setError(field as keyof Input, { message });
        if (!res.fieldErrors && res.error) setNotice(res.error);
      }
    } finally {
      setSending(false);
    }
  }

  async function onSubmit(values: Output) {
    const res = await signIn("phone-code", { phone: values.phone, code: values.code, agree: String(values.agree), redirect: false });
    if (res?.ok && !res.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    let field: keyof Input = "code";
    let message = "登录失败，请稍后重试";
    try {
      const parsed = JSON.parse(res?.error ?? "") as { field: keyof Input; message: string };
      field = parsed.field === "phone" || parsed.field === "agree" ? parsed.field : "code";
      message = parsed.message;
    } catch {
      /* not one of ours: keep the generic message */
    }
    setError(field, { message });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <Field
        id="phone"
        label="手机号"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        placeholder="请输入11位手机号"
        maxLength={16}
        error={formState.errors.phone?.message}
        {...register("phone")}
      />
      <Field
        id="code"
        label="验证码"
        inputMode="numeric"
        autoComplete="one-time-code"
        placeholder="6位验证码"
        maxLength={6}
        error={formState.errors.code?.message}
        hint={notice ?? undefined}
        {...register("code")}
      >
        <Button type="button" variant="secondary" className="shrink-0 px-3 text-sm" onClick={sendCode} disabled={sending || countdown > 0}>
          {countdown > 0 ? `${countdown}秒后重发` : sending ? "发送中…" : "获取验证码"}
        </Button>
      </Field>
      <ConsentBox id="agree" error={formState.errors.agree?.message} {...register("agree")}>
        我已阅读并同意
        <Link href="/legal/terms" target="_blank" className="text-brand-600 underline">
          《用户协议》
        </Link>
        和
        <Link href="/legal/privacy" target="_blank" className="text-brand-600 underline">
          《隐私政策》
        </Link>
      </ConsentBox>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "登录中…" : "登录"}
      </Button>
    </form>
  );
}

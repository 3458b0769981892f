"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { emailChangeSchema, phoneChangeSchema } from "@/lib/validation/account";
import { emailChangeAction, emailCodeAction, phoneChangeStartAction, phoneCodeAction } from "@/actions/profile";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { AccountFaceCheck } from "./AccountFaceCheck";

type Values = { target: string; code: string };

/**
 * 更换手机号 (code to the new number, then a face check) and 更换邮箱 (code to the new address).
 * The same shared schema checks the form here and the action on the server.
 */
export function ContactChangeForm({ kind }: { kind: "phone" | "email" }) {
  const router = useRouter();
  const isPhone = kind === "phone";
  const word = isPhone ? "手机号" : "邮箱";
  const schema = isPhone ? phoneChangeSchema : emailChangeSchema;
  const [countdown, setCountdown] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({ defaultValues: { target: "", code: "" } });
  const { register, handleSubmit, setError, getValues, formState, clearErrors } = form;

  useEffect(() => {
    if (countdown <= 0) return;
    const t = setTimeout(() => setCountdown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown]);

  const asInput = (v: Values) => (isPhone ? { phone: v.target, code: v.code } : { email: v.target, code: v.code });
  const showErrors = (fieldErrors: Record<string, string> | undefined, error: string | undefined) => {
    for (const [k, message] of Object.entries(fieldErrors ?? {})) setError(k === "code" ? "code" : "target", { message });
    if (!fieldErrors && error) setError("root", { message: error });
  };

  async function sendCode() {
    setNotice(null);
    clearErrors();
    const target = getValues("target");
    const res = isPhone ? await phoneCodeAction({ phone: target }) : await emailCodeAction({ email: target });
    if (!res.ok) return showErrors(res.fieldErrors, res.error);
    setCountdown(res.data.resendAfterSec);
    setNotice(isPhone ? "验证码已发送至新手机号，5分钟内有效" : "验证码已发送至新邮箱，5分钟内有效");
  }

  async function onSubmit(values: Values) {
    const parsed = schema.safeParse(asInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) setError(issue.path[0] === "code" ? "code" : "target", { message: issue.message });
      return;
    }
    if (isPhone) {
      const res = await phoneChangeStartAction(parsed.data);
      if (!res.ok) return showErrors(res.fieldErrors, res.error);
      return setFaceCheckId(res.data.faceCheckId);
    }
    const res = await emailChangeAction(parsed.data);
    if (!res.ok) return showErrors(res.fieldErrors, res.error);
    setDone(true);
    router.refresh();
  }

  if (done) {
    return (
      <p role="status" className="rounded-xl bg-emerald-50 p-4 text-emerald-800">
        {word}已更换为 {getValues("target")}。
      </p>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <Field
        id="target"
        label={`新${word}`}
        type={isPhone ? "tel" : "email"}
        inputMode={isPhone ? "numeric" : "email"}
        autoComplete={isPhone ? "tel" : "email"}
        placeholder={isPhone ? "请输入新的11位手机号" : "name@example.com"}
        maxLength={isPhone ? 16 : 254}
        error={formState.errors.target?.message}
        {...register("target")}
      />
      <Field id="code" label="验证码" inputMode="numeric" autoComplete="one-time-code" placeholder="6位验证码" maxLength={6} error={formState.errors.code?.message} hint={notice ?? undefined} {...register("code")}>
        <Button type="button" variant="secondary" className="shrink-0 px-3 text-sm" onClick={sendCode} disabled={countdown > 0}>
          {countdown > 0 ? `${countdown}秒后重发` : "获取验证码"}
        </Button>
      </Field>
      {formState.errors.root && (
        <p role="alert" className="text-sm text-red-600">
          {formState.errors.root.message}
        </p>
      )}
      {isPhone && <p className="text-xs text-slate-500">新手机号将接收合同签署通知等关键信息，请填写本人手机号。确认后需完成人脸核身。</p>}
      <Button type="submit" disabled={formState.isSubmitting}>
        确认更换
      </Button>
      {faceCheckId && (
        <AccountFaceCheck
          faceCheckId={faceCheckId}
          title="更换手机号 · 人脸核身"
          onCancel={() => setFaceCheckId(null)}
          onDone={(res) => {
            setFaceCheckId(null);
            if (!res.ok) return setError("root", { message: res.error ?? "更换失败，请重试" });
            setDone(true);
            router.refresh();
          }}
        />
      )}
    </form>
  );
}

"use client";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { realNameSchema } from "@/lib/validation/identity";
import { realNameStartAction, realNameFaceCheckAction } from "@/actions/realname";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { FaceCheckDialog } from "./FaceCheckDialog";
import { ConsentBox } from "@/components/ui/ConsentBox";
import Link from "next/link";
import { ID_NUMBER_LABELS } from "@/lib/domain/account-labels";
import { IdTypeSelect } from "./IdTypeSelect";

type Schema = ReturnType<typeof realNameSchema>;

export function RealNameForm({ next = "/" }: { next?: string }) {
  const router = useRouter();
  const schema = useMemo(() => realNameSchema(), []);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", idType: "CN_RESIDENT", idNumber: "", birthDate: "", sensitiveConsent: false, certificateConsent: false },
  });
  const { register, handleSubmit, setError, formState, control } = form;
  const idType = useWatch({ control, name: "idType" }) ?? "CN_RESIDENT";
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const [faceBusy, setFaceBusy] = useState(false);
  const [faceError, setFaceError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  // The schema's output is normalised for the server's own use; the server parses what was typed.
  async function onSubmit() {
    setFormError(null);
    const res = await realNameStartAction(form.getValues());
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        setError(field as "name" | "idNumber" | "birthDate" | "sensitiveConsent" | "certificateConsent", { message });
      }
      if (!res.fieldErrors) setFormError(res.error ?? "提交失败");
      return;
    }
    setFaceError(null);
    setFaceCheckId(res.data.faceCheckId);
  }

  async function onFaceResult() {
    if (!faceCheckId) return;
    setFaceBusy(true);
    setFaceError(null);
    const res = await realNameFaceCheckAction({ faceCheckId });
    setFaceBusy(false);
    if (res.ok) {
      router.replace(next);
      router.refresh();
    } else if (res.fieldErrors?.face) {
      setFaceError(res.fieldErrors.face); // the check stays open: finish it at the provider, then again
    } else {
      setFaceCheckId(null);
      setFormError(res.error ?? "人脸核验未通过");
    }
  }

  return (
    <>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
        <Field id="name" label="真实姓名" autoComplete="name" placeholder="与证件一致" error={formState.errors.name?.message} {...register("name")} />
        <IdTypeSelect id="idType" label="证件类型" field={register("idType")} />
        <Field
          id="idNumber"
          label={idType === "CN_RESIDENT" ? "居民身份证号" : ID_NUMBER_LABELS[idType]}
          autoComplete="off"
          placeholder={idType === "HK_MO_PERMIT" ? "H或M开头，如 H12345678" : "18位证件号码"}
          maxLength={18}
          error={formState.errors.idNumber?.message}
          {...register("idNumber")}
        />
        {idType === "HK_MO_PERMIT" && <Field id="birthDate" label="出生日期" type="date" error={formState.errors.birthDate?.message} {...register("birthDate")} />}
        <ConsentBox id="sensitiveConsent" error={formState.errors.sensitiveConsent?.message} {...register("sensitiveConsent")}>
          我单独同意平台为完成实名认证和签署合同，处理我的证件号码和人脸信息（敏感个人信息，详见
          <Link href="/legal/privacy" target="_blank" className="text-brand-600 underline">
            《隐私政策》
          </Link>
          ）。人脸信息仅用于本次核验，平台只保存核验结果。
        </ConsentBox>
        <ConsentBox id="certificateConsent" error={formState.errors.certificateConsent?.message} {...register("certificateConsent")}>
          我已阅读并同意
          <Link href="/legal/certificate" target="_blank" className="text-brand-600 underline">
            《数字证书服务协议》
          </Link>
          ，授权平台在我每次签署时为我申请数字证书。
        </ConsentBox>
        {formError && (
          <p role="alert" className="text-sm text-red-600">
            {formError}
          </p>
        )}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "提交中…" : "下一步：人脸核身"}
        </Button>
      </form>
      {faceCheckId && (
        <FaceCheckDialog faceCheckId={faceCheckId} busy={faceBusy} error={faceError} onResult={onFaceResult} onCancel={() => setFaceCheckId(null)} />
      )}
    </>
  );
}

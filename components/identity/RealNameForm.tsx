"use client";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { realNameSchema } from "@/lib/validation/identity";
import { realNameStartAction, realNameFaceCheckAction } from "@/app/(app)/realname/actions";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { FaceCheckDialog } from "./FaceCheckDialog";

type Schema = ReturnType<typeof realNameSchema>;

export function RealNameForm({ next = "/" }: { next?: string }) {
  const router = useRouter();
  const schema = useMemo(() => realNameSchema(), []);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", idNumber: "" },
  });
  const { register, handleSubmit, setError, formState } = form;
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const [faceBusy, setFaceBusy] = useState(false);
  const [faceError, setFaceError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(values: z.output<Schema>) {
    setFormError(null);
    const res = await realNameStartAction(values);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        setError(field as "name" | "idNumber", { message });
      }
      if (!res.fieldErrors) setFormError(res.error ?? "提交失败");
      return;
    }
    setFaceError(null);
    setFaceCheckId(res.data.faceCheckId);
  }

  async function onFaceResult(passed: boolean) {
    if (!faceCheckId) return;
    setFaceBusy(true);
    const res = await realNameFaceCheckAction({ faceCheckId, passed });
    setFaceBusy(false);
    if (res.ok) {
      router.replace(next);
      router.refresh();
    } else {
      setFaceCheckId(null);
      setFormError(res.error ?? "人脸核验未通过");
    }
  }

  return (
    <>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
        <Field id="name" label="真实姓名" autoComplete="name" placeholder="与身份证一致" error={formState.errors.name?.message} {...register("name")} />
        <Field
          id="idNumber"
          label="居民身份证号"
          autoComplete="off"
          placeholder="18位身份证号"
          maxLength={18}
          error={formState.errors.idNumber?.message}
          {...register("idNumber")}
        />
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
        <FaceCheckDialog busy={faceBusy} error={faceError} onResult={onFaceResult} onCancel={() => setFaceCheckId(null)} />
      )}
    </>
  );
}

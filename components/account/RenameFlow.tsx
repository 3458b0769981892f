"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { renameSchema } from "@/lib/validation/account";
import { renameStartAction } from "@/actions/profile";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { AccountFaceCheck } from "./AccountFaceCheck";

type Open = { id: string; title: string; number: string | null; statusLabel: string };

/** 更名: 阅读须知 → 查看未完成合同 → 输入新姓名 → 人脸核身 → 更名成功. */
export function RenameFlow({ currentName, idMasked, open }: { currentName: string; idMasked: string; open: Open[] }) {
  const [step, setStep] = useState<"notice" | "contracts" | "name" | "done">("notice");
  const [accepted, setAccepted] = useState(false);
  const [faceCheckId, setFaceCheckId] = useState<string | null>(null);
  const form = useForm<z.input<typeof renameSchema>, unknown, z.output<typeof renameSchema>>({ resolver: zodResolver(renameSchema), defaultValues: { name: "", accepted: true } });
  const { register, handleSubmit, setError, formState, getValues } = form;

  async function onSubmit(values: z.output<typeof renameSchema>) {
    const res = await renameStartAction(values);
    if (res.ok) return setFaceCheckId(res.data.faceCheckId);
    if (res.fieldErrors?.name) setError("name", { message: res.fieldErrors.name });
    else setError("root", { message: res.error ?? res.fieldErrors?.accepted ?? "提交失败" });
  }

  if (step === "notice") {
    return (
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="font-medium">实名变更须知</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>仅在您的法定姓名已经变更（如已在公安机关办理改名）时使用，新姓名须与身份证件一致。</li>
          <li>更名后，您原姓名下的个人签名和印章都将失效，需要重新生成后才能继续使用。</li>
          <li>更名后，您名下所有未完成的合同将无法继续签署；如需签署，请重新发起。</li>
          <li>已生效的合同不受影响，仍可查看、下载和验证。</li>
          <li>更名需要本人完成人脸核身。</li>
        </ul>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 accent-brand-500" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
          <span>我已阅读并同意《实名变更须知》</span>
        </label>
        <Button disabled={!accepted} onClick={() => setStep("contracts")}>
          我已知悉，下一步
        </Button>
      </section>
    );
  }
  if (step === "contracts") {
    return (
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100" data-testid="rename-open-contracts">
        <h2 className="font-medium">查看未完成合同</h2>
        {open.length === 0 ? (
          <p className="text-sm text-slate-600">您名下没有未完成的合同。</p>
        ) : (
          <>
            <p className="text-sm text-amber-700">以下 {open.length} 份合同在更名后将无法继续签署：</p>
            <ul className="divide-y divide-slate-100 rounded-xl ring-1 ring-slate-100">
              {open.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                  <span className="min-w-0 truncate">{c.title}</span>
                  <span className="shrink-0 text-slate-500">{c.statusLabel}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <Button onClick={() => setStep("name")}>下一步</Button>
      </section>
    );
  }
  if (step === "done") {
    return (
      <section role="status" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="font-medium text-emerald-700">更名成功</h2>
        <p className="text-sm text-slate-700">您的姓名已变更为「{getValues("name")}」。原姓名下的个人签名和印章已失效，请重新生成。</p>
        <Link href="/me/seals" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-500 px-4 font-medium text-white">
          重新生成个人印章/签名
        </Link>
      </section>
    );
  }
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <h2 className="font-medium">确认变更后姓名</h2>
      <dl className="grid grid-cols-[5em_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">当前姓名</dt>
        <dd>{currentName}</dd>
        <dt className="text-slate-500">证件号</dt>
        <dd className="font-mono">{idMasked}</dd>
      </dl>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-3">
        <Field id="name" label="新姓名" autoComplete="name" maxLength={30} error={formState.errors.name?.message} {...register("name")} />
        {formState.errors.root && (
          <p role="alert" className="text-sm text-red-600">
            {formState.errors.root.message}
          </p>
        )}
        <Button type="submit" disabled={formState.isSubmitting}>
          确认并进行人脸核身
        </Button>
      </form>
      {faceCheckId && (
        <AccountFaceCheck
          faceCheckId={faceCheckId}
          title="更名 · 人脸核身"
          onCancel={() => setFaceCheckId(null)}
          onDone={(res) => {
            setFaceCheckId(null);
            if (res.ok) setStep("done");
            else setError("root", { message: res.error ?? "更名失败，请重试" });
          }}
        />
      )}
    </section>
  );
}

"use client";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/Field";
import { Segmented } from "@/components/ui/Segmented";
import { Button } from "@/components/ui/Button";
import { Sheet } from "@/components/ui/Sheet";
import { shanghaiToday } from "@/lib/domain/dates";
import { MAX_SIGNERS } from "@/lib/domain/own-file";
import { emptySigner, ownSetupSchema, type OwnSetupForm, type OwnSetupInput } from "@/lib/validation/own-file";
import { ID_NUMBER_LABELS } from "@/lib/domain/account-labels";
import { IdTypeSelect } from "@/components/identity/IdTypeSelect";
import { ownDraftSaveAction } from "@/actions/contracts";

type Me = { name: string; idMasked: string; phone: string; phoneMasked: string };

/** 设置签署信息: contract name, deadline, signing order and the other signers (我来填 / 对方填). */
export function SetupStep({ me, uploadId, draftId, initial, onBack, crossBorder = false }: { me: Me; uploadId: string; draftId: string | null; initial: OwnSetupForm; onBack?: () => void; crossBorder?: boolean }) {
  const router = useRouter();
  const schema = useMemo(() => ownSetupSchema(shanghaiToday(new Date()), me.phone, { crossBorder }), [me.phone, crossBorder]);
  const { register, control, handleSubmit, setError, formState } = useForm<OwnSetupInput, unknown, OwnSetupForm>({ resolver: zodResolver(schema), defaultValues: initial, mode: "onTouched" });
  const signers = useFieldArray({ control, name: "signers" });
  const values = useWatch({ control });
  const [confirm, setConfirm] = useState<OwnSetupForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (name: FieldPath<OwnSetupForm>) => {
    let e: unknown = formState.errors;
    for (const p of name.split(".")) e = (e as Record<string, unknown> | undefined)?.[p];
    return (e as { message?: string } | undefined)?.message;
  };

  const save = async (form: OwnSetupForm) => {
    setBusy(true);
    const res = await ownDraftSaveAction({ uploadId, contractId: draftId, form });
    setBusy(false);
    setConfirm(null);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) setError(field as FieldPath<OwnSetupForm>, { message });
      return setNotice(res.fieldErrors ? "请按提示修改标红的内容" : (res.error ?? "保存失败"));
    }
    router.push(`/contracts/${res.data.contractId}/fields`);
  };

  return (
    <form onSubmit={handleSubmit((v) => setConfirm(v), () => setNotice("请按提示修改标红的内容"))} className="flex flex-col gap-4" noValidate>
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <Field id="title" label="合同名称" maxLength={50} error={err("title")} {...register("title")} />
        <Field id="deadline" label="签署截止日期" type="date" error={err("deadline")} hint="截止日仍未签署完成的合同将自动过期" {...register("deadline")} />
        <label className="flex items-center justify-between gap-3 text-sm">
          <span>
            <span className="font-medium">按顺序签署</span>
            <span className="block text-xs text-slate-500">开启后，其他签署方按下列顺序依次签署</span>
          </span>
          <input type="checkbox" className="h-5 w-5 accent-brand-500" {...register("ordered")} />
        </label>
      </section>

      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="font-medium">签署方</h2>
        <div className="rounded-xl bg-slate-50 p-3 text-sm">
          <p className="font-medium">签署方1（我）：{me.name}</p>
          <p className="text-xs text-slate-500">
            {me.idMasked} · {me.phoneMasked}
          </p>
        </div>
        {signers.fields.map((row, i) => {
          const fill = values.signers?.[i]?.fill;
          return (
            <fieldset key={row.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 p-3" data-testid="signer-row">
              <legend className="px-1 text-sm font-medium">签署方{i + 2}</legend>
              <Segmented label={`签署方${i + 2}信息由谁填写`} value={fill} options={[["COUNTERPARTY", "对方填"], ["SELF", "我来填"]] as const} field={register(`signers.${i}.fill`)} />
              {fill === "SELF" && (
                <>
                  <Field id={`signers.${i}.name`} label="姓名" autoComplete="off" error={err(`signers.${i}.name`)} {...register(`signers.${i}.name`)} />
                  {crossBorder && (
                    <IdTypeSelect id={`signers.${i}.idType`} label="证件类型" field={register(`signers.${i}.idType`)} error={err(`signers.${i}.idType`)} />
                  )}
                  <Field
                    id={`signers.${i}.idNumber`}
                    label={ID_NUMBER_LABELS[values.signers?.[i]?.idType ?? "CN_RESIDENT"]}
                    autoComplete="off"
                    maxLength={18}
                    error={err(`signers.${i}.idNumber`)}
                    {...register(`signers.${i}.idNumber`)}
                  />
                </>
              )}
              <Field
                id={`signers.${i}.phone`}
                label="手机号"
                type="tel"
                inputMode="numeric"
                autoComplete="off"
                error={err(`signers.${i}.phone`)}
                hint={fill === "SELF" ? undefined : "对方凭此手机号登录后自行填写姓名和证件号"}
                {...register(`signers.${i}.phone`)}
              />
              {signers.fields.length > 1 && (
                <button type="button" onClick={() => signers.remove(i)} className="self-end text-sm text-red-600">
                  删除该签署方
                </button>
              )}
            </fieldset>
          );
        })}
        {err("signers") && (
          <p role="alert" className="text-sm text-red-600">
            {err("signers")}
          </p>
        )}
        {signers.fields.length < MAX_SIGNERS - 1 && (
          <Button type="button" variant="secondary" onClick={() => signers.append(emptySigner())}>
            ＋ 添加签署方
          </Button>
        )}
      </section>

      {notice && (
        <p role="alert" className="text-sm text-red-600">
          {notice}
        </p>
      )}
      <div className="grid grid-cols-2 gap-3">
        {onBack ? (
          <Button type="button" variant="secondary" onClick={onBack}>
            重新选择文件
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={busy}>
          下一步
        </Button>
      </div>

      {confirm && (
        <Sheet title="告知书" onClose={() => setConfirm(null)} busy={busy}>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>合同内容由您上传并负责，平台不审核其内容的合法性，也不参与合同的履行。</li>
            <li>各签署方须以本人实名身份签署，签署前需通过人脸核身确认签署意愿。</li>
            <li>截止日期前未完成签署的合同将自动过期；其他签署方处理前您可以撤销。</li>
            <li>两方合同签署后可申请解除；超过两方的合同需全体签署方另行签署《解除协议》。</li>
          </ol>
          <div className="grid grid-cols-2 gap-3 pt-2">
            <Button variant="secondary" onClick={() => setConfirm(null)} disabled={busy}>
              取消
            </Button>
            <Button onClick={() => save(confirm)} disabled={busy}>
              我已理解并接受上述内容
            </Button>
          </div>
        </Sheet>
      )}
    </form>
  );
}

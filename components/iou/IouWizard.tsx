"use client";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/Field";
import { Segmented } from "@/components/ui/Segmented";
import { Button } from "@/components/ui/Button";
import { iouFormSchema, COURT_OPTIONS, type IouForm } from "@/lib/validation/iou";
import { parseRateBp, rateWarning, splitEvenly, totalDueFen, IOU_SUPPLEMENT_ABOVE_FEN } from "@/lib/domain/iou";
import { yuanToFen, toChineseUppercase, formatYuan } from "@/lib/domain/money";
import { addDays, formatYmd, parseYmd, shanghaiToday } from "@/lib/domain/dates";
import { iouDraftSaveAction } from "@/app/actions/contracts";
import { ID_TYPES } from "@/lib/domain/idcard";
import { ID_NUMBER_LABELS, ID_TYPE_LABELS } from "@/lib/domain/account-labels";

type Me = { name: string; idMasked: string; phoneMasked: string };


export function IouWizard({ me, lprBp, draftId, initial, crossBorder }: { me: Me; lprBp: number; draftId: string | null; initial: IouForm; crossBorder: boolean }) {
  const router = useRouter();
  const today = useMemo(() => shanghaiToday(new Date()), []);
  const schema = useMemo(() => iouFormSchema(today, { crossBorder }), [today, crossBorder]);
  const form = useForm<IouForm>({ resolver: zodResolver(schema), defaultValues: initial, mode: "onTouched" });
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = form;
  const errors = formState.errors;
  const plan = useFieldArray({ control, name: "instalments" });
  const v = useWatch({ control });
  const [id, setId] = useState(draftId);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const amount = yuanToFen(v.amount ?? "");
  const rate = parseRateBp(v.annualRate ?? "");
  const warning = rate.ok ? rateWarning(rate.bp, lprBp) : null;
  const supplementRequired = amount.ok && amount.fen > IOU_SUPPLEMENT_ABOVE_FEN;
  const err = (name: FieldPath<IouForm>) => {
    const parts = name.split(".");
    let e: unknown = errors;
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p];
    return (e as { message?: string } | undefined)?.message;
  };

  const save = async (values: IouForm, complete: boolean) => {
    setBusy(true);
    setNotice(null);
    const res = await iouDraftSaveAction({ contractId: id, form: values, complete });
    setBusy(false);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) setError(field as FieldPath<IouForm>, { message });
      setNotice(res.fieldErrors ? "请按提示修改标红的内容" : (res.error ?? "保存失败"));
      return;
    }
    setId(res.data.contractId);
    if (complete) router.push(`/contracts/${res.data.contractId}/sign`);
    else {
      setNotice("草稿已保存，可在文件夹中继续编辑");
      router.replace(`/iou/new?draft=${res.data.contractId}`);
    }
  };

  const fillPlan = (count: number) => {
    const loan = parseYmd(getValues("loanDate")) ?? today;
    if (!amount.ok || !rate.ok || count < 2) return;
    const dates = Array.from({ length: count }, (_, i) => addDays(loan, 30 * (i + 1)));
    const due = totalDueFen(amount.fen, rate.bp, loan, dates.at(-1)!);
    const parts = splitEvenly(due, count);
    setValue(
      "instalments",
      dates.map((d, i) => ({ date: formatYmd(d), amount: (parts[i]! / 100).toFixed(2) })),
      { shouldValidate: true },
    );
  };

  return (
    <form onSubmit={handleSubmit((values) => save(values, true))} noValidate className="flex flex-col gap-4">
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <Segmented label="我的身份" value={v.myRole} options={[["BORROWER", "借给我"], ["LENDER", "我出借"]] as const} field={register("myRole")} />
        <div className="rounded-xl bg-slate-50 p-3 text-sm">
          <p className="font-medium">{v.myRole === "LENDER" ? "出借人（我）" : "借款人（我）"}</p>
          <p className="text-slate-600">
            {me.name} · {me.idMasked} · {me.phoneMasked}
          </p>
        </div>
        <div className="flex items-center justify-between">
          <p className="text-sm font-medium">{v.myRole === "LENDER" ? "借款人（对方）" : "出借人（对方）"}</p>
          <Segmented
            label="对方信息"
            className="flex gap-1"
            value={v.counterpartyFill}
            options={[["COUNTERPARTY", "对方填"], ["SELF", "我来填"]] as const}
            field={register("counterpartyFill")}
          />
        </div>
        {v.counterpartyFill === "SELF" ? (
          <>
            <Field id="counterpartyName" label="对方姓名" error={err("counterpartyName")} {...register("counterpartyName")} />
            {crossBorder && (
              <div className="flex flex-col gap-1">
                <label htmlFor="counterpartyIdType" className="text-sm font-medium text-slate-700">
                  对方证件类型
                </label>
                <select id="counterpartyIdType" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3" {...register("counterpartyIdType")}>
                  {ID_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {ID_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
                {err("counterpartyIdType") && (
                  <p role="alert" className="text-sm text-red-600">
                    {err("counterpartyIdType")}
                  </p>
                )}
              </div>
            )}
            <Field
              id="counterpartyIdNumber"
              label={`对方${ID_NUMBER_LABELS[v.counterpartyIdType ?? "CN_RESIDENT"]}`}
              placeholder={v.counterpartyIdType === "HK_MO_PERMIT" ? "如 H12345678" : undefined}
              error={err("counterpartyIdNumber")}
              {...register("counterpartyIdNumber")}
            />
            <Field id="counterpartyPhone" label="对方手机号" inputMode="numeric" error={err("counterpartyPhone")} {...register("counterpartyPhone")} />
          </>
        ) : (
          <Field
            id="counterpartyPhone"
            label="对方手机号（选填）"
            inputMode="numeric"
            hint="填写后系统将短信通知对方；也可以在发起后复制链接或出示二维码给对方"
            error={err("counterpartyPhone")}
            {...register("counterpartyPhone")}
          />
        )}
      </section>

      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <Field
          id="amount"
          label="借款金额（元）"
          inputMode="decimal"
          placeholder="0.01 – 500000"
          error={err("amount")}
          hint={amount.ok ? <span data-testid="amount-upper">{`${formatYuan(amount.fen)} · 人民币${toChineseUppercase(amount.fen)}`}</span> : "单笔最高50万元"}
          {...register("amount")}
        />
        <Field id="purpose" label="借款用途" placeholder="如：资金周转" error={err("purpose")} {...register("purpose")} />
        <Field id="loanDate" label="借款日期" type="date" min={formatYmd(addDays(today, -60))} error={err("loanDate")} {...register("loanDate")} />
        <Segmented label="还款方式" value={v.repayMode} options={[["ONCE", "一次性还款"], ["INSTALMENTS", "分期还款"]] as const} field={register("repayMode")} />
        {v.repayMode === "ONCE" ? (
          <Field id="repayDate" label="还款日期" type="date" error={err("repayDate")} {...register("repayDate")} />
        ) : (
          <div className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>按月平均分配：</span>
              {[3, 6, 12].map((n) => (
                <Button key={n} type="button" variant="secondary" className="min-h-9 px-3 text-sm" onClick={() => fillPlan(n)}>
                  {n}期
                </Button>
              ))}
            </div>
            {plan.fields.map((f, i) => (
              <div key={f.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                <Field id={`instalments.${i}.date`} label={`第${i + 1}期日期`} type="date" error={err(`instalments.${i}.date`)} {...register(`instalments.${i}.date`)} />
                <Field id={`instalments.${i}.amount`} label="金额（元）" inputMode="decimal" error={err(`instalments.${i}.amount`)} {...register(`instalments.${i}.amount`)} />
                <Button type="button" variant="ghost" className="mt-6 px-2 text-sm" onClick={() => plan.remove(i)} aria-label={`删除第${i + 1}期`}>
                  删除
                </Button>
              </div>
            ))}
            <Button type="button" variant="secondary" className="text-sm" onClick={() => plan.append({ date: "", amount: "" })}>
              ＋ 添加一期
            </Button>
            {errors.instalments?.message && (
              <p role="alert" id="instalments-error" className="text-sm text-red-600">
                {errors.instalments.message}
              </p>
            )}
          </div>
        )}
        <Field
          id="annualRate"
          label="年利率（%，选填）"
          inputMode="decimal"
          placeholder="不填则不计利息"
          error={err("annualRate")}
          hint={warning ? <span className="text-amber-700" data-testid="rate-warning">{warning}</span> : undefined}
          {...register("annualRate")}
        />
      </section>

      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <label className="flex items-center justify-between gap-3">
          <span>
            <span className="block font-medium">补充信息</span>
            <span className="text-xs text-slate-500">逾期利率、双方地址、争议管辖{supplementRequired ? "（金额超过10万元，必填）" : ""}</span>
          </span>
          <input id="supplement" type="checkbox" role="switch" className="h-6 w-11 accent-brand-500" {...register("supplement")} />
        </label>
        {err("supplement") && (
          <p role="alert" id="supplement-error" className="text-sm text-red-600">
            {err("supplement")}
          </p>
        )}
        {(v.supplement || supplementRequired) && (
          <>
            <Field id="overdueRate" label="逾期年利率（%）" inputMode="decimal" error={err("overdueRate")} {...register("overdueRate")} />
            <Field id="lenderAddress" label="出借人地址" error={err("lenderAddress")} {...register("lenderAddress")} />
            <Field id="borrowerAddress" label="借款人地址" error={err("borrowerAddress")} {...register("borrowerAddress")} />
            <div className="flex flex-col gap-1">
              <label htmlFor="court" className="text-sm font-medium text-slate-700">
                争议管辖法院
              </label>
              <select id="court" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3" {...register("court")}>
                <option value="">请选择</option>
                {COURT_OPTIONS.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
              {err("court") && (
                <p role="alert" id="court-error" className="text-sm text-red-600">
                  {err("court")}
                </p>
              )}
            </div>
          </>
        )}
      </section>

      {notice && (
        <p role="status" className="text-center text-sm text-slate-600">
          {notice}
        </p>
      )}
      <div className="sticky bottom-16 z-10 grid grid-cols-[auto_1fr] gap-3 bg-slate-50/90 py-2 sm:bottom-0">
        <Button type="button" variant="secondary" disabled={busy} onClick={() => save(getValues(), false)}>
          保存草稿
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "请稍候…" : "下一步：预览并签署"}
        </Button>
      </div>
    </form>
  );
}

"use client";
// The admin forms, each on its shared schema (lib/validation/admin) and its server action.
import { couponBatchEditSchema, couponBatchSchema, couponIssueSchema, feeRulesFormSchema, iouCaseSchema, legalProviderSchema } from "@/lib/validation/admin";
import { couponBatchCreateAction, couponBatchEditAction, couponIssueAction, feeRulesUpdateAction, iouCaseSaveAction, legalProviderSaveAction } from "@/actions/admin";
import { AdminField, AdminForm } from "./AdminForm";

export function FeeRulesForm({ current }: { current: Record<string, string> }) {
  return (
    <AdminForm schema={feeRulesFormSchema} defaults={current} submit={feeRulesUpdateAction} label="保存收费规则" done="已保存：新规则对此后的报价生效，已创建的订单不受影响">
      {(f) => (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <AdminField form={f} name="iouYuan" label="借条（元/份）" />
          <AdminField form={f} name="receiptYuan" label="收据（元/份）" />
          <AdminField form={f} name="otherYuan" label="其他合同（元/份）" />
          <AdminField form={f} name="freePerMonth" label="每月免费份数" type="number" />
          <AdminField form={f} name="cardPriceYuan" label="省钱月卡（元）" />
          <AdminField form={f} name="cardDays" label="月卡有效天数" type="number" />
          <AdminField form={f} name="cardPercentOff" label="月卡减免（%）" type="number" />
          <AdminField form={f} name="reportYuan" label="出证报告（元/份）" />
        </div>
      )}
    </AdminForm>
  );
}

export function CouponBatchForm({ today }: { today: string }) {
  return (
    <AdminForm
      schema={couponBatchSchema}
      defaults={{ name: "", kind: "FIXED", amountYuan: "", percentOff: "", minSpendYuan: "", kinds: "", validFrom: today, validTo: today, perUserLimit: 1, code: "" }}
      submit={couponBatchCreateAction}
      label="创建批次"
      done="批次已创建"
      reset
    >
      {(f) => (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <AdminField form={f} name="name" label="名称" />
          <div className="flex flex-col gap-1">
            <label className="flex flex-col gap-1 text-sm text-slate-700">
              优惠类型
            <select className="min-h-10 rounded-lg border border-slate-300 px-3" {...f.register("kind")}>
              <option value="FIXED">立减（元）</option>
              <option value="PERCENT">折扣（%）</option>
            </select>
            </label>
          </div>
          <AdminField form={f} name="amountYuan" label="减免金额（元）" />
          <AdminField form={f} name="percentOff" label="减免百分比" />
          <AdminField form={f} name="minSpendYuan" label="最低消费（元，选填）" />
          <AdminField form={f} name="kinds" label="适用合同类型（选填，逗号分隔）" />
          <AdminField form={f} name="validFrom" label="生效日期" type="date" />
          <AdminField form={f} name="validTo" label="截止日期" type="date" />
          <AdminField form={f} name="perUserLimit" label="每人限领" type="number" />
          <AdminField form={f} name="code" label="兑换码（选填，公开发放）" />
        </div>
      )}
    </AdminForm>
  );
}

export function CouponIssueForm({ batchId }: { batchId: string }) {
  return (
    <AdminForm schema={couponIssueSchema} defaults={{ batchId, phone: "" }} submit={couponIssueAction} label="发放" done="已发放" reset>
      {(f) => <AdminField form={f} name="phone" label="发放给（手机号）" />}
    </AdminForm>
  );
}

type Provider = { id?: string; name: string; description: string; url: string; sortOrder: number; enabled: boolean };
export function LegalProviderForm({ provider }: { provider?: Provider }) {
  return (
    <AdminForm
      schema={legalProviderSchema}
      defaults={provider ?? { name: "", description: "", url: "https://", sortOrder: 100, enabled: true }}
      submit={legalProviderSaveAction}
      label={provider ? "保存" : "新增服务"}
      done="已保存"
      reset={!provider}
    >
      {(f) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <AdminField form={f} name="name" label="名称" />
          <AdminField form={f} name="url" label="链接" />
          <AdminField form={f} name="description" label="简介" type="textarea" className="sm:col-span-2" />
          <AdminField form={f} name="sortOrder" label="排序（小的在前）" type="number" />
          <AdminField form={f} name="enabled" label="上架" type="checkbox" />
        </div>
      )}
    </AdminForm>
  );
}

type Case = { id?: string; court: string; caseNumber: string; decidedOn: string; summary: string; outcome: string; url: string; isSample: boolean };
export function IouCaseForm({ entry }: { entry?: Case }) {
  return (
    <AdminForm
      schema={iouCaseSchema}
      defaults={entry ?? { court: "", caseNumber: "", decidedOn: "", summary: "", outcome: "", url: "https://", isSample: false }}
      submit={iouCaseSaveAction}
      label={entry ? "保存" : "新增案例"}
      done="已保存"
      reset={!entry}
    >
      {(f) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <AdminField form={f} name="court" label="审理法院" />
          <AdminField form={f} name="caseNumber" label="案号" />
          <AdminField form={f} name="decidedOn" label="裁判日期" type="date" />
          <AdminField form={f} name="url" label="裁判文书公开链接" />
          <AdminField form={f} name="summary" label="案情摘要" type="textarea" className="sm:col-span-2" />
          <AdminField form={f} name="outcome" label="裁判结果" type="textarea" className="sm:col-span-2" />
          <AdminField form={f} name="isSample" label="示例条目（非真实案例，前台标注“示例”）" type="checkbox" />
        </div>
      )}
    </AdminForm>
  );
}

export function CouponBatchEditForm({ batch }: { batch: { batchId: string; name: string; validTo: string; perUserLimit: number } }) {
  return (
    <AdminForm schema={couponBatchEditSchema} defaults={batch} submit={couponBatchEditAction} label="保存修改" done="已保存">
      {(f) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <AdminField form={f} name="name" label="名称" />
          <AdminField form={f} name="validTo" label="截止日期" type="date" />
          <AdminField form={f} name="perUserLimit" label="每人限领" type="number" />
        </div>
      )}
    </AdminForm>
  );
}

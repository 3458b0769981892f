"use client";
import { useState } from "react";
import type { OwnSetupForm } from "@/lib/validation/own-file";
import { emptyOwnSetup } from "@/lib/validation/own-file";
import { UploadStep, type UploadInfo } from "./UploadStep";
import { SetupStep } from "./SetupStep";

type Me = { name: string; idMasked: string; phone: string; phoneMasked: string };

const STEPS = ["上传文件", "设置签署信息", "指定签署区域", "签署"];

export function StepBar({ at }: { at: number }) {
  return (
    <ol className="flex gap-1 text-xs" aria-label="发起步骤">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={i === at ? "step" : undefined} className={`flex-1 border-t-4 pt-1 ${i <= at ? "border-brand-500 text-brand-700" : "border-slate-200 text-slate-400"}`}>
          {s}
        </li>
      ))}
    </ol>
  );
}

/** 文件发起 / 图片发起 up to the draft: upload, then 设置签署信息 (fields are placed on the draft's own page). */
export function OwnFileWizard({ mode, me, draft, crossBorder }: { mode: "file" | "image"; me: Me; draft: { id: string; upload: UploadInfo; form: OwnSetupForm } | null; crossBorder: boolean }) {
  const [upload, setUpload] = useState<UploadInfo | null>(draft?.upload ?? null);
  const [form, setForm] = useState<OwnSetupForm | null>(draft?.form ?? null);
  return (
    <div className="flex flex-col gap-4">
      <StepBar at={upload ? 1 : 0} />
      {!upload || !form ? (
        <UploadStep
          mode={mode}
          onReady={(u) => {
            setUpload(u);
            setForm(emptyOwnSetup(u.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, "")));
          }}
        />
      ) : (
        <SetupStep
          me={me}
          uploadId={upload.id}
          draftId={draft?.id ?? null}
          initial={form}
          crossBorder={crossBorder}
          onBack={
            draft
              ? undefined
              : () => {
                  setUpload(null);
                  setForm(null);
                }
          }
        />
      )}
    </div>
  );
}

"use client";
import { useCallback, useState } from "react";
import { PdfPages } from "@/components/pdf/PdfPages";
import { usePdfDocument } from "@/components/pdf/pdfjs";
import { SignPanel } from "@/components/signing/SignPanel";
import type { ShownField } from "@/lib/domain/own-file";
import { FieldBox } from "./FieldBox";


function Overlay({ fields, page, values }: { fields: ShownField[]; page: number; values?: Record<string, string> }) {
  return (
    <>
      {fields
        .filter((f) => f.page === page)
        .map((f) => (
          <FieldBox key={f.id} rect={f} partySeq={f.partySeq} kind={f.kind} owner={f.owner} mine={f.mine} data-testid={f.mine ? "my-field" : "other-field"}>
            {f.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a signature PNG from our own route
              <img src={f.imageUrl} alt={`${f.owner}的签名`} className="h-full w-full object-contain" />
            ) : f.text || values?.[f.id] ? (
              <span className="truncate px-1 text-slate-800">{f.text || values?.[f.id]}</span>
            ) : undefined}
          </FieldBox>
        ))}
    </>
  );
}

/** The uploaded document with its fields: read-only (detail page) or the signer's view (own fields highlighted). */
export function OwnDocumentView({ pdfUrl, fields, onLastPageSeen, values }: { pdfUrl: string; fields: ShownField[]; onLastPageSeen?: () => void; values?: Record<string, string> }) {
  const pdf = usePdfDocument(pdfUrl);
  const overlay = useCallback((page: number) => <Overlay fields={fields} page={page} values={values} />, [fields, values]);
  if (pdf === null) return <p className="py-10 text-center text-slate-500">正在加载文件…</p>;
  if ("error" in pdf) return <p role="alert" className="text-red-600">{pdf.error}</p>;
  return (
    <div data-testid="own-document">
      <PdfPages doc={pdf.doc} sizes={pdf.sizes} overlay={overlay} onLastPageSeen={onLastPageSeen} />
    </div>
  );
}

type SignProps = Omit<React.ComponentProps<typeof SignPanel>, "blockedReason" | "fieldValues" | "onFieldErrors"> & { blocked?: string | null };

/** 签署 an own document: read to the last page, fill your text fields, then sign (签名 + 意愿验证). */
export function OwnDocumentSigning({ pdfUrl, fields, sign }: { pdfUrl: string; fields: ShownField[]; sign: SignProps }) {
  const { blocked, ...panel } = sign;
  const [read, setRead] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onLastPageSeen = useCallback(() => setRead(true), []);
  const texts = fields.filter((f) => f.mine && f.kind === "TEXT");
  return (
    <div className="flex flex-col gap-4">
      <p className="rounded-xl bg-brand-50 p-3 text-sm text-brand-800">
        彩色框是需要您签署或填写的位置（共 {fields.filter((f) => f.mine).length} 处）；请阅读至末页后签署。
      </p>
      <OwnDocumentView pdfUrl={pdfUrl} fields={fields} onLastPageSeen={onLastPageSeen} values={values} />
      {texts.length > 0 && (
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
          <h2 className="font-medium">需要您填写</h2>
          {texts.map((f, i) => (
            <div key={f.id} className="flex flex-col gap-1">
              <label htmlFor={`text-${f.id}`} className="text-sm text-slate-700">
                第{f.page + 1}页 文本{i + 1}
              </label>
              <input
                id={`text-${f.id}`}
                maxLength={100}
                value={values[f.id] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [f.id]: e.target.value }))}
                aria-invalid={errors[f.id] ? true : undefined}
                className={`min-h-11 rounded-lg border px-3 ${errors[f.id] ? "border-red-500" : "border-slate-300"}`}
              />
              {errors[f.id] && (
                <p role="alert" className="text-sm text-red-600">
                  {errors[f.id]}
                </p>
              )}
            </div>
          ))}
        </section>
      )}
      <SignPanel {...panel} blockedReason={blocked ?? (read ? null : "请阅读至末页后签署")} fieldValues={values} onFieldErrors={setErrors} />
    </div>
  );
}

"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { EndKind } from "@/lib/domain/end-request";
import { Sheet } from "@/components/ui/Sheet";
import { EmailDialog } from "./EmailDialog";
import { EndRequestDialog } from "./EndRequestDialog";
import { LegalServiceDialog, type LegalProviderView } from "./LegalServiceDialog";

type Props = {
  contractId: string;
  version: number;
  /** The end requests the lifecycle allows now, and the one it refuses with its reason. */
  can: { rescind: boolean; settle: boolean };
  rescindRefusal: string | null;
  emailTo: string; // the account's e-mail, offered in 发送到邮箱 ("" when none); shown only for a signed document
  providers: LegalProviderView[];
};

type Open = "menu" | "email" | "report" | "legal" | EndKind | null;

/** 更多操作: 申请解除 / 申请结清, 发送到邮箱, 查看签署证书, 申请出证, 法律服务. */
export function MoreActions({ contractId, version, can, rescindRefusal, emailTo, providers }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const item = "flex min-h-12 w-full items-center justify-between rounded-lg px-3 text-left hover:bg-slate-50";
  return (
    <>
      <button type="button" onClick={() => setOpen("menu")} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4" aria-haspopup="dialog">
        更多操作
      </button>
      {notice && (
        <p role="status" data-testid="action-message" className="basis-full text-sm text-slate-700">
          {notice}
        </p>
      )}
      {open === "menu" && (
        <Sheet title="更多操作" onClose={() => setOpen(null)}>
          <ul className="flex flex-col divide-y divide-slate-100">
            {can.rescind && (
              <li>
                <button type="button" className={item} onClick={() => setOpen("rescind")}>
                  申请解除<span aria-hidden>›</span>
                </button>
              </li>
            )}
            {rescindRefusal && (
              <li className="px-3 py-2">
                <span className="block text-slate-400">申请解除</span>
                <span className="block text-xs text-slate-500" data-testid="rescind-refusal">
                  {rescindRefusal}
                </span>
              </li>
            )}
            {can.settle && (
              <li>
                <button type="button" className={item} onClick={() => setOpen("settle")}>
                  申请结清<span aria-hidden>›</span>
                </button>
              </li>
            )}
            <li>
              <button type="button" className={item} onClick={() => setOpen("email")}>
                发送到邮箱<span aria-hidden>›</span>
              </button>
            </li>
            <li>
              <Link className={item} href={`/contracts/${contractId}/certificates`}>
                查看签署证书<span aria-hidden>›</span>
              </Link>
            </li>
            <li>
              <button type="button" className={item} onClick={() => setOpen("report")}>
                申请出证<span aria-hidden>›</span>
              </button>
            </li>
            <li>
              <button type="button" className={item} onClick={() => setOpen("legal")}>
                法律服务<span aria-hidden>›</span>
              </button>
            </li>
          </ul>
        </Sheet>
      )}
      {(open === "rescind" || open === "settle") && (
        <EndRequestDialog
          contractId={contractId}
          version={version}
          kind={open}
          onClose={(done) => {
            setOpen(null);
            if (done) {
              setNotice(done);
              router.refresh();
            }
          }}
        />
      )}
      {(open === "email" || open === "report") && <EmailDialog purpose={open} contractId={contractId} defaultEmail={emailTo} onClose={() => setOpen(null)} />}
      {open === "legal" && <LegalServiceDialog providers={providers} onClose={() => setOpen(null)} />}
    </>
  );
}

"use client";
import { useState } from "react";
import { EmailDialog } from "./EmailDialog";

/** 下载 / 发送到邮箱 on a folder row of a signed contract. */
export function DocumentShortcuts({ contractId, email }: { contractId: string; email: string }) {
  const [emailing, setEmailing] = useState(false);
  return (
    <div className="flex gap-4 px-4 pb-3 text-sm">
      <a href={`/api/contracts/${contractId}/pdf`} download className="text-brand-600">
        下载
      </a>
      <button type="button" className="text-brand-600" onClick={() => setEmailing(true)}>
        发送到邮箱
      </button>
      {emailing && <EmailDialog contractId={contractId} defaultEmail={email} onClose={() => setEmailing(false)} />}
    </div>
  );
}

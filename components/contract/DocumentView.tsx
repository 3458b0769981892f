import type { ContractDocument } from "@/lib/domain/templates/document";

/**
 * The on-screen rendering of the same document model the PDF is made from. `voided` (已撤销, 已拒签,
 * 已过期) marks a contract that never took effect, so that a screenshot of it cannot pass for one.
 */
export function DocumentView({ doc, signatureUrl, voided }: { doc: ContractDocument; signatureUrl?: (sha256: string) => string; voided?: boolean }) {
  return (
    <article className="relative overflow-hidden rounded-2xl bg-white p-4 text-[15px] leading-7 text-slate-800 shadow-sm ring-1 ring-slate-100 sm:p-8" data-testid="document">
      {voided && <VoidMark />}
      <h2 className="text-center text-2xl font-bold tracking-widest">{doc.title}</h2>
      <p className="mb-4 text-center text-xs text-slate-500">{doc.subtitle}</p>
      {doc.blocks.map((b, i) => {
        switch (b.type) {
          case "heading":
            return (
              <h3 key={i} className="mt-4 font-semibold">
                {b.text}
              </h3>
            );
          case "paragraph":
            return (
              <p key={i} className="mt-1 whitespace-pre-line break-words">
                {b.text}
              </p>
            );
          case "fields":
            return (
              <dl key={i} className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
                {b.rows.map((r, j) => (
                  <div key={j} className="contents">
                    <dt className="text-slate-500">{r.label}</dt>
                    <dd className="break-all">{r.value}</dd>
                  </div>
                ))}
              </dl>
            );
          case "table":
            return (
              <div key={i} className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr>
                      {b.columns.map((c) => (
                        <th key={c} className="border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((row, j) => (
                      <tr key={j}>
                        {row.map((cell, k) => (
                          <td key={k} className="border border-slate-200 px-2 py-1">
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
      <p className="mt-4 text-center text-sm text-slate-500">（以下无正文）</p>
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        {doc.signers.map((s, i) => (
          <div key={i} className="rounded-xl border border-slate-200 p-3 text-sm" data-testid="signer">
            <p className="font-medium">
              {s.roleLabel}：{s.name || "待补充"}
            </p>
            <p className="text-xs text-slate-500">证件号码：{s.idMasked || "待补充"}</p>
            <div className="mt-2 flex h-16 items-center justify-center rounded-lg bg-slate-50">
              {s.signatureSha256 && signatureUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- a small signature PNG served by our own route
                <img src={signatureUrl(s.signatureSha256)} alt={`${s.name}的签名`} className="h-14 object-contain" />
              ) : (
                <span className="text-slate-400">{s.note ?? "待签署"}</span>
              )}
            </div>
            {s.signedAt && <p className="mt-1 text-xs text-slate-500">签署时间：{s.signedAt}</p>}
          </div>
        ))}
      </div>
      <p className="mt-6 text-center text-xs text-slate-400">{doc.footer}</p>
    </article>
  );
}

/** 作废: a banner (the status pill above says which end it came to), and the word across the page (aria-hidden: the banner says it). */
export function VoidMark() {
  return (
    <>
      <p className="relative z-10 mb-3 rounded-lg bg-red-50 px-3 py-2 text-center text-sm font-medium text-red-700 ring-1 ring-red-200" data-testid="void-mark">
        本文件已作废：合同未生效，不具有合同效力
      </p>
      <span
        aria-hidden
        className="pointer-events-none absolute inset-0 z-10 flex select-none items-center justify-center text-[96px] font-bold tracking-[0.3em] text-red-500/15 [transform:rotate(-30deg)] sm:text-[140px]"
      >
        作废
      </span>
    </>
  );
}

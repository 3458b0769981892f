import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "借条相关司法判例" };

/** The case library's entrance; its content is maintained by admins (admin issue). */
export default function IouCasesPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">借条相关司法判例</h1>
      <div className="rounded-2xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-100">
        <p>判例库由平台法务整理，收录持有电子借条的当事人在法院的裁判案例。</p>
        <p className="mt-2">案例正在整理中，上线后将在此展示。</p>
      </div>
      <Link href="/iou" className="text-sm text-brand-600 underline">
        返回借条模板
      </Link>
    </div>
  );
}

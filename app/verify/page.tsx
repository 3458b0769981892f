import type { Metadata } from "next";
import Link from "next/link";
import { VerifyForm } from "@/components/evidence/VerifyForm";

export const metadata: Metadata = { title: "验证合同文件" };

/** 验证: anyone may check a PDF; no sign-in. */
export default function VerifyPage() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col gap-5 px-4 py-8">
      <header className="flex items-center gap-3">
        <Link href="/" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-xl bg-brand-500 text-lg font-bold text-white" aria-label="个人电子签首页">
          签
        </Link>
        <div>
          <h1 className="text-xl font-semibold">验证合同文件</h1>
          <p className="text-sm text-slate-500">检查PDF是否由个人电子签签署、签署后是否被修改</p>
        </div>
      </header>
      <VerifyForm />
      <section className="text-sm leading-6 text-slate-600">
        <h2 className="font-medium text-slate-800">说明</h2>
        <ul className="list-disc pl-5">
          <li>文件只在本次验证中读取，验证后不会保存。</li>
          <li>每个签名都会核对：签名覆盖的内容是否与签署时一致、证书是否由本平台根证书签发、时间戳是否有效。</li>
          <li>
            也可在Adobe Reader等阅读器中导入
            <a className="text-brand-600 underline" href="/api/pki/root">
              本平台根证书
            </a>
            后自行校验。
          </li>
        </ul>
      </section>
    </main>
  );
}

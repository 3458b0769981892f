import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="text-lg font-medium">页面不存在</h1>
      <p className="text-sm text-slate-500">您访问的页面不存在或无权查看。</p>
      <Link href="/" className="rounded-lg bg-brand-500 px-5 py-2 text-sm font-medium text-white">
        返回首页
      </Link>
    </main>
  );
}

import { sameOriginPath } from "@/lib/domain/safe-path";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { currentUser } from "@/lib/server/auth";
import { devProvidersActive } from "@/lib/server/config";
import { LoginForm } from "@/components/auth/LoginForm";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";
import { LogoMark } from "@/components/brand/Brand";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; closed?: string }> }) {
  if (await currentUser()) redirect("/");
  const { callbackUrl, closed } = await searchParams;
  // Only same-site paths are followed after sign-in.
  const next = sameOriginPath(callbackUrl);
  const dev = devProvidersActive();
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-5 py-10">
      <div className="flex flex-col items-center gap-2 text-center">
        <LogoMark className="h-14 w-14" />
        <h1 className="text-2xl font-semibold">个人电子签</h1>
        <p className="text-sm text-slate-500">借条、收据、合同，在线签署，安全有效</p>
      </div>
      {closed === "1" && (
        <p role="status" className="rounded-xl bg-emerald-50 p-3 text-center text-sm text-emerald-800">
          账号已注销。感谢您的使用。
        </p>
      )}
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-4 text-lg font-medium">手机号登录 / 注册</h2>
        <LoginForm next={next} />
        <p className="mt-4 text-xs text-slate-500">未注册的手机号验证后将自动创建账号。</p>
      </section>
      <p className="text-center text-sm">
        <Link href="/verify" className="text-brand-600 underline">
          验证合同文件
        </Link>
        {/* its own line: as a run-on after the link it left a word or two alone on a phone */}
        <span className="block text-slate-500">检查PDF是否由本平台签署、签署后是否被修改</span>
      </p>
      {dev && (
        <p className="flex flex-wrap items-center justify-center gap-1 text-center text-xs text-slate-500">
          <SimulatedBadge /> 短信为开发环境模拟发送，验证码请在
          <Link href="/dev/outbox" className="text-brand-600 underline">
            模拟发件箱
          </Link>
          查看
        </p>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminAccount } from "@/lib/server/auth";
import { intentMethods } from "@/lib/server/identity";
import { AdminFactorForm } from "@/components/admin/AdminFactorForm";

export const metadata: Metadata = { title: "管理后台 · 二次验证" };
export const dynamic = "force-dynamic";

export default async function AdminVerifyPage() {
  const admin = await requireAdminAccount();
  // what the admin factor's purpose offers and this admin has set up
  const { password: hasPassword, webauthn: hasWebauthn } = await intentMethods(admin, "ADMIN_FACTOR");
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-5 py-10">
      <h1 className="text-xl font-semibold">管理后台 · 二次验证</h1>
      <p className="text-sm text-slate-600">为保护用户数据，每次登录后进入管理后台前需再验证一次本人身份。</p>
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
        {hasPassword || hasWebauthn ? (
          <AdminFactorForm hasPassword={hasPassword} hasWebauthn={hasWebauthn} />
        ) : (
          <p className="text-sm text-slate-700" data-testid="admin-factor-missing">
            您还没有可用的二次验证方式。请先在
            <Link href="/me/verification" className="text-brand-600 underline">
              签署认证方式
            </Link>
            中设置签署密码或开通指纹/面容 ID。
          </p>
        )}
      </section>
    </main>
  );
}

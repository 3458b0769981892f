import Link from "next/link";
import { requireAdmin } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

const links = [
  { href: "/admin", label: "概览" },
  { href: "/admin/users", label: "用户" },
  { href: "/admin/contracts", label: "合同" },
  { href: "/admin/orders", label: "订单" },
  { href: "/admin/fees", label: "收费与优惠" },
  { href: "/admin/outbox", label: "短信与邮件" },
  { href: "/admin/content", label: "内容" },
  { href: "/admin/settings", label: "参数设置" },
  { href: "/admin/audit", label: "管理审计" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="min-h-dvh bg-slate-100">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-8">
        <span className="font-semibold">个人电子签 · 管理后台</span>
        <nav className="flex flex-wrap gap-4 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-slate-600 hover:text-brand-600">
              {l.label}
            </Link>
          ))}
        </nav>
        <span className="ml-auto text-xs text-slate-500">管理员 {admin.realName ?? admin.phone}</span>
        <Link href="/" className="text-xs text-brand-600">
          返回前台
        </Link>
      </header>
      <main className="mx-auto max-w-6xl p-4 md:p-8">{children}</main>
    </div>
  );
}

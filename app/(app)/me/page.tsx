import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { maskPhone } from "@/lib/domain/phone";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { ID_TYPE_LABELS } from "@/lib/domain/account-labels";

export const metadata: Metadata = { title: "个人中心" };

export default async function MePage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">个人中心</h1>
      <section className="flex items-center gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
        <div className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xl font-semibold text-brand-600">
          {user.realName?.slice(-2) ?? "我"}
        </div>
        <div className="min-w-0">
          <p className="truncate text-lg font-medium">{user.realName ?? "未实名用户"}</p>
          <p className="text-sm text-slate-500">手机号 {maskPhone(user.phone)}</p>
        </div>
      </section>
      <section className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-100">
        <h2 className="border-b border-slate-100 px-5 py-3 font-medium">实名信息</h2>
        {user.verifiedAt ? (
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 px-5 py-4 text-sm">
            <dt className="text-slate-500">姓名</dt>
            <dd data-testid="me-name">{user.realName}</dd>
            <dt className="text-slate-500">证件类型</dt>
            <dd>{ID_TYPE_LABELS[user.idType ?? "CN_RESIDENT"]}</dd>
            <dt className="text-slate-500">证件号</dt>
            <dd data-testid="me-id" className="font-mono">
              {user.idMasked}
            </dd>
            <dt className="text-slate-500">状态</dt>
            <dd className="text-emerald-600">已实名</dd>
          </dl>
        ) : (
          <div className="flex items-center justify-between gap-3 px-5 py-4 text-sm">
            <span className="text-slate-500">尚未完成实名认证</span>
            <Link href="/realname" className="font-medium text-brand-600">
              去认证
            </Link>
          </div>
        )}
      </section>
      <nav className="flex flex-col divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-100">
        {[
          ["/me/profile", "个人信息"],
          ["/me/verification", "签署认证方式"],
          ["/me/seals", "我的印章与签名"],
          ["/me/orders", "我的订单"],
          ["/me/card", "省钱月卡"],
          ["/me/coupons", "优惠券"],
          ["/verify", "验证合同文件"],
          ["/me/advanced", "高级设置"],
        ].map(([href, label]) => (
          <Link key={href} href={href!} className="flex min-h-12 items-center justify-between px-5 py-3">
            <span>{label}</span>
            <span aria-hidden className="text-slate-400">
              ›
            </span>
          </Link>
        ))}
      </nav>
      {user.role === "ADMIN" && (
        <Link href="/admin" className="rounded-2xl bg-white px-5 py-4 font-medium text-brand-600 shadow-sm ring-1 ring-slate-100">
          进入管理后台
        </Link>
      )}
      <SignOutButton />
    </div>
  );
}

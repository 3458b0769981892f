import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { maskPhone } from "@/lib/domain/phone";
import { ContactChangeForm } from "@/components/account/ContactChangeForm";

export const metadata: Metadata = { title: "更换手机号" };
export const dynamic = "force-dynamic";

export default async function PhoneChangePage() {
  const user = await requireUser();
  if (!user.verifiedAt) redirect("/realname");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">更换手机号</h1>
      <p className="text-sm text-slate-600">当前绑定 {maskPhone(user.phone)}。更换后请使用新手机号登录；已发给原号码、尚未处理的合同邀请仍归您的账号。</p>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <ContactChangeForm kind="phone" />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth";
import { maskEmail } from "@/lib/server/contracts";
import { ContactChangeForm } from "@/components/account/ContactChangeForm";

export const metadata: Metadata = { title: "更换邮箱" };
export const dynamic = "force-dynamic";

export default async function EmailChangePage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{user.email ? "更换邮箱" : "绑定邮箱"}</h1>
      <p className="text-sm text-slate-600">{user.email ? `当前绑定 ${maskEmail(user.email)}。` : ""}邮箱用于接收合同文件和签署报告。</p>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <ContactChangeForm kind="email" />
      </section>
    </div>
  );
}

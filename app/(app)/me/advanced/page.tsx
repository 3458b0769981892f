import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { CrossBorderSwitch } from "@/components/account/CrossBorderSwitch";

export const metadata: Metadata = { title: "高级设置" };
export const dynamic = "force-dynamic";

export default async function AdvancedPage() {
  const user = await requireUser();
  if (!user.verifiedAt) redirect("/realname");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">高级设置</h1>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <CrossBorderSwitch on={Boolean(user.crossBorderAt)} />
      </section>
      <Link href="/me/close" className="flex min-h-12 items-center justify-between rounded-2xl bg-white px-5 py-3 shadow-sm ring-1 ring-slate-100">
        <span>账号注销</span>
        <span aria-hidden className="text-slate-400">
          ›
        </span>
      </Link>
    </div>
  );
}

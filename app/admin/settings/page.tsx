import { requireAdmin } from "@/lib/server/auth";
import type { Metadata } from "next";
import { lprBp } from "@/lib/server/settings";
import { LprForm } from "./LprForm";

export const metadata: Metadata = { title: "参数设置" };

export default async function SettingsPage() {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const bp = await lprBp();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">参数设置</h1>
      <section className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-medium">借条利率提示</h2>
        <LprForm current={(bp / 100).toFixed(2)} />
      </section>
    </div>
  );
}

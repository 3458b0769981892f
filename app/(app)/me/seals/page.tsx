import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { sealsOf, signaturesOf } from "@/lib/server/account";
import { SEAL_STYLES, personalSealSvg, type SealStyle } from "@/lib/domain/seal";
import { SignatureManager } from "@/components/account/SignatureManager";
import { SealManager } from "@/components/account/SealManager";

export const metadata: Metadata = { title: "我的印章与签名" };
export const dynamic = "force-dynamic";

export default async function SealsPage() {
  const user = await requireUser();
  const [signatures, seals] = await Promise.all([signaturesOf(user.id), sealsOf(user)]);
  const name = user.realName;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">我的印章与签名</h1>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-3 font-medium">我的签名</h2>
        <SignatureManager items={signatures} />
      </section>
      <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="mb-3 font-medium">我的印章</h2>
        {name ? (
          <SealManager
            options={(Object.keys(SEAL_STYLES) as SealStyle[]).map((style) => ({ style, label: SEAL_STYLES[style], svg: personalSealSvg(name, style) }))}
            saved={seals.map((s) => ({ id: s.id, style: s.style, styleLabel: s.styleLabel, svg: s.svg, valid: s.valid }))}
          />
        ) : (
          <p className="text-sm text-slate-600">
            印章按实名姓名生成，请先
            <Link href="/realname" className="text-brand-600 underline">
              完成实名认证
            </Link>
            。
          </p>
        )}
      </section>
    </div>
  );
}

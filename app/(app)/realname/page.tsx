import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sameOriginPath } from "@/lib/domain/safe-path";
import { requireUser } from "@/lib/server/auth";
import { identitySimulated } from "@/lib/server/identity";
import { RealNameForm } from "@/components/identity/RealNameForm";
import { SimulatedBadge } from "@/components/ui/SimulatedBadge";

export const metadata: Metadata = { title: "实名认证" };

export default async function RealNamePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const safeNext = sameOriginPath(next);
  const user = await requireUser();
  if (user.verifiedAt) redirect("/me");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-xl font-semibold">实名认证</h1>
      <p className="text-sm text-slate-500">
        根据《电子签名法》，签署合同需确认签署人真实身份。您的证件号将加密保存，仅以脱敏形式展示。
      </p>
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
        <RealNameForm next={safeNext} />
      </section>
      {identitySimulated() ? (
        <p className="flex items-center gap-1 text-xs text-slate-500">
          <SimulatedBadge title="开发环境：身份核验仅校验证件号格式与校验位，人脸核身为模拟" />
          当前为开发环境的模拟核验服务
        </p>
      ) : (
        <p className="text-xs text-slate-500">姓名与证件号码将在人脸核身中与权威数据源比对核验。</p>
      )}
    </div>
  );
}

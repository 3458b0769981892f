import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { verificationSettings } from "@/lib/server/account";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import type { VerifyMethod } from "@/lib/domain/account";
import { VerificationSettings } from "@/components/account/VerificationSettings";

export const metadata: Metadata = { title: "签署认证方式" };
export const dynamic = "force-dynamic";

export default async function VerificationPage() {
  const user = await requireUser();
  if (!user.verifiedAt) redirect("/realname");
  const s = await verificationSettings(user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">签署认证方式</h1>
      <VerificationSettings
        preferred={s.preferred as VerifyMethod}
        hasPassword={s.hasPassword}
        passwordLocked={s.passwordLockedUntil ? formatShanghaiDateTime(s.passwordLockedUntil) : null}
        credentials={s.credentials.map((c) => ({ id: c.id, label: c.label, createdAt: formatShanghaiDateTime(c.createdAt).slice(0, 10) }))}
      />
    </div>
  );
}

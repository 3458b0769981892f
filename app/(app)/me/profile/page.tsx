import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth";
import { maskPhone } from "@/lib/domain/phone";
import { maskEmail } from "@/lib/server/contracts";
import { ID_TYPE_LABELS } from "@/lib/domain/account-labels";
import { SettingRows } from "@/components/account/SettingRows";

export const metadata: Metadata = { title: "个人信息" };
export const dynamic = "force-dynamic";

export default async function ProfilePage() {
  const user = await requireUser();
  const verified = Boolean(user.verifiedAt);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">个人信息</h1>
      <SettingRows
        title="实名信息"
        rows={
          verified
            ? [
                { label: "姓名", value: user.realName, href: "/me/profile/rename", action: "更名", testId: "profile-name" },
                { label: "证件类型", value: ID_TYPE_LABELS[user.idType ?? "CN_RESIDENT"] },
                { label: "证件号", value: <span className="font-mono">{user.idMasked}</span> },
              ]
            : [{ label: "实名认证", value: "未认证", href: "/realname", action: "去认证" }]
        }
      />
      <SettingRows
        title="联系方式"
        rows={[
          { label: "手机号", value: maskPhone(user.phone), href: verified ? "/me/profile/phone" : undefined, action: "更换", testId: "profile-phone" },
          { label: "邮箱", value: user.email ? maskEmail(user.email) : "未绑定", href: "/me/profile/email", action: user.email ? "更换" : "绑定", testId: "profile-email" },
        ]}
      />
      <SettingRows
        rows={[
          { label: "签署认证方式", href: "/me/verification", action: "设置" },
          { label: "高级设置", href: "/me/advanced", action: "港澳台 · 注销" },
        ]}
      />
    </div>
  );
}

import Link from "next/link";
import { requireUser } from "@/lib/server/auth";

const tiles: { key: string; label: string; desc: string; color: string; href?: string }[] = [
  { key: "iou", label: "借条", desc: "借款凭证，双方签署", color: "bg-orange-50 text-orange-600", href: "/templates/iou" },
  { key: "receipt", label: "收据", desc: "收款凭证，对方领取", color: "bg-emerald-50 text-emerald-600", href: "/templates/receipt" },
  { key: "templates", label: "全部合同模板", desc: "租房、买卖等18种", color: "bg-brand-50 text-brand-600", href: "/templates" },
  { key: "file", label: "文件发起", desc: "上传 PDF/Word/Excel", color: "bg-violet-50 text-violet-600", href: "/files/new" },
  { key: "image", label: "图片发起", desc: "拍照或相册图片", color: "bg-sky-50 text-sky-600", href: "/files/new?type=image" },
];

export default async function HomePage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-5">
      <header className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold">个人电子签</h1>
          <p className="text-sm text-slate-500">{user.realName ? `${user.realName}，您好` : "欢迎使用"}</p>
        </div>
      </header>

      {!user.verifiedAt && (
        <Link
          href="/realname"
          className="flex items-center justify-between gap-3 rounded-xl bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200"
        >
          <span>
            <span className="block font-medium">完成实名认证</span>
            <span className="text-sm">签署合同前需要完成实名认证与人脸核身</span>
          </span>
          <span className="shrink-0 rounded-lg bg-amber-500 px-3 py-1.5 text-sm font-medium text-white">去认证</span>
        </Link>
      )}

      <section aria-labelledby="start" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 id="start" className="mb-3 font-medium">
          发起签署
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {tiles.map((t) => (
            <li key={t.key}>
              {/* Each capability opens here as its issue lands; until then the tile says so. */}
              {t.href ? (
                <Link href={t.href} className="flex h-full flex-col gap-1 rounded-xl border border-slate-100 p-3 hover:border-brand-200 hover:bg-brand-50/40">
                  <span className={`w-fit rounded-lg px-2 py-1 text-base font-semibold ${t.color}`}>{t.label}</span>
                  <span className="text-xs text-slate-500">{t.desc}</span>
                </Link>
              ) : (
                <div aria-disabled className="flex h-full flex-col gap-1 rounded-xl border border-slate-100 p-3">
                  <span className={`w-fit rounded-lg px-2 py-1 text-base font-semibold ${t.color}`}>{t.label}</span>
                  <span className="text-xs text-slate-500">{t.desc}</span>
                  <span className="mt-1 w-fit rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-500">即将开放</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

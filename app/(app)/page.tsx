import Link from "next/link";
import { requireUser } from "@/lib/server/auth";
import { listFolder, waitingForMe } from "@/lib/server/contracts";
import { TEMPLATES } from "@/lib/domain/templates/registry";
import { FolderRow } from "@/components/folder/FolderRow";

const tiles: { key: string; label: string; desc: string; color: string; href: string }[] = [
  { key: "iou", label: "借条", desc: "借款凭证，双方签署", color: "bg-orange-50 text-orange-600", href: "/templates/iou" },
  { key: "receipt", label: "收据", desc: "收款凭证，对方领取", color: "bg-emerald-50 text-emerald-600", href: "/templates/receipt" },
  { key: "templates", label: "全部合同模板", desc: `租房、买卖等${TEMPLATES.length}种`, color: "bg-brand-50 text-brand-600", href: "/templates" },
  { key: "file", label: "文件发起", desc: "上传 PDF/Word/Excel", color: "bg-violet-50 text-violet-600", href: "/files/new" },
  { key: "image", label: "图片发起", desc: "拍照或相册图片", color: "bg-sky-50 text-sky-600", href: "/files/new?type=image" },
];

const RECENT = 5;

/** 首页: what waits for me first (待我处理), then starting something new, then the latest contracts. */
export default async function HomePage() {
  const user = await requireUser();
  const [todo, recent] = await Promise.all([waitingForMe(user.id), listFolder(user.id, {})]);
  const email = user.email ?? "";
  return (
    // data-wide: the layout gives the home page a desktop's width (starting and the lists side by side)
    <div className="flex flex-col gap-5" data-testid="home" data-wide>
      <header>
        <h1 className="text-xl font-semibold">个人电子签</h1>
        <p className="text-sm text-slate-500">{user.realName ? `${user.realName}，您好` : "欢迎使用"}</p>
      </header>

      {!user.verifiedAt && (
        <Link href="/realname" className="flex items-center justify-between gap-3 rounded-xl bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          <span>
            <span className="block font-medium">完成实名认证</span>
            <span className="text-sm">签署合同前需要完成实名认证与人脸核身</span>
          </span>
          <span className="shrink-0 rounded-lg bg-amber-500 px-3 py-1.5 text-sm font-medium text-white">去认证</span>
        </Link>
      )}

      {todo.total > 0 && (
        <section aria-labelledby="todo" className="flex flex-col gap-2" data-testid="home-todo">
          <div className="flex items-baseline justify-between">
            <h2 id="todo" className="font-medium">
              待我处理 <span className="text-sm font-normal text-amber-700">{todo.total}</span>
            </h2>
            {todo.total > todo.items.length && (
              <Link href="/folder?tab=mine" className="text-sm text-brand-600">
                查看全部
              </Link>
            )}
          </div>
          <ul className="grid gap-2 lg:grid-cols-2">
            {todo.items.map((it) => (
              <FolderRow key={it.contractId} it={it} email={email} shortcuts={false} />
            ))}
          </ul>
        </section>
      )}

      <div className="flex flex-col gap-5 lg:grid lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)] lg:items-start">
        <section aria-labelledby="start" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
          <h2 id="start" className="mb-3 font-medium">
            发起签署
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {tiles.map((t) => (
              <li key={t.key}>
                <Link href={t.href} className="flex h-full flex-col gap-1 rounded-xl border border-slate-100 p-3 hover:border-brand-200 hover:bg-brand-50/40">
                  <span className={`w-fit rounded-lg px-2 py-1 text-base font-semibold ${t.color}`}>{t.label}</span>
                  <span className="text-xs text-slate-500">{t.desc}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="recent" className="flex flex-col gap-2" data-testid="home-recent">
          <div className="flex items-baseline justify-between">
            <h2 id="recent" className="font-medium">
              最近合同
            </h2>
            {recent.items.length > 0 && (
              <Link href="/folder" className="text-sm text-brand-600">
                全部合同
              </Link>
            )}
          </div>
          {recent.items.length === 0 ? (
            <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-100">还没有合同。发起的和别人发给您的合同都会显示在这里。</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {recent.items.slice(0, RECENT).map((it) => (
                <FolderRow key={it.contractId} it={it} email={email} shortcuts={false} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

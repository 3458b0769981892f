import type { Metadata } from "next";
import Link from "next/link";
import type { ContractStatus } from "@prisma/client";
import { requireUser } from "@/lib/server/auth";
import { folderKinds, listFolder } from "@/lib/server/contracts";
import { FolderRow } from "@/components/folder/FolderRow";

export const metadata: Metadata = { title: "文件夹" };

// Filter tabs group the states the way a person thinks of them.
const TABS: { key: string; label: string; states: ContractStatus[]; mine?: true }[] = [
  { key: "all", label: "全部", states: [] },
  { key: "mine", label: "待我处理", states: [], mine: true },
  { key: "pending", label: "待签署", states: ["PENDING_INFO", "PENDING_SIGN", "PENDING_CLAIM"] },
  { key: "effective", label: "已生效", states: ["EFFECTIVE", "RESCINDING", "SETTLING"] },
  { key: "ended", label: "已结束", states: ["RESCINDED", "SETTLED", "REJECTED", "REVOKED", "EXPIRED"] },
  { key: "draft", label: "草稿", states: ["DRAFT"] },
];
type Search = { tab?: string; kind?: string; q?: string; cursor?: string };

export default async function FolderPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const tab = TABS.find((t) => t.key === sp.tab) ?? TABS[0]!;
  // the kinds this user has contracts of, by name (借条, 租房合同 …, 自有文件)
  const kinds = await folderKinds(user.id);
  const kind = sp.kind && kinds.some((k) => k.kind === sp.kind) ? sp.kind : undefined;
  const q = (sp.q ?? "").slice(0, 50);
  const { items, nextCursor } = await listFolder(user.id, { status: tab.states, mine: tab.mine, kind, q, cursor: sp.cursor?.slice(0, 100) });
  const href = (over: Partial<Search>) => {
    const p = new URLSearchParams();
    const merged = { tab: tab.key, kind, q, ...over };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === "tab" && v === "all")) p.set(k, v);
    const s = p.toString();
    return s ? `/folder?${s}` : "/folder";
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">文件夹</h1>
      <form action="/folder" className="flex gap-2" role="search">
        {tab.key !== "all" && <input type="hidden" name="tab" value={tab.key} />}
        <input
          name="q"
          defaultValue={q}
          aria-label="搜索合同"
          placeholder="名称、对方或编号"
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3"
        />
        <select name="kind" defaultValue={kind ?? ""} aria-label="合同类型" className="min-h-11 w-28 shrink-0 rounded-lg border border-slate-300 bg-white px-2 sm:w-auto">
          <option value="">全部类型</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <button className="min-h-11 shrink-0 rounded-lg bg-brand-500 px-4 text-white">搜索</button>
      </form>
      <nav aria-label="按状态筛选" className="-mx-1 flex gap-1 overflow-x-auto px-1">
        {TABS.map((t) => (
          <Link
            key={t.key}
            href={href({ tab: t.key, cursor: undefined })}
            aria-current={t.key === tab.key ? "page" : undefined}
            className={`shrink-0 rounded-full px-3 py-1.5 text-sm ${t.key === tab.key ? "bg-brand-500 text-white" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-2xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-100">
          <p className="font-medium">暂无合同</p>
          <p className="text-sm text-slate-500">您发起或参与签署的合同会显示在这里</p>
        </div>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="folder-list">
          {items.map((it) => (
            <FolderRow key={it.contractId} it={it} email={user.email ?? ""} />
          ))}
        </ul>
      )}
      {(sp.cursor || nextCursor) && (
        <div className="flex justify-between text-sm">
          {sp.cursor ? <Link href={href({ cursor: undefined })}>回到第一页</Link> : <span />}
          {nextCursor && <Link href={href({ cursor: nextCursor })}>下一页</Link>}
        </div>
      )}
    </div>
  );
}

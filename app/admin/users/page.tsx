import { requireAdmin } from "@/lib/server/auth";
import Link from "next/link";
import { Pager } from "@/components/admin/Pager";
import { searchUsers } from "@/lib/server/admin";
import { maskPhone } from "@/lib/domain/phone";
import { formatShanghaiDateTime } from "@/lib/domain/dates";

const statusLabel = { ACTIVE: "正常", FROZEN: "已冻结", DELETED: "已注销" } as const;

export default async function AdminUsers({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin(); // each page, not only the layout: a soft navigation renders the page alone
  const { q, page, total, pages, rows } = await searchUsers(await searchParams);
  const href = (p: number) => `/admin/users?${new URLSearchParams({ q, page: String(p) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">用户</h1>
      <form className="flex gap-2" role="search">
        <input
          name="q"
          defaultValue={q}
          placeholder="手机号、姓名或证件号片段"
          aria-label="搜索用户"
          className="min-h-10 w-full max-w-sm rounded-lg border border-slate-300 bg-white px-3"
        />
        <button className="rounded-lg bg-brand-500 px-4 text-white">搜索</button>
      </form>
      <p className="text-sm text-slate-500">共 {total} 位用户</p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">手机号</th>
              <th className="px-4 py-2 font-medium">姓名</th>
              <th className="px-4 py-2 font-medium">证件号</th>
              <th className="px-4 py-2 font-medium">角色</th>
              <th className="px-4 py-2 font-medium">状态</th>
              <th className="px-4 py-2 font-medium">注册时间</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-100" data-testid="admin-user-row">
                <td className="px-4 py-2 font-mono">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-600 underline">
                    {u.status === "DELETED" ? "已注销账号" : maskPhone(u.phone)}
                  </Link>
                </td>
                <td className="px-4 py-2">{u.realName ?? <span className="text-slate-400">未实名</span>}</td>
                <td className="px-4 py-2 font-mono">{u.idMasked ?? "—"}</td>
                <td className="px-4 py-2">{u.role === "ADMIN" ? "管理员" : "用户"}</td>
                <td className="px-4 py-2">{statusLabel[u.status]}</td>
                <td className="px-4 py-2">{formatShanghaiDateTime(u.createdAt)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-8 text-center text-slate-500">
                  没有找到匹配的用户
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} href={href} />
    </div>
  );
}

import { notFound } from "next/navigation";
import Link from "next/link";
import { requireAdmin } from "@/lib/server/auth";
import { requestMeta } from "@/lib/server/request";
import { contractForAdmin } from "@/lib/server/admin";
import { STATE_LABELS } from "@/lib/domain/lifecycle";
import { kindLabel } from "@/lib/domain/templates/registry";
import { ACTION_LABELS, VERIFICATION_LABELS, roleLabel } from "@/lib/domain/contract-labels";
import { formatShanghaiDateTime } from "@/lib/domain/dates";
import { maskPhone } from "@/lib/domain/phone";

const ACTOR: Record<string, string> = { INITIATOR: "发起方", RECIPIENT: "签署方", REQUESTER: "申请方", RESPONDER: "确认方", SYSTEM: "系统" };
const PARTY_STATUS: Record<string, string> = { WAITING_INFO: "待补充", WAITING_SIGN: "待签署", SIGNED: "已签署", REJECTED: "已拒签", CONFIRMED: "已确认" };

/** 合同详情 for an admin: opening it is recorded in the admin audit. */
export default async function AdminContract({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const c = await contractForAdmin({ admin, ip: (await requestMeta()).ip }, (await params).id);
  if (!c) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">
        {c.title} <span className="font-mono text-base text-slate-500">{c.number}</span>
      </h1>
      <section className="grid gap-1 rounded-xl bg-white p-4 text-sm shadow-sm">
        <p>类型：{kindLabel(c.kind)}</p>
        <p data-testid="admin-contract-status">状态：{STATE_LABELS[c.status]}</p>
        <p>创建：{formatShanghaiDateTime(c.createdAt)}</p>
        {c.pdfSha256 && (
          <p>
            文件：
            <a href={`/api/admin/contracts/${c.id}/pdf`} className="text-brand-600 underline">
              下载合同PDF
            </a>
            <span className="ml-2 font-mono text-xs text-slate-500">SHA-256 {c.pdfSha256.slice(0, 16)}…</span>
          </p>
        )}
      </section>
      <section className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">签署方</h2>
        <table className="w-full min-w-[560px] text-left text-sm">
          <tbody>
            {c.parties.map((p) => (
              <tr key={p.id} className="border-t border-slate-100">
                <td className="py-1.5">{roleLabel(p.role, c.kind)}</td>
                <td>{p.name ?? "待补充"}</td>
                <td className="font-mono">{p.idMasked ?? "—"}</td>
                <td className="font-mono">{p.phone ? maskPhone(p.phone) : "—"}</td>
                <td>{PARTY_STATUS[p.status] ?? p.status}</td>
                <td>{p.userId ? <Link href={`/admin/users/${p.userId}`} className="text-brand-600 underline">账号</Link> : "未绑定"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">操作记录</h2>
        <ol className="flex flex-col gap-2 text-sm">
          {c.events.map((e) => {
            const d = (e.detail ?? {}) as { verification?: string; reason?: string };
            return (
              <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                <p>
                  {ACTION_LABELS[e.action] ?? e.action} · {e.fromStatus ? STATE_LABELS[e.fromStatus] : "—"} → {STATE_LABELS[e.toStatus]}
                  {d.verification && <span className="text-slate-500"> · {VERIFICATION_LABELS[d.verification] ?? d.verification}</span>}
                </p>
                <p className="text-xs text-slate-500">
                  {formatShanghaiDateTime(e.createdAt)} · {ACTOR[e.actorRole] ?? e.actorRole} {e.ip ? `· ${e.ip}` : ""} {d.reason ? `· 原因：${d.reason}` : ""}
                </p>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

import { adminOverview } from "@/lib/server/admin/users";

export default async function AdminHome() {
  const o = await adminOverview();
  const cards = [
    { label: "注册用户", value: o.users },
    { label: "已实名用户", value: o.verified },
    { label: "待发送消息", value: o.outboxPending },
    { label: "发送失败消息", value: o.outboxFailed },
  ];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">概览</h1>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {cards.map((c) => (
          <li key={c.label} className="rounded-xl bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-500">{c.label}</p>
            <p className="mt-1 text-2xl font-semibold">{c.value}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

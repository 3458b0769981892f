import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth";
import { contractsAwaitingMySignature } from "@/lib/server/account";
import { STATE_LABELS } from "@/lib/domain/lifecycle";
import { RenameFlow } from "@/components/account/RenameFlow";

export const metadata: Metadata = { title: "更名" };
export const dynamic = "force-dynamic";

export default async function RenamePage() {
  const user = await requireUser();
  if (!user.verifiedAt || !user.realName) redirect("/realname");
  const open = await contractsAwaitingMySignature(user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">变更个人姓名</h1>
      <RenameFlow currentName={user.realName} idMasked={user.idMasked ?? ""} open={open.map((c) => ({ id: c.id, title: c.title, number: c.number, statusLabel: STATE_LABELS[c.status] }))} />
    </div>
  );
}

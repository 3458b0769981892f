import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { runDueJobs } from "@/lib/server/jobs";
import { initiatorAction } from "@/lib/server/contracts";
import { closeStart, accountVerified } from "@/lib/server/account";
import { faceProof } from "@/lib/server/identity/test-kit";
import { iouDraftSave, iouForm, meta, payContract, person, sign, versionOf } from "@/lib/server/contracts/test-kit";
import { adminOverview } from "./overview";

// 概览's tiles: 净收入 is what was paid minus what was refunded; closed accounts are not users.

async function paidIou(u: User, other: User) {
  const d = await iouDraftSave(u, { form: iouForm({ counterpartyPhone: other.phone }), complete: true });
  if (!d.ok) throw new Error(JSON.stringify(d));
  const order = await payContract(u, d.data.contractId);
  expect(order).toMatchObject({ status: "PAID", amountFen: 690 });
  return d.data.contractId;
}

describe("admin overview figures", () => {
  it("净收入 = paid − refunded: two 借条 fees paid, one revoked and refunded", async () => {
    const u = await person("收入甲");
    const other = await person("收入乙");
    const first = await paidIou(u, other);
    await paidIou(u, other);
    expect((await adminOverview({ days: "7" })).money).toEqual({ paidFen: 1380, refundedFen: 0, netFen: 1380 });

    expect(await sign(u, first)).toMatchObject({ ok: true });
    expect(await initiatorAction(u, "revoke", { contractId: first, version: await versionOf(first) }, meta)).toMatchObject({ ok: true });
    while ((await runDueJobs()) > 0);
    expect((await db().order.findFirstOrThrow({ where: { contractId: first } })).status).toBe("REFUNDED");
    const o = await adminOverview({ days: "7" });
    expect(o.money).toEqual({ paidFen: 1380, refundedFen: 690, netFen: 690 });
    // the chart keeps both sides, in yuan
    expect(o.revenue.reduce((a, p) => a + Number(p["收入"]), 0)).toBeCloseTo(13.8);
    expect(o.revenue.reduce((a, p) => a + Number(p["退款"]), 0)).toBeCloseTo(6.9);
  });

  it("a closed (注销) real-named account is counted neither as a user nor as real-named", async () => {
    const u = await person("注销计数");
    const before = (await adminOverview({ days: "7" })).totals;
    const held = await closeStart(u);
    if (!held.ok) throw new Error(JSON.stringify(held));
    expect(await accountVerified(u, await faceProof(u, held.data.faceCheckId), meta.ip)).toMatchObject({ ok: true });
    const closed = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(closed.status).toBe("DELETED");
    expect(closed.verifiedAt).not.toBeNull(); // the row keeps when it was verified
    expect((await adminOverview({ days: "7" })).totals).toEqual({ users: before.users - 1, verified: before.verified - 1 });
  });
});

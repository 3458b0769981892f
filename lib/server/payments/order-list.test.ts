import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { initiatorAction, templateDraftSave, templateInitiate } from "@/lib/server/contracts";
import { searchOrders } from "@/lib/server/admin";
import { approveInSandbox, iouDraftSave, iouForm, meta, payContract, person, sign, versionOf } from "@/lib/server/contracts/test-kit";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { shanghaiToday } from "@/lib/domain/dates";
import { orderAmountLabel, orderStatusLabel, orderSubjectLine } from "@/lib/domain/order-labels";
import { contractFee, couponRedeem, orderCreate, orderFor, ordersFor, orderSubjects } from "./index";

// 我的订单 and the admin's order list: each order names what it was for; a fee covered in full is
// a ¥0 ledger entry (it holds the free slot / coupon) that is never listed as a paid order.

const rental = wizardTemplateById("rental")!;

async function rentalSent(landlord: User, tenant: User) {
  const saved = await templateDraftSave(landlord, {
    contractId: null,
    templateId: "rental",
    party: { myRole: rental.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: tenant.phone },
    form: realFrom(rental.sample(shanghaiToday(now()))),
    complete: true,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const id = saved.data.contractId;
  expect(await templateInitiate(landlord, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
  return id;
}

const slotsLeft = async (u: User) => (await contractFee(u.id, { id: "none", kind: "rental" })).quote.lines.map((l) => l.label).join(" ");

async function iouDraft(u: User, counterpartyPhone?: string) {
  const d = await iouDraftSave(u, { form: iouForm(counterpartyPhone ? { counterpartyPhone } : {}), complete: true });
  if (!d.ok) throw new Error(JSON.stringify(d));
  return d.data.contractId;
}

describe("我的订单", () => {
  it("a contract within the free quota makes no paid order; its ledger entry holds the slot, and 撤销 gives it back", async () => {
    const landlord = await person("额度房东");
    const tenant = await person("额度租客", "19920202");
    expect(await slotsLeft(landlord)).toContain("本月剩余3次");
    const id = await rentalSent(landlord, tenant);

    const ledger = await db().order.findFirstOrThrow({ where: { contractId: id } });
    expect(ledger).toMatchObject({ usesFreeSlot: true, amountFen: 0, status: "PAID" });
    expect(orderAmountLabel(ledger)).toBe("免费额度");
    expect(orderStatusLabel(ledger)).toBe("已抵扣");
    expect(await ordersFor(landlord.id)).toEqual([]);
    expect(await slotsLeft(landlord)).toContain("本月剩余2次");
    // the fee is settled: nothing more is asked for this contract
    expect((await contractFee(landlord.id, { id, kind: "rental" })).due).toBe(false);

    expect(await initiatorAction(landlord, "revoke", { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    while ((await runDueJobs()) > 0);
    const back = await db().order.findUniqueOrThrow({ where: { id: ledger.id } });
    expect(back.status).toBe("REFUNDED");
    expect(orderStatusLabel(back)).toBe("已退回");
    expect(await slotsLeft(landlord)).toContain("本月剩余3次");
    expect(await ordersFor(landlord.id)).toEqual([]);
    expect(await db().outboxMessage.count({ where: { to: landlord.phone, kind: "order.refunded" } })).toBe(0);

    // the admin still sees the ledger entry, named and not as a payment
    const admin = await searchOrders({ q: ledger.number });
    expect(admin.rows).toHaveLength(1);
    expect(orderAmountLabel(admin.rows[0]!)).toBe("免费额度");
    expect(orderSubjectLine(admin.rows[0]!, admin.rows[0]!.subject)).toContain("租房合同");
  });

  it("a coupon covering the whole fee is not listed either; a paid fee is, with its contract's title and number", async () => {
    const u = await person("列表甲");
    const other = await person("列表乙");
    const batch = await db().couponBatch.create({
      data: { name: "全免", kind: "FIXED", amountFen: 1000, validFrom: new Date(now().getTime() - 86_400_000), validTo: new Date(now().getTime() + 86_400_000), code: `L${Math.random().toString(36).slice(2, 10).toUpperCase()}`, createdAt: now() },
    });
    expect(await couponRedeem(u, { code: batch.code })).toMatchObject({ ok: true });
    const coupon = await db().coupon.findFirstOrThrow({ where: { batchId: batch.id, userId: u.id } });
    const free = await iouDraft(u, other.phone);
    expect(await orderCreate(u, { purpose: "CONTRACT", contractId: free, couponId: coupon.id, expectedTotalFen: 0 })).toMatchObject({ ok: true, data: { payUrl: null } });
    const settled = await db().order.findFirstOrThrow({ where: { contractId: free } });
    expect(orderAmountLabel(settled)).toBe("优惠券抵扣");

    const paidId = await iouDraft(u, other.phone);
    const paid = await payContract(u, paidId);
    const contract = await db().contract.findUniqueOrThrow({ where: { id: paidId } });
    const rows = await ordersFor(u.id);
    expect(rows.map((r) => r.id)).toEqual([paid!.id]);
    expect(rows[0]!.subject.contract).toEqual({ id: paidId, title: contract.title, number: contract.number, visible: true });
    expect(orderSubjectLine(rows[0]!, rows[0]!.subject)).toBe(`${contract.title} · ${contract.number}`);
    expect(orderAmountLabel(rows[0]!)).toBe("¥6.90");
    expect((await orderFor(u.id, paid!.id))?.subject.contract).toMatchObject({ id: paidId, visible: true });
    // someone else's order is not theirs to read
    expect(await orderFor(other.id, paid!.id)).toBeNull();

    // a paid draft deleted (refunded) still names the contract, but offers no link to it
    expect(await initiatorAction(u, "discard", { contractId: paidId, version: await versionOf(paidId) }, meta)).toMatchObject({ ok: true });
    while ((await runDueJobs()) > 0);
    const after = (await ordersFor(u.id))[0]!;
    expect(after).toMatchObject({ id: paid!.id, status: "REFUNDED" });
    expect(after.subject.contract).toMatchObject({ title: contract.title, number: contract.number, visible: false });

    // the admin finds the order by the contract's number and sees the contract named
    const byNumber = await searchOrders({ q: contract.number });
    expect(byNumber.rows.map((r) => r.id)).toEqual([paid!.id]);
    expect(byNumber.rows[0]!.subject.contract).toMatchObject({ id: paidId, number: contract.number, visible: true });
  });

  it("the other side of a contract sees it named and linked once it is sent, not while it is a draft", async () => {
    const u = await person("对方甲");
    const other = await person("对方乙");
    const id = await iouDraft(u, other.phone);
    const paid = await payContract(u, id);
    expect(await sign(u, id)).toMatchObject({ ok: true });
    // the subject as the counterparty would read it (a report they order names the same contract)
    expect((await orderSubjects([paid!], other.id)).get(paid!.id)!.contract).toMatchObject({ id, visible: true });
    const draft = await iouDraft(u, other.phone);
    const draftPaid = await payContract(u, draft);
    expect((await orderSubjects([draftPaid!], other.id)).get(draftPaid!.id)!.contract).toMatchObject({ id: draft, visible: false });
    expect((await orderSubjects([draftPaid!], u.id)).get(draftPaid!.id)!.contract).toMatchObject({ id: draft, visible: true });
  });

  it("a saver-card order says until when the card runs", async () => {
    const u = await person("月卡甲");
    const res = await orderCreate(u, { purpose: "SAVER_CARD", expectedTotalFen: 1990 });
    if (!res.ok || !res.data.payUrl) throw new Error(JSON.stringify(res));
    await approveInSandbox(res.data.payUrl);
    const card = await db().saverCard.findFirstOrThrow({ where: { userId: u.id } });
    const [row] = await ordersFor(u.id);
    expect(row).toMatchObject({ purpose: "SAVER_CARD", status: "PAID" });
    expect(row!.subject).toEqual({ contract: null, cardValidTo: card.validTo });
    expect(orderSubjectLine(row!, row!.subject)).toMatch(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

// 文件夹 rows say what each contract is, per viewer: 对方 (待对方填写 while theirs to enter), the
// amount, the number, what it waits for from this user's side and whether 催办 applies; the kind
// filter lists the kinds the user has; search finds a contract by its number.
import { describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { FOLDER_RESYNC_JOB, folderKinds, initiatorAction, listFolder, supplementInfo, syncFolder, templateDraftSave, templateInitiate, waitingForMe } from "./index";
import { initiate, iouForm, meta, person, sign, validIdOf, versionOf } from "./test-kit";

const rowOf = async (u: User, contractId: string) => {
  const row = (await listFolder(u.id, {})).items.find((i) => i.contractId === contractId);
  if (!row) throw new Error(`no folder row of ${contractId} for ${u.realName}`);
  return { counterparty: row.counterparty, amountFen: row.amountFen, number: row.number, waitingFor: row.waitingFor, mayUrge: row.mayUrge, contractVersion: row.contractVersion };
};
const numberOf = async (id: string) => (await db().contract.findUniqueOrThrow({ where: { id } })).number;

describe("文件夹 rows", () => {
  it("借条 (对方填): 待对方填写 and 待对方补充信息 for the lender, 待我补充信息 for the borrower, then 待对方签署 / 待我签署; 催办 from the row's version", async () => {
    const a = await person("文件甲");
    const b = await person("文件乙", "19870707");
    const { c, recipient } = await initiate(a, iouForm({ counterpartyPhone: b.phone, amount: "8000" }));
    expect(await rowOf(a, c.id)).toEqual({ counterparty: "待对方填写", amountFen: 800_000, number: c.number, waitingFor: "待对方补充信息", mayUrge: true, contractVersion: await versionOf(c.id) });
    expect(await rowOf(b, c.id)).toMatchObject({ counterparty: "文件甲", amountFen: 800_000, number: c.number, waitingFor: "待我补充信息", mayUrge: false });

    // 催办 with the version the row carries; the row follows the contract's new version
    const row = await rowOf(a, c.id);
    expect(await initiatorAction(a, "urge", { contractId: c.id, version: row.contractVersion }, meta)).toMatchObject({ ok: true });
    expect((await rowOf(a, c.id)).contractVersion).toBe(row.contractVersion + 1);
    expect(await initiatorAction(a, "urge", { contractId: c.id, version: (await rowOf(a, c.id)).contractVersion }, meta)).toEqual({ ok: false, error: "每小时只能催办一次，请稍后再试" });

    expect((await supplementInfo(b, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).ok).toBe(true);
    expect(await rowOf(a, c.id)).toMatchObject({ counterparty: "文件乙", waitingFor: "待对方签署", mayUrge: true });
    expect(await rowOf(b, c.id)).toMatchObject({ counterparty: "文件甲", waitingFor: "待我签署", mayUrge: false });
    // 待我处理 (home page, folder tab): the borrower's, not the lender's
    expect((await waitingForMe(b.id)).items.map((i) => i.contractId)).toEqual([c.id]);
    expect(await waitingForMe(a.id)).toEqual({ items: [], total: 0 });
    expect((await listFolder(b.id, { mine: true })).items.map((i) => i.contractId)).toEqual([c.id]);

    expect(await sign(b, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
    expect((await waitingForMe(b.id)).total).toBe(0);
    for (const u of [a, b]) expect(await rowOf(u, c.id)).toMatchObject({ waitingFor: null, mayUrge: false, amountFen: 800_000, number: c.number });
  });

  it("对方先签 (租房合同): once the tenant has signed the landlord reads 待我签署 with no 催办, the tenant 待对方签署", async () => {
    const rental = wizardTemplateById("rental")!;
    const landlord = await person("文件房东");
    const tenant = await person("文件租客", "19920202");
    const form = realFrom(rental.sample(shanghaiToday(now())));
    const saved = await templateDraftSave(landlord, {
      contractId: null,
      templateId: "rental",
      party: { myRole: rental.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: tenant.phone },
      form,
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    const rentFen = rental.headlineFen(rental.facts(rental.schema({ today: shanghaiToday(now()) }).parse(form)));
    expect(rentFen).toBeGreaterThan(0);
    // a draft: the author's alone, nothing awaited yet
    expect(await rowOf(landlord, id)).toMatchObject({ counterparty: "待对方填写", amountFen: rentFen, waitingFor: null, mayUrge: false });
    expect(await templateInitiate(landlord, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    const token = (await db().party.findFirstOrThrow({ where: { contractId: id, isInitiator: false } })).inviteToken!;
    expect(await supplementInfo(tenant, { token, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect(await rowOf(landlord, id)).toMatchObject({ counterparty: "文件租客", waitingFor: "待对方签署", mayUrge: true });
    // the signature moves what it waits for while the status stays 待签署
    expect(await sign(tenant, id, token)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_SIGN");
    expect(await rowOf(landlord, id)).toMatchObject({ waitingFor: "待我签署", mayUrge: false });
    expect(await rowOf(tenant, id)).toMatchObject({ counterparty: "文件房东", waitingFor: "待对方签署", mayUrge: false });
  });

  it("three parties: each awaited signer by name (待债权人乙、新债务人丙签署 → 待债权人乙签署), the initiator's own turn, 催办 only while others are awaited", async () => {
    const t = wizardTemplateById("debt-transfer")!;
    const original = await person("原债务人甲");
    const creditor = await person("债权人乙", "19850505");
    const next = await person("新债务人丙", "19920606");
    const row = (over: Record<string, string> = {}) => ({ fill: "COUNTERPARTY", name: "", idType: "CN_RESIDENT", idNumber: "", phone: "", ...over });
    const saved = await templateDraftSave(original, {
      contractId: null,
      templateId: t.id,
      party: { myRole: "ORIGINAL_DEBTOR", counterparties: [row({ fill: "SELF", name: "债权人乙", idNumber: validIdOf(creditor), phone: creditor.phone }), row({ phone: next.phone })] },
      form: realFrom(t.sample(shanghaiToday(now()))),
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    expect(await templateInitiate(original, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    // the creditor (named by me) can do nothing until the new debtor's identity is in
    expect(await rowOf(original, id)).toMatchObject({ counterparty: "债权人乙、待对方填写", waitingFor: "待对方补充信息", mayUrge: true });
    expect(await rowOf(next, id)).toMatchObject({ waitingFor: "待我补充信息", mayUrge: false });

    const parties = await db().party.findMany({ where: { contractId: id }, orderBy: { seq: "asc" } });
    const [cr, , nd] = parties;
    expect(await supplementInfo(next, { token: nd!.inviteToken, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect(await rowOf(original, id)).toMatchObject({ counterparty: "债权人乙、新债务人丙", waitingFor: "待债权人乙、新债务人丙签署", mayUrge: true });
    expect(await rowOf(next, id)).toMatchObject({ counterparty: "债权人乙、原债务人甲", waitingFor: "待我签署" });

    expect(await sign(next, id, nd!.inviteToken!)).toMatchObject({ ok: true });
    expect(await rowOf(original, id)).toMatchObject({ waitingFor: "待债权人乙签署", mayUrge: true });
    expect(await rowOf(next, id)).toMatchObject({ waitingFor: "待债权人乙签署", mayUrge: false });

    expect(await sign(creditor, id, cr!.inviteToken!)).toMatchObject({ ok: true });
    expect(await rowOf(original, id)).toMatchObject({ waitingFor: "待我签署", mayUrge: false });
    expect(await rowOf(creditor, id)).toMatchObject({ waitingFor: "待原债务人甲签署", mayUrge: false });
  });

  it("search finds a contract by its number (whole or its beginning), and the kind filter lists the kinds this user has, by name", async () => {
    const a = await person("编号甲");
    const b = await person("编号乙", "19880808");
    const iou = await initiate(a, iouForm({ counterpartyPhone: b.phone }));
    const receipt = wizardTemplateById("receipt")!;
    const saved = await templateDraftSave(a, {
      contractId: null,
      templateId: "receipt",
      party: { myRole: "PAYEE", counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: b.phone },
      form: realFrom(receipt.sample(shanghaiToday(now()))),
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // an own document has no amount, and its kind reads 自有文件
    const own = await db().$transaction(async (tx) => {
      const c = await tx.contract.create({ data: { number: "WJ2026120700000001", kind: "file", title: "装修补充协议", initiatorId: a.id, facts: {} } });
      await tx.party.create({ data: { contractId: c.id, seq: 0, role: "SIGNER", isInitiator: true, fillMode: "SELF", userId: a.id, name: a.realName, status: "WAITING_SIGN" } });
      await syncFolder(tx, c.id);
      return c;
    });
    expect(await rowOf(a, own.id)).toMatchObject({ amountFen: null, number: "WJ2026120700000001", counterparty: "" });

    const n = iou.c.number;
    const ids = async (q: string) => (await listFolder(a.id, { q })).items.map((i) => i.contractId);
    expect(await ids(n)).toEqual([iou.c.id]);
    expect(await ids(n.slice(0, n.length - 3))).toContain(iou.c.id);
    expect(await ids(n.toLowerCase())).toEqual([iou.c.id]);
    expect(await ids(n.slice(3))).not.toContain(iou.c.id); // the middle of a number is not a match
    expect(await ids(await numberOf(saved.data.contractId))).toEqual([saved.data.contractId]);
    expect(await ids("借条")).toEqual([iou.c.id]); // titles still match

    expect(await folderKinds(a.id)).toEqual([
      { kind: "iou", label: "借条" },
      { kind: "receipt", label: "收据" },
      { kind: "file", label: "自有文件" },
    ]);
    expect(await folderKinds(b.id)).toEqual([{ kind: "iou", label: "借条" }]); // a draft is its author's alone
    expect((await listFolder(a.id, { kind: "receipt" })).items.map((i) => i.contractId)).toEqual([saved.data.contractId]);
  });

  it("the backfill job re-syncs rows written before the columns existed", async () => {
    const a = await person("回填甲");
    const b = await person("回填乙", "19890909");
    const { c } = await initiate(a, iouForm({ counterpartyPhone: b.phone }));
    // as the migration leaves an old row: copied columns only
    await db().folderEntry.updateMany({ where: { contractId: c.id }, data: { counterparty: "", waitingFor: null, mayUrge: false } });
    await db().job.create({ data: { name: FOLDER_RESYNC_JOB, payload: {} } });
    while ((await runDueJobs(50)) > 0);
    expect(await rowOf(a, c.id)).toMatchObject({ counterparty: "待对方填写", waitingFor: "待对方补充信息", mayUrge: true });
    expect(await rowOf(b, c.id)).toMatchObject({ waitingFor: "待我补充信息" });
  });
});

import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { blobStore } from "@/lib/server/storage";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { pdfsigBlocks, strictVerdict, trustingNssDb } from "@/lib/server/pki/test-nss";
import { meta, payContract, person, sign, versionOf, validIdOf } from "./test-kit";
import { claimStart, rejectContract, signFinish, supplementInfo, templateDraftSave, templateInitiate } from "./index";
import { faceProof } from "@/lib/server/identity/test-kit";

const rental = wizardTemplateById("rental")!;

describe("模板合同: 对方先签", () => {
  it("租房合同: the landlord sends it (first of the month free), the tenant supplements and signs, then the landlord signs → 已生效 with signatures in that order", async () => {
    const landlord = await person("房东甲");
    const tenant = await person("租客乙", "19920202");
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
    // the initiator does not sign first
    expect(await sign(landlord, id)).toMatchObject({ ok: false, error: "请先发起，对方签署后您再签署" });
    expect(await templateInitiate(landlord, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    const c = await db().contract.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    expect(c.status).toBe("PENDING_INFO");
    expect(await db().order.findFirstOrThrow({ where: { contractId: id } })).toMatchObject({ usesFreeSlot: true, amountFen: 0, status: "PAID" });
    const recipient = c.parties.find((p) => !p.isInitiator)!;
    expect(await supplementInfo(tenant, { token: recipient.inviteToken, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect(await sign(landlord, id)).toMatchObject({ ok: false, error: "请等待对方签署后再签署" });
    expect(await sign(tenant, id, recipient.inviteToken!)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_SIGN");
    expect(await db().outboxMessage.count({ where: { to: landlord.phone, kind: "contract.initiatorTurn" } })).toBe(1);

    expect(await sign(landlord, id)).toMatchObject({ ok: true });
    const done = await db().contract.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe("EFFECTIVE");
    const blocks = pdfsigBlocks((await blobStore().get(done.pdfSha256!))!, await trustingNssDb());
    expect(blocks.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["租客乙", "房东甲", "个人电子签 平台签章"]);
    for (const b of blocks) expect(b).toContain("Signature is Valid.");
    const strict = await strictVerdict((await blobStore().get(done.pdfSha256!))!);
    expect(strict.code, strict.out).toBe(0);
  });

  it("the initiator may decline (拒签) once the other side has signed, not before; the other side is told why", async () => {
    const landlord = await person("房东戊");
    const tenant = await person("租客己", "19930303");
    const saved = await templateDraftSave(landlord, {
      contractId: null,
      templateId: "rental",
      party: { myRole: "LANDLORD", counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: tenant.phone },
      form: realFrom(rental.sample(shanghaiToday(now()))),
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    await templateInitiate(landlord, { contractId: id, version: await versionOf(id) }, meta);
    const decline = async () => rejectContract(landlord, { contractId: id, version: await versionOf(id), reason: "租客信息有误" }, meta);
    expect(await decline()).toMatchObject({ ok: false });
    const link = (await db().party.findFirstOrThrow({ where: { contractId: id, isInitiator: false } })).inviteToken!;
    await supplementInfo(tenant, { token: link, version: await versionOf(id) }, meta);
    expect(await sign(tenant, id, link)).toMatchObject({ ok: true });
    expect(await rejectContract(tenant, { contractId: id, version: await versionOf(id), reason: "冒充发起方" }, meta)).toMatchObject({ ok: false, error: "合同不存在" });
    expect(await decline()).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
    expect((await db().outboxMessage.findFirstOrThrow({ where: { to: tenant.phone, kind: "contract.rejected" } })).body).toContain("租客信息有误");
  });

  it("refuses bad facts with field paths and a counterparty who is me", async () => {
    const u = await person("模板丙");
    const today = shanghaiToday(now());
    const party = { myRole: rental.defaultInitiator, counterpartyFill: "COUNTERPARTY" as const, counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "13912345678" };
    const bad = await templateDraftSave(u, { contractId: null, templateId: "rental", party, form: { ...realFrom(rental.sample(today)), rent: "-5" }, complete: true });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "form.rent": expect.any(String) } });
    const me = await templateDraftSave(u, { contractId: null, templateId: "rental", party: { ...party, counterpartyFill: "SELF", counterpartyName: "模板丙", counterpartyIdNumber: validIdOf(u) }, form: realFrom(rental.sample(today)), complete: true });
    expect(me).toMatchObject({ ok: false, fieldErrors: { "party.counterparties.0.idNumber": "对方不能是您本人" } });
    const noPhone = await templateDraftSave(u, { contractId: null, templateId: "rental", party: { ...party, counterpartyPhone: "" }, form: realFrom(rental.sample(today)), complete: true });
    expect(noPhone).toMatchObject({ ok: false, fieldErrors: { "party.counterparties.0.phone": "请输入对方的手机号，用于发送签署邀请" } });
    expect(await templateDraftSave(u, { contractId: null, templateId: "nope", party, form: {}, complete: false })).toMatchObject({ ok: false, error: "模板不存在" });
    // 参照示例填写 sent unchanged: refused on each made-up value
    const unchanged = await templateDraftSave(u, { contractId: null, templateId: "rental", party, form: rental.sample(today), complete: true });
    expect(unchanged).toMatchObject({ ok: false, error: "请把示例内容改为实际信息", fieldErrors: { "form.address.detail": "这是示例内容，请改为实际信息", "form.payeeAccount": "这是示例内容，请改为实际信息" } });
    expect(await db().contract.count({ where: { initiatorId: u.id } })).toBe(0);
    // …while a draft may keep it for now
    expect(await templateDraftSave(u, { contractId: null, templateId: "rental", party, form: rental.sample(today), complete: false })).toMatchObject({ ok: true });
  });
});

const receipt = wizardTemplateById("receipt")!;
const receiptParty = (myRole: "PAYEE" | "PAYER", phone: string) => ({ myRole, counterpartyFill: "COUNTERPARTY" as const, counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: phone });

describe("收据", () => {
  it("我收款: the payee signs and pays; the payer supplies, then 确认领取 → 已生效, signed by the payee and sealed", async () => {
    const payee = await person("收款甲");
    const payer = await person("付款乙", "19880808");
    const saved = await templateDraftSave(payee, { contractId: null, templateId: "receipt", party: receiptParty("PAYEE", payer.phone), form: realFrom(receipt.sample(shanghaiToday(now()))), complete: true });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    expect(await templateInitiate(payee, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: false, error: "该合同需要您先签署" });
    await payContract(payee, id);
    expect(await sign(payee, id)).toMatchObject({ ok: true });
    const c = await db().contract.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    expect(c.status).toBe("PENDING_INFO");
    const link = c.parties.find((p) => !p.isInitiator)!.inviteToken!;
    expect(await supplementInfo(payer, { token: link, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_CLAIM");
    const started = await claimStart(payer, { token: link, version: await versionOf(id) });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(await signFinish(payer, await faceProof(payer, started.data.faceCheckId), meta)).toMatchObject({ ok: true });
    const done = await db().contract.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    expect(done.status).toBe("EFFECTIVE");
    expect(done.parties.find((p) => p.role === "PAYER")!.status).toBe("CONFIRMED");
    const blocks = pdfsigBlocks((await blobStore().get(done.pdfSha256!))!, await trustingNssDb());
    expect(blocks.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["收款甲", "个人电子签 平台签章"]);
    const strict = await strictVerdict((await blobStore().get(done.pdfSha256!))!);
    expect(strict.code, strict.out).toBe(0);
  });

  it("我付款: the payer 确认开具 without signing; the payee signs → 已生效", async () => {
    const payer = await person("付款丙");
    const payee = await person("收款丁", "19870707");
    const saved = await templateDraftSave(payer, { contractId: null, templateId: "receipt", party: receiptParty("PAYER", payee.phone), form: realFrom(receipt.sample(shanghaiToday(now()))), complete: true });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    expect(await sign(payer, id)).toMatchObject({ ok: false, error: "请确认开具，由收款人签署" });
    await payContract(payer, id);
    expect(await templateInitiate(payer, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    const c = await db().contract.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    const link = c.parties.find((p) => !p.isInitiator)!.inviteToken!;
    expect(await supplementInfo(payee, { token: link, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_SIGN");
    expect(await sign(payee, id, link)).toMatchObject({ ok: true });
    const done = await db().contract.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe("EFFECTIVE");
    const strict = await strictVerdict((await blobStore().get(done.pdfSha256!))!);
    expect(strict.code, strict.out).toBe(0);
  });
});

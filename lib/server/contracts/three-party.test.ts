// A template with three parties (债务转移协议: creditor, original and new debtor) goes through the
// same generic code as every two-party one: one party row per other role, each invited, each
// signing, the initiator last; the document prints 甲/乙/丙 and the PDF carries three signatures.
import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { blobStore } from "@/lib/server/storage";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { pdfsigBlocks, strictVerdict, trustingNssDb } from "@/lib/server/pki/test-nss";
import { meta, person, sign, validIdOf, versionOf } from "./test-kit";
import { documentFor, supplementInfo, templateDraftSave, templateInitiate } from "./index";

const t = wizardTemplateById("debt-transfer")!;
const row = (over: Record<string, string> = {}) => ({ fill: "COUNTERPARTY", name: "", idType: "CN_RESIDENT", idNumber: "", phone: "", ...over });

describe("模板合同: three parties", () => {
  it("债务转移协议: the original debtor sends it, the creditor (我来填) and the new debtor (对方填) each sign, then the initiator → 已生效 with three signatures", async () => {
    const original = await person("原债务人甲");
    const creditor = await person("债权人乙", "19850505");
    const next = await person("新债务人丙", "19920606");
    const saved = await templateDraftSave(original, {
      contractId: null,
      templateId: t.id,
      // rows follow the template's roles other than mine: 债权人, then 新债务人
      party: { myRole: "ORIGINAL_DEBTOR", counterparties: [row({ fill: "SELF", name: "债权人乙", idNumber: validIdOf(creditor), phone: creditor.phone }), row({ phone: next.phone })] },
      form: realFrom(t.sample(shanghaiToday(now()))),
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    const parties = await db().party.findMany({ where: { contractId: id }, orderBy: { seq: "asc" } });
    expect(parties.map((p) => [p.role, p.isInitiator, p.status])).toEqual([
      ["CREDITOR", false, "WAITING_SIGN"],
      ["ORIGINAL_DEBTOR", true, "WAITING_SIGN"],
      ["NEW_DEBTOR", false, "WAITING_INFO"],
    ]);

    expect(await templateInitiate(original, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_INFO");
    // invited when they can act: the new debtor to supply their identity now, the creditor (named by me) once it is in
    expect(await db().outboxMessage.count({ where: { to: next.phone, kind: "contract.invite" } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { to: creditor.phone, kind: "contract.invite" } })).toBe(0);

    const [cr, , nd] = parties;
    expect(await sign(creditor, id, cr!.inviteToken!)).toMatchObject({ ok: false }); // the contract still waits for the new debtor's identity
    expect(await supplementInfo(next, { token: nd!.inviteToken, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_SIGN");
    // the creditor, refused while the identity was missing, is told it is their turn; the one who just supplied is not
    const creditorInvites = await db().outboxMessage.findMany({ where: { to: creditor.phone, kind: "contract.invite" } });
    expect(creditorInvites.map((m) => m.body)).toEqual([expect.stringContaining("轮到您签署了")]);
    expect(await db().outboxMessage.count({ where: { to: next.phone, kind: "contract.invite" } })).toBe(1);
    expect(await sign(next, id, nd!.inviteToken!)).toMatchObject({ ok: true });
    expect(await sign(original, id)).toMatchObject({ ok: false, error: "请等待对方签署后再签署" });
    expect(await sign(creditor, id, cr!.inviteToken!)).toMatchObject({ ok: true });
    expect(await db().outboxMessage.count({ where: { to: original.phone, kind: "contract.initiatorTurn" } })).toBe(1);
    expect(await sign(original, id)).toMatchObject({ ok: true });

    const done = await db().contract.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    expect(done.status).toBe("EFFECTIVE");
    const doc = documentFor(done, done.parties);
    const fields = doc.blocks[0]!.type === "fields" ? doc.blocks[0]!.rows.map((r) => `${r.label}：${r.value}`) : [];
    expect(fields.filter((f) => /（[甲乙丙]方）/.test(f))).toEqual(["债权人（甲方）：债权人乙", "原债务人（乙方）：原债务人甲", "新债务人（丙方）：新债务人丙"]);
    expect(JSON.stringify(doc)).toContain("各方均完成签署时成立并生效");
    expect(doc.signers.map((s) => s.name)).toEqual(["债权人乙", "原债务人甲", "新债务人丙"]);

    const pdf = (await blobStore().get(done.pdfSha256!))!;
    const blocks = pdfsigBlocks(pdf, await trustingNssDb());
    expect(blocks.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["新债务人丙", "债权人乙", "原债务人甲", "个人电子签 平台签章"]);
    for (const b of blocks) expect(b).toContain("Signature is Valid.");
    const strict = await strictVerdict(pdf);
    expect(strict.code, strict.out).toBe(0);
  });

  it("refuses a missing row, the same phone twice, the same ID twice and myself, each on its field", async () => {
    const u = await person("三方丁");
    const other = await person("三方戊", "19880808");
    const form = realFrom(t.sample(shanghaiToday(now())));
    const save = (counterparties: unknown[]) => templateDraftSave(u, { contractId: null, templateId: t.id, party: { myRole: "CREDITOR", counterparties }, form, complete: true });
    const before = await db().contract.count();

    expect(await save([row({ phone: other.phone })])).toMatchObject({ ok: false, fieldErrors: { "party.counterparties": "签署方信息不完整，请重新填写" } });
    expect(await save([row({ phone: "13900000001" }), row({ phone: "139 0000 0001" })])).toMatchObject({
      ok: false,
      fieldErrors: { "party.counterparties.1.phone": "与原债务人的手机号相同，每位签署方需使用自己的手机号" },
    });
    expect(await save([row({ phone: "13900000001" }), row()])).toMatchObject({ ok: false, fieldErrors: { "party.counterparties.1.phone": "请输入新债务人的手机号，用于发送签署邀请" } });
    const id = validIdOf(other);
    expect(
      await save([row({ fill: "SELF", name: "三方戊", idNumber: id, phone: "13900000001" }), row({ fill: "SELF", name: "三方戊", idNumber: id, phone: "13900000002" })]),
    ).toMatchObject({ ok: false, fieldErrors: { "party.counterparties.1.idNumber": "与原债务人的证件号码相同，请检查" } });
    expect(await save([row({ phone: "13900000001" }), row({ phone: u.phone })])).toMatchObject({ ok: false, fieldErrors: { "party.counterparties.1.phone": "新债务人不能是您本人" } });
    expect(await db().contract.count()).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now, setClockOffset } from "@/lib/server/clock";
import { runDueJobs } from "@/lib/server/jobs";
import { blobStore } from "@/lib/server/storage";
import { shanghaiToday } from "@/lib/domain/dates";
import { signStart, signFinish, supplementInfo, rejectContract, initiatorAction, listFolder } from "./index";
import { verifyAuditChain } from "./audit";
import { linkPartyFor } from "./signing";
import { pdfsigBlocks, strictVerdict, trustingNssDb } from "@/lib/server/pki/test-nss";
import { initiate, iouDraftSave, iouForm, meta, person, pngDataUrl, sign, validIdOf, versionOf } from "./test-kit";
import { faceProof } from "@/lib/server/identity/test-kit";

describe("借条 lifecycle through the services", () => {
  it("我出借 + 对方填: invite by SMS, counterparty supplements and signs, PDF stored, both folders 已生效", async () => {
    const lender = await person("钱出借");
    const borrower = await person("孙借款");
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone }));
    expect(c.status).toBe("PENDING_INFO");
    expect(c.expiresAt!.getTime() - now().getTime()).toBeGreaterThan(29 * 86_400_000);
    const sms = await db().outboxMessage.findFirstOrThrow({ where: { to: borrower.phone, kind: "contract.invite" } });
    expect(sms.body).toContain(`/s/${recipient.inviteToken}`);

    expect((await supplementInfo(borrower, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).ok).toBe(true);
    expect(await sign(borrower, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });

    const done = await db().contract.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
    expect(done.status).toBe("EFFECTIVE");
    expect(done.parties.find((p) => p.role === "BORROWER")!.name).toBe("孙借款");
    const pdf = await blobStore().get(done.pdfSha256!);
    expect(Buffer.from(pdf!.subarray(0, 5)).toString()).toBe("%PDF-");
    // each signer's PAdES signature, then the platform seal, all valid against our root
    const sigs = pdfsigBlocks(pdf!, await trustingNssDb());
    expect(sigs.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["钱出借", "孙借款", "个人电子签 平台签章"]);
    for (const b of sigs) expect(b).toContain("Signature is Valid.");
    // and for pyHanko, every later revision is a change the earlier signatures permit, and as of
    // 2045 (certificates expired) the DSS and the document time-stamp still carry them (B-LTA)
    const strict = await strictVerdict(pdf!);
    expect(strict.code, strict.out).toBe(0);
    expect(strict.out).toMatch(/field=platform-ltv kind=document-timestamp .*coverage=ENTIRE_FILE/);
    expect(strict.out.match(/pades=B-LTA/g)).toHaveLength(3);
    expect(strict.out.match(/at\[2045-01-01T00:00:00Z\]=PASSED/g)).toHaveLength(3);
    expect(await verifyAuditChain(db(), c.id)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { contractId: c.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "initiate", "supplement", "sign"]);
    expect(events.at(-1)!.docSha256).toBe(done.pdfSha256);
    for (const u of [lender, borrower]) {
      const folder = await listFolder(u.id, {});
      expect(folder.items.find((i) => i.contractId === c.id)?.status).toBe("EFFECTIVE");
    }
  });

  it("an edited audit event breaks the chain", async () => {
    const a = await person("周甲");
    const { c } = await initiate(a, iouForm());
    await db().auditEvent.updateMany({ where: { contractId: c.id, seq: 2 }, data: { ip: "6.6.6.6" } });
    expect(await verifyAuditChain(db(), c.id)).toBe(2);
  });

  it("我来填: the wrong person cannot sign; a stranger's phone sees nothing; 拒签 with a reason", async () => {
    const borrower = await person("吴借款");
    const lender = await person("郑出借", "19800505");
    const stranger = await person("王路人");
    const id = validIdOf(lender);
    const { c, recipient } = await initiate(borrower, iouForm({ myRole: "BORROWER", counterpartyFill: "SELF", counterpartyName: "郑出借", counterpartyIdNumber: id, counterpartyPhone: lender.phone }));
    expect(c.status).toBe("PENDING_SIGN");
    expect(linkPartyFor(stranger, recipient, c.initiatorId)).toBe(false);
    expect(await sign(stranger, c.id, recipient.inviteToken!)).toEqual({ ok: false, error: "合同不存在" });
    const short = await rejectContract(lender, { token: recipient.inviteToken, version: await versionOf(c.id), reason: "" }, meta);
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: "请填写拒签理由（至少2个字）" } });
    expect((await rejectContract(lender, { token: recipient.inviteToken, version: await versionOf(c.id), reason: "金额不对" }, meta)).ok).toBe(true);
    expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REJECTED");
    expect(await db().outboxMessage.count({ where: { to: borrower.phone, kind: "contract.rejected", body: { contains: "金额不对" } } })).toBe(1);
  });

  it("refuses an initiator outside 22–75 and a counterparty who is the initiator", async () => {
    const young = await person("冯年轻", `${shanghaiToday(now()).y - 21}0101`);
    expect(await iouDraftSave(young, { form: iouForm(), complete: true })).toMatchObject({ ok: false, error: expect.stringContaining("22至75周岁") });
    const a = await person("陈本人");
    expect(await iouDraftSave(a, { form: iouForm({ counterpartyPhone: a.phone }), complete: true })).toEqual({ ok: false, fieldErrors: { counterpartyPhone: "对方不能是您本人" } });
    expect(await iouDraftSave(a, { form: iouForm({ amount: "1.234" }), complete: true })).toMatchObject({ ok: false, fieldErrors: { amount: "金额最多保留两位小数" } });
  });

  it("the same action twice has one effect; revoke is refused after the counterparty acted", async () => {
    const a = await person("褚甲");
    const b = await person("卫乙");
    const { c, recipient } = await initiate(a, iouForm({ counterpartyPhone: b.phone }));
    const v = await versionOf(c.id);
    const [first, second] = await Promise.all([
      supplementInfo(b, { token: recipient.inviteToken, version: v }, meta),
      supplementInfo(b, { token: recipient.inviteToken, version: v }, meta),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await db().auditEvent.count({ where: { contractId: c.id, action: "supplement" } })).toBe(1);
    const revoke = await initiatorAction(a, "revoke", { contractId: c.id, version: await versionOf(c.id) }, meta);
    expect(revoke).toEqual({ ok: false, error: "对方已处理，无法撤销" });
  });

  it("sign and revoke at the same moment: exactly one wins, the other is told to refresh", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await person("蒋甲");
      const b = await person("沈乙", "19850707");
      const { c, recipient } = await initiate(a, iouForm({ counterpartyPhone: b.phone, counterpartyFill: "SELF", counterpartyName: "沈乙", counterpartyIdNumber: validIdOf(b) }));
      const v = await versionOf(c.id);
      const started = await signStart(b, { contractId: c.id, version: v, token: recipient.inviteToken, signature: { png: pngDataUrl() } });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      const [signed, revoked] = await Promise.all([
        signFinish(b, await faceProof(b, started.data.faceCheckId), meta),
        initiatorAction(a, "revoke", { contractId: c.id, version: v }, meta),
      ]);
      expect([signed.ok, revoked.ok].filter(Boolean)).toHaveLength(1);
      const loser = signed.ok ? revoked : signed;
      expect(loser).toEqual({ ok: false, error: "合同状态已变化，请刷新" });
      const final = await db().contract.findUniqueOrThrow({ where: { id: c.id } });
      expect(final.status).toBe(signed.ok ? "EFFECTIVE" : "REVOKED");
    }
  });

  it("a pending contract expires 30 days later through the job runner", async () => {
    const a = await person("韩甲");
    const { c } = await initiate(a, iouForm());
    try {
      setClockOffset(29 * 86_400_000);
      await runDueJobs(50);
      expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING_INFO");
      setClockOffset(30 * 86_400_000 + 60_000);
      while ((await runDueJobs(50)) > 0);
      expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("EXPIRED");
    } finally {
      setClockOffset(0);
    }
  });

  it("撤销 before the counterparty acts hides it from their folder; 催办 once an hour", async () => {
    const a = await person("杨甲");
    const b = await person("朱乙");
    const { c } = await initiate(a, iouForm({ counterpartyPhone: b.phone }));
    expect((await listFolder(b.id, {})).items.some((i) => i.contractId === c.id)).toBe(true);
    expect((await initiatorAction(a, "urge", { contractId: c.id, version: await versionOf(c.id) }, meta)).ok).toBe(true);
    expect(await initiatorAction(a, "urge", { contractId: c.id, version: await versionOf(c.id) }, meta)).toEqual({ ok: false, error: "每小时只能催办一次，请稍后再试" });
    expect(await db().outboxMessage.count({ where: { to: b.phone, kind: "contract.urge" } })).toBe(1);
    expect(await initiatorAction(b, "revoke", { contractId: c.id, version: await versionOf(c.id) }, meta)).toEqual({ ok: false, error: "合同不存在" });
    expect((await initiatorAction(a, "revoke", { contractId: c.id, version: await versionOf(c.id) }, meta)).ok).toBe(true);
    expect((await listFolder(b.id, {})).items.some((i) => i.contractId === c.id)).toBe(false);
    expect((await listFolder(a.id, { status: ["REVOKED"] })).items.map((i) => i.contractId)).toContain(c.id);
  });
});


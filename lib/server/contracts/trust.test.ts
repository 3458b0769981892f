import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { contractForViewer, endRequest, listFolder, signFinish, signStart, supplementInfo } from "./index";
import { faceProof } from "@/lib/server/identity/test-kit";
import { simulatedFaceDecide } from "@/lib/server/identity";
import { effectiveIou, initiate, iouDraftSave, iouForm, meta, person, pngDataUrl, sign, validIdOf, versionOf } from "./test-kit";
import { ON_HOLD } from "./hold";

describe("trust boundaries of contracts", () => {
  it("a draft that names B's phone is invisible to B (folder, detail, link) until it is initiated", async () => {
    const a = await person("草稿甲");
    const b = await person("草稿乙");
    const draft = await iouDraftSave(a, { form: iouForm({ counterpartyPhone: b.phone, counterpartyFill: "SELF", counterpartyName: "草稿乙", counterpartyIdNumber: validIdOf(b) }), complete: true });
    expect(draft.ok).toBe(true);
    const id = draft.ok ? draft.data.contractId : "";
    const party = await db().party.findFirstOrThrow({ where: { contractId: id, isInitiator: false } });
    expect((await listFolder(b.id, {})).items.map((i) => i.contractId)).not.toContain(id);
    expect(await contractForViewer(b, id)).toBeNull();
    expect(await supplementInfo(b, { token: party.inviteToken, version: await versionOf(id) }, meta)).toEqual({ ok: false, error: "合同不存在" });
    expect(await signStart(b, { contractId: id, version: await versionOf(id), token: party.inviteToken, signature: { png: pngDataUrl() } })).toMatchObject({ ok: false });
    // the author sees it
    expect(await contractForViewer(a, id)).not.toBeNull();
    expect((await listFolder(a.id, {})).items.map((i) => i.contractId)).toContain(id);
  });

  it("我来填: a counterparty whose verified name differs from the typed one is refused at the link, and nothing is signed", async () => {
    const lender = await person("名字甲");
    const borrower = await person("真名乙");
    // the right ID, a different name: the initiator typed someone else's name for this ID
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone, counterpartyFill: "SELF", counterpartyName: "假名乙", counterpartyIdNumber: validIdOf(borrower) }));
    expect(await sign(borrower, c.id, recipient.inviteToken!)).toEqual({ ok: false, error: "您的实名信息与合同中的签署方不一致，无法签署" });
    const after = await db().party.findUniqueOrThrow({ where: { id: recipient.id } });
    expect(after.status).toBe("WAITING_SIGN");
    expect(after.signatureSha256).toBeNull();
  });

  it("a frozen account puts every action on hold through the lifecycle: 补充信息, 申请解除 and 结清 are refused with the hold's reason", async () => {
    const lender = await person("冻结甲");
    const borrower = await person("冻结乙");
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone }));
    await db().user.update({ where: { id: lender.id }, data: { status: "FROZEN" } });
    expect(await supplementInfo(borrower, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).toEqual({ ok: false, error: ON_HOLD });
    expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING_INFO");
    // the non-frozen side may still walk away
    const view = await contractForViewer(borrower, c.id);
    expect(view?.refusals.supplement).toBe(ON_HOLD);

    const { a, b, contractId } = await effectiveIou(["冻结丙", "冻结丁"]);
    await db().user.update({ where: { id: b.id }, data: { status: "FROZEN" } });
    for (const kind of ["rescind", "settle"] as const) {
      expect(await endRequest(a, { contractId, version: await versionOf(contractId), kind, reason: "双方协商一致" }), kind).toEqual({ ok: false, error: ON_HOLD });
    }
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("EFFECTIVE");
  });

  it("a face check's outcome is the provider's: the browser saying it passed changes nothing", async () => {
    const lender = await person("人脸甲");
    const borrower = await person("人脸乙");
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone, counterpartyFill: "SELF", counterpartyName: "人脸乙", counterpartyIdNumber: validIdOf(borrower) }));
    const started = await signStart(borrower, { contractId: c.id, version: await versionOf(c.id), token: recipient.inviteToken, signature: { png: pngDataUrl() } });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const faceCheckId = started.data.faceCheckId;
    // what the old interface took from the browser is refused outright
    expect(await signFinish(borrower, { faceCheckId, passed: true }, meta)).toEqual({ ok: false, error: "请求无效" });
    // claiming a face proof before the provider has a result: nothing happens
    expect(await signFinish(borrower, { faceCheckId, face: true }, meta)).toEqual({ ok: false, fieldErrors: { face: "请先完成人脸核验" } });
    expect((await db().party.findUniqueOrThrow({ where: { id: recipient.id } })).status).toBe("WAITING_SIGN");
    // someone else cannot decide this person's check at the provider
    expect(await simulatedFaceDecide(lender.id, faceCheckId, true)).toBe(false);
    expect(await signFinish(borrower, await faceProof(borrower, faceCheckId), meta)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("EFFECTIVE");
  });
});

// Each purpose is proven only by the methods it offers, all through judgeIntent: 实名 and account
// changes by the face (the provider's verdict), never by a password.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { person } from "@/lib/server/contracts/test-kit";
import { startFaceCheck } from "./face-check";
import { judgeIntent, proveIntent } from "./intent";
import { realNameFinish, realNameStart } from "./real-name";
import { hashSignPassword } from "./sign-password";
import { faceProof } from "./test-kit";

describe("a purpose's methods", () => {
  it("an account change takes the face only: a password proof is refused without counting a try", async () => {
    const u = await db().user.update({ where: { id: (await person("方法甲")).id }, data: { signPasswordHash: await hashSignPassword("135790") } });
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "ACCOUNT", { op: "crossBorder" }));
    // the provider's session opens when the person turns to the face check, not before
    expect(await db().faceCheck.findUniqueOrThrow({ where: { id } })).toMatchObject({ provider: null, providerRef: null });
    expect(await proveIntent(u, { faceCheckId: id, password: "000000" }, ["ACCOUNT"])).toEqual({ ok: false, error: "该操作不能使用此验证方式" });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).signPasswordFails).toBe(0);
    expect(await proveIntent(u, { faceCheckId: id, face: true }, ["ACCOUNT"])).toEqual({ ok: false, fieldErrors: { face: "请先完成人脸核验" } });
    const proof = await faceProof(u, id);
    expect(await db().faceCheck.findUniqueOrThrow({ where: { id } })).toMatchObject({ provider: "dev-simulated", providerRef: expect.stringMatching(/^sim_/), providerUrl: null });
    expect(await proveIntent(u, proof, ["ACCOUNT"])).toMatchObject({ ok: true, data: { method: "FACE" } });
  });

  it("实名: the provider's verdict, judged like any intent; a failed check is over", async () => {
    const holder = await db().user.create({ data: { phone: "19912340088" } });
    const start = async () => {
      const rn = await realNameStart(holder.id, { name: "陈小文", idType: "HK_MO_PERMIT", idNumber: "H87654321", birthDate: "1985-03-02", sensitiveConsent: true, certificateConsent: true });
      if (!rn.ok) throw new Error(JSON.stringify(rn));
      return rn.data.faceCheckId;
    };
    const failing = await start();
    expect(await judgeIntent(holder, await faceProof(holder, failing, false), ["REAL_NAME"])).toEqual({ kind: "failed", message: "人脸核验未通过，请重试" });
    expect(await judgeIntent(holder, { faceCheckId: failing, face: true }, ["REAL_NAME"])).toEqual({ kind: "expired" });

    const id = await start();
    expect(await judgeIntent(holder, { faceCheckId: id, face: true }, ["REAL_NAME"])).toEqual({ kind: "retry", field: "face", message: "请先完成人脸核验" });
    // a check of another purpose is not this caller's to prove
    expect(await judgeIntent(holder, { faceCheckId: id, face: true }, ["ACCOUNT"])).toEqual({ kind: "expired" });
    expect(await judgeIntent(holder, await faceProof(holder, id), ["REAL_NAME"])).toMatchObject({ kind: "passed", method: "FACE", check: { id } });
    expect(await realNameFinish(holder.id, id)).toEqual({ ok: true, data: undefined });
    expect(await db().user.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ realName: "陈小文", idType: "HK_MO_PERMIT" });
  });
});

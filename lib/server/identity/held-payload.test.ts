// A pending check holds a typed payload: checked on the way in, and again on the way out, so a
// damaged or foreign row is never acted upon.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { person } from "@/lib/server/contracts/test-kit";
import { consumeFaceCheck, startFaceCheck } from "./face-check";

const sign = { contractId: "c1", version: 1, action: "sign", partyId: "p1", signatureSha256: "a".repeat(64), fieldValues: {} } as const;

describe("pending checks hold what their purpose's schema says", () => {
  it("refuses to hold a payload that is not its purpose's", async () => {
    const u = await person("意愿甲");
    // @ts-expect-error a 签署 payload cannot be held for an account change
    await expect(db().$transaction((tx) => startFaceCheck(tx, u.id, "ACCOUNT", sign))).rejects.toThrow();
    await expect(db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", { ...sign, signatureSha256: "not-a-hash" }))).rejects.toThrow();
    expect(await db().faceCheck.count({ where: { userId: u.id } })).toBe(0);
  });

  it("a passed check whose stored payload was altered is not consumed as anything", async () => {
    const u = await person("意愿乙");
    const id = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    await db().faceCheck.update({ where: { id }, data: { status: "PASSED", payload: { ...sign, action: "rescindConfirm" } } });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, u.id, id, "SIGN"))).toBeNull();

    const good = await db().$transaction((tx) => startFaceCheck(tx, u.id, "SIGN", sign));
    await db().faceCheck.update({ where: { id: good }, data: { status: "PASSED" } });
    expect(await db().$transaction((tx) => consumeFaceCheck(tx, u.id, good, "SIGN"))).toEqual({ id: good, payload: sign });
  });
});

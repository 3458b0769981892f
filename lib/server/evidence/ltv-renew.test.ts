import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { blobStore } from "@/lib/server/storage";
import { effectiveIou } from "@/lib/server/contracts/test-kit";
import { verifyAuditChain } from "@/lib/server/contracts";
import { strictVerdict } from "@/lib/server/pki/test-nss";
import { ltvRenewOnce, ltvStatus, RENEW_AFTER_DAYS } from "./ltv-renew";
import { verifyPdf } from "./verify";

describe("长期验证续期", () => {
  it("a contract whose stamp is old (or missing) gets a fresh DSS and document time-stamp appended, as a new audited version", async () => {
    const { contractId } = await effectiveIou(["续期甲", "续期乙"]);
    const before = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(before.ltvAt).toBeInstanceOf(Date);
    expect(await ltvRenewOnce()).toBe(0); // fresh: nothing to do
    // as if stamped RENEW_AFTER_DAYS + 1 days ago; another contract from before long-term validation has none
    await db().contract.update({ where: { id: contractId }, data: { ltvAt: new Date(now().getTime() - (RENEW_AFTER_DAYS + 1) * 86_400_000) } });
    const { contractId: older } = await effectiveIou(["续期丙", "续期丁"]);
    await db().contract.update({ where: { id: older }, data: { ltvAt: null } });
    expect((await ltvStatus()).due).toBeGreaterThanOrEqual(2);

    expect(await ltvRenewOnce()).toBeGreaterThanOrEqual(2);
    const after = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(after.pdfSha256).not.toBe(before.pdfSha256);
    expect(after.ltvAt!.getTime()).toBeGreaterThan(now().getTime() - 60_000);
    const last = await db().auditEvent.findFirstOrThrow({ where: { contractId }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ action: "ltvRenew", actorRole: "SYSTEM", docSha256: after.pdfSha256, fromStatus: "EFFECTIVE", toStatus: "EFFECTIVE" });
    expect(await verifyAuditChain(db(), contractId)).toBeNull();

    // the old bytes are kept as they were, followed by the renewal; every validator still accepts it
    const pdf = (await blobStore().get(after.pdfSha256!))!;
    const old = (await blobStore().get(before.pdfSha256!))!;
    expect(Buffer.from(pdf.subarray(0, old.length)).equals(Buffer.from(old))).toBe(true);
    const strict = await strictVerdict(pdf);
    expect(strict.code, strict.out).toBe(0);
    expect(strict.out.match(/kind=document-timestamp/g)).toHaveLength(2);
    const r = await verifyPdf(pdf);
    expect(r.kind === "pdf" && r.verdict.tone).toBe("ok");
    expect(r.kind === "pdf" && r.stored).toMatchObject({ current: true });
    expect(await ltvRenewOnce()).toBe(0);
  });
});

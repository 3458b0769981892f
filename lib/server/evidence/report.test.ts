import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import { runDueJobs } from "@/lib/server/jobs";
import { approveInSandbox, effectiveIou, meta, person } from "@/lib/server/contracts/test-kit";
import { pdfsigBlocks, trustingNssDb } from "@/lib/server/pki/test-nss";
import { ACTION_LABELS } from "@/lib/domain/contract-labels";
import { reportRequest } from "./report";

const pdfText = (pdf: Uint8Array) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "r.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
};

describe("出证报告", () => {
  it("a party asks; a job renders, seals and e-mails the report with every audit event, and an SMS says so", async () => {
    const { a, contractId } = await effectiveIou(["郑出借", "冯借款"]);
    const asked = await reportRequest(a, { contractId, email: "zheng@example.com" }, meta);
    if (!asked.ok || !asked.data.payUrl) throw new Error(`expected a report fee to pay: ${JSON.stringify(asked)}`);
    while ((await runDueJobs()) > 0);
    // nothing is generated before the fee is paid
    expect(await db().outboxMessage.count({ where: { kind: "evidence.report" } })).toBe(0);
    expect(await db().evidenceReport.findFirstOrThrow({ where: { contractId } })).toMatchObject({ status: "UNPAID" });
    expect((await approveInSandbox(asked.data.payUrl)).status).toBe(200);
    while ((await runDueJobs()) > 0);

    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: "zheng@example.com", kind: "evidence.report" } });
    const [att] = mail.attachments as { sha256: string; filename: string }[];
    const pdf = (await blobStore().get(att!.sha256))!;
    const blocks = pdfsigBlocks(pdf, await trustingNssDb());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain("Signature is Valid.");
    expect(blocks[0]).toContain("Total document signed");

    if (process.env.DUMP_DIR) fs.writeFileSync(path.join(process.env.DUMP_DIR, "report.pdf"), pdf);
    const text = pdfText(pdf).replace(/\s+/g, "");
    const c = await db().contract.findUniqueOrThrow({ where: { id: contractId }, include: { events: { orderBy: { seq: "asc" } } } });
    expect(text).toContain(c.number);
    expect(text).toContain(c.pdfSha256!);
    for (const e of c.events) {
      expect(text).toContain(ACTION_LABELS[e.action]!);
      expect(text).toContain(e.hash);
    }
    expect(text).toContain("人脸核身");
    expect(text).toContain("郑出借");
    expect(c.events.at(-1)!.action).toBe("reportRequest");

    const sms = await db().outboxMessage.findFirstOrThrow({ where: { to: a.phone, kind: "evidence.report" } });
    expect(sms.body).toContain("zh***@example.com");
    const report = await db().evidenceReport.findFirstOrThrow({ where: { contractId } });
    expect(report).toMatchObject({ status: "SENT", pdfSha256: att!.sha256 });
  });

  it("refuses a stranger, a bad address and a contract that is not signed, changing nothing", async () => {
    const { contractId } = await effectiveIou(["卫出借", "蒋借款"]);
    const stranger = await person("沈路人");
    expect(await reportRequest(stranger, { contractId, email: "x@example.com" }, meta)).toMatchObject({ ok: false, error: "合同不存在" });
    const { a } = await effectiveIou(["韩出借", "杨借款"]);
    expect(await reportRequest(a, { contractId: "nope", email: "x@example.com" }, meta)).toMatchObject({ ok: false, error: "合同不存在" });
    expect(await reportRequest(a, { contractId, email: "not-an-email" }, meta)).toMatchObject({ ok: false, fieldErrors: { email: "请输入正确的邮箱地址" } });
    expect(await db().evidenceReport.count({ where: { contractId } })).toBe(0);
  });
});

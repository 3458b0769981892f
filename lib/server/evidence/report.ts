import "server-only";
import type { Order, User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { enqueue, registerJob } from "@/lib/server/jobs";
import { queueEmail, queueSms } from "@/lib/server/notify";
import { takeRate } from "@/lib/server/ratelimit";
import { storeFile } from "@/lib/server/storage";
import { renderContractPdf, sealPdf } from "@/lib/server/pdf";
import { fail, fieldFail, ok, zodFail, type ActionResult } from "@/lib/server/result";
import { appendAudit, verifyAuditChain, maskEmail, roleOf } from "@/lib/server/contracts";
import { roleLabel } from "@/lib/domain/contract-labels";
import { formatShanghaiInstant } from "@/lib/domain/dates";
import { dailyNumber } from "@/lib/server/numbers";
import { DOCUMENT_STATES, type ContractState } from "@/lib/domain/lifecycle";
import { maskPhone } from "@/lib/domain/phone";
import { auditNote, evidenceReportDocument, type ReportFacts } from "@/lib/domain/evidence-report";
import { platformPki } from "@/lib/server/pki";
import { config } from "@/lib/server/config";
import { reportRequestSchema } from "@/lib/validation/contract";
import { signatureCertificates } from "./certificates";
import { readableSubject } from "./inspect";
import { lockFees, orderCheckout, orderInsert, quoteFor, registerOrderPaid } from "@/lib/server/payments";
import { parseInput } from "@/lib/validation/input";

// 出证报告 (申请出证 / 申请签署报告): requested by a party of a signed contract, generated in a
// job (facts gathered, rendered, sealed by the platform), e-mailed with an SMS when it is sent.

export const REPORT_JOB = "evidence.report";
export const REPORTS_PER_HOUR = 5;

/** 申请出证: the report waits for its fee (报告费用); paying queues it. Returns where to pay, if anything is due. */
export async function reportRequest(user: User, input: unknown, meta: { ip: string; userAgent: string }): Promise<ActionResult<{ reportId: string; payUrl: string | null }>> {
  const parsed = parseInput(reportRequestSchema, input);
  if (!parsed.success) return zodFail(parsed.error);
  const { contractId, email } = parsed.data;
  const asked = await db().$transaction(async (tx): Promise<ActionResult<{ reportId: string; order: Order }>> => {
    await tx.$executeRaw`SELECT 1 FROM "Contract" WHERE "id" = ${contractId} FOR UPDATE`;
    const c = await tx.contract.findUnique({ where: { id: contractId }, include: { parties: true } });
    const role = c ? roleOf(c, { userId: user.id }) : null;
    if (!c || !role || !c.parties.some((p) => p.userId === user.id)) return fail("合同不存在");
    if (!c.pdfSha256 || !DOCUMENT_STATES.includes(c.status)) return fail("合同签署完成后才能申请出证");
    if (!(await takeRate(tx, `evidence-report:${user.id}`, REPORTS_PER_HOUR, 3600_000))) return fieldFail("email", `每小时最多申请${REPORTS_PER_HOUR}次，请稍后再试`);
    const number = dailyNumber("CZ");
    const report = await tx.evidenceReport.create({ data: { number, contractId: c.id, userId: user.id, email, status: "UNPAID", createdAt: now() } });
    await appendAudit(tx, c.id, { action: "reportRequest", fromStatus: c.status, toStatus: c.status, actorUserId: user.id, actorRole: role, ip: meta.ip, userAgent: meta.userAgent, docSha256: c.pdfSha256, detail: { to: maskEmail(email), report: number } });
    await lockFees(tx, user.id);
    const order = await orderInsert(tx, { userId: user.id, purpose: "REPORT", contractId: c.id, reportId: report.id, quote: await quoteFor(tx, user.id, { type: "report" }, null) });
    return ok({ reportId: report.id, order });
  });
  if (!asked.ok) return asked;
  const { reportId, order } = asked.data;
  return ok({ reportId, payUrl: order.status === "PAID" ? null : await orderCheckout(order, { userAgent: meta.userAgent, ip: meta.ip }) });
}

// paying the report fee queues the report
registerOrderPaid("REPORT", async (tx, order) => {
  if (!order.reportId) return;
  const moved = await tx.evidenceReport.updateMany({ where: { id: order.reportId, status: "UNPAID" }, data: { status: "QUEUED" } });
  if (moved.count === 1) await enqueue(tx, REPORT_JOB, { reportId: order.reportId });
});

const dt = (d: Date | null) => (d ? formatShanghaiInstant(d) : null);

/** Everything the report states, read from the database and from the signed PDF itself. */
async function reportFacts(reportId: string): Promise<{ facts: ReportFacts; to: { email: string; phone: string } } | null> {
  const r = await db().evidenceReport.findUnique({ where: { id: reportId } });
  if (!r || r.status !== "QUEUED") return null;
  const c = await db().contract.findUniqueOrThrow({ where: { id: r.contractId }, include: { parties: { orderBy: { seq: "asc" } }, events: { orderBy: { seq: "asc" } } } });
  const requester = await db().user.findUniqueOrThrow({ where: { id: r.userId } });
  const file = await db().storedFile.findUnique({ where: { sha256: c.pdfSha256! } });
  const who = (userId: string | null) => {
    const p = c.parties.find((x) => x.userId === userId);
    return userId === null ? "系统" : p ? `${roleLabel(p.role, c.kind)} ${p.name ?? ""}`.trim() : "签署方";
  };
  const certs = await signatureCertificates(c.pdfSha256!);
  const { root } = await platformPki();
  return {
    to: { email: r.email, phone: requester.phone },
    facts: {
      number: r.number,
      generatedAt: formatShanghaiInstant(now()),
      contract: { title: c.title, number: c.number, status: c.status as ContractState, initiatedAt: dt(c.initiatedAt), effectiveAt: dt(c.effectiveAt), pdfSha256: c.pdfSha256!, pdfBytes: file?.size ?? 0 },
      parties: c.parties.map((p) => ({ role: roleLabel(p.role, c.kind), name: p.name ?? "", idMasked: p.idMasked ?? "", phoneMasked: p.phone ? maskPhone(p.phone) : "", signedAt: dt(p.signedAt) })),
      events: c.events.map((e) => {
        const detail = (e.detail ?? {}) as Record<string, unknown>;
        return { seq: e.seq, at: formatShanghaiInstant(e.createdAt), action: e.action, note: auditNote(detail), actor: who(e.actorUserId), ip: e.ip, verification: typeof detail.verification === "string" ? detail.verification : null, docSha256: e.docSha256, hash: e.hash, prevHash: e.prevHash };
      }),
      chainIntact: (await verifyAuditChain(db(), c.id)) === null,
      signatures: certs.map((s) => ({
        signer: s.platformSeal ? `${s.commonName}（平台签章）` : s.commonName,
        subject: s.subjectReadable,
        serial: s.serial,
        issuer: s.issuerCommonName,
        validity: `${formatShanghaiInstant(s.notBefore)} 至 ${formatShanghaiInstant(s.notAfter)}`,
        fingerprint: s.sha256Fingerprint,
        signingTime: dt(s.signingTime),
        timestampTime: dt(s.timestampTime),
        intact: s.intact,
      })),
      check: {
        rootSubject: readableSubject(root),
        rootFingerprint: Buffer.from(await root.getThumbprint("SHA-256")).toString("hex").toUpperCase(),
        verifyUrl: `${config.appUrl.replace(/\/$/, "")}/verify`,
      },
    },
  };
}

/** Renders, seals and stores the report, then e-mails it and tells the requester by SMS, in one transaction. */
export async function reportGenerate(reportId: string): Promise<void> {
  const gathered = await reportFacts(reportId);
  if (!gathered) return; // already sent, or gone
  const { facts, to } = gathered;
  const pdf = await sealPdf(await renderContractPdf(evidenceReportDocument(facts), new Map()), "platform-report-seal", `平台签章：电子签署报告 ${facts.number}`);
  await db().$transaction(async (tx) => {
    const claimed = await tx.evidenceReport.updateMany({ where: { id: reportId, status: "QUEUED" }, data: { status: "SENT", sentAt: now() } });
    if (claimed.count === 0) return;
    const sha256 = await storeFile(tx, pdf, "application/pdf");
    await tx.evidenceReport.update({ where: { id: reportId }, data: { pdfSha256: sha256 } });
    const name = `签署报告-${facts.contract.number}.pdf`;
    await queueEmail(tx, {
      to: to.email,
      subject: `【个人电子签】《${facts.contract.title}》电子签署报告`,
      body: `您好：\n\n附件是您申请的《${facts.contract.title}》（合同编号 ${facts.contract.number}）电子签署报告，报告编号 ${facts.number}。\n报告已加盖平台数字签章，可在个人电子签的“验证”页面校验。\n\n个人电子签`,
      kind: "evidence.report",
      attachments: [{ filename: name, sha256, size: pdf.length, contentType: "application/pdf" }],
    });
    await queueSms(tx, { to: to.phone, template: "evidence.report", params: { title: facts.contract.title, number: facts.number, email: maskEmail(to.email) } });
  });
}

registerJob(REPORT_JOB, async (payload) => {
  const { reportId } = payload as { reportId: string };
  try {
    await reportGenerate(reportId);
  } catch (e) {
    await db().evidenceReport.updateMany({ where: { id: reportId, status: "QUEUED" }, data: { error: String(e).slice(0, 500) } });
    throw e; // the job runner retries with back-off
  }
}, { queue: "documents" });

/** The requester's reports on one contract, newest first (shown under 申请出证). */
export function reportsFor(user: User, contractId: string) {
  return db().evidenceReport.findMany({ where: { userId: user.id, contractId }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, number: true, status: true, email: true, createdAt: true, sentAt: true } });
}

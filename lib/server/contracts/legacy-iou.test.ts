// A 借条 stored before the 借条 became a template (one flat form in Contract.facts) is migrated
// to { party, form } and still opens, renders, downloads and verifies as it did.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage";
import type { SqlRunner } from "@/lib/server/db";
import { verifyPdf } from "@/lib/server/evidence";
import { contractForViewer, documentFor, remindersOf } from "./index";
import { legacyIouFacts, migrateLegacyIouFacts } from "./template-facts";
import { effectiveIou } from "./test-kit";

const prismaRunner: SqlRunner = {
  exec: (s) => db().$executeRawUnsafe(s),
  query: <T>(s: string, p: unknown[] = []) => db().$queryRawUnsafe<T[]>(s, ...p),
};

/** What the 借条's own wizard stored (its IouForm), with the ID number sealed as it was. */
function legacyRow(facts: { party: Record<string, unknown>; form: Record<string, unknown> }) {
  const { court, ...form } = facts.form;
  const courtLabel = { LENDER: "出借人住所地人民法院", BORROWER: "借款人住所地人民法院", SIGNING: "合同签订地人民法院" }[court as string] ?? "";
  // the party step as it was then: flat counterparty* fields, and no document type (before 港澳台 documents)
  const [row] = facts.party.counterparties as { fill: string; name: string; idNumber: unknown; phone: string }[];
  const party = { myRole: facts.party.myRole, counterpartyFill: row!.fill, counterpartyName: row!.name, counterpartyIdNumber: row!.idNumber, counterpartyPhone: row!.phone };
  return { ...party, ...form, court: courtLabel };
}

describe("借条 rows from before the template", () => {
  it("legacyIouFacts splits the flat form and turns the court's label into its code", () => {
    expect(legacyIouFacts({ myRole: "LENDER", counterpartyFill: "SELF", counterpartyIdNumber: { sealedId: "x", masked: "1101" }, amount: "5000", court: "借款人住所地人民法院", supplement: true })).toEqual({
      party: { myRole: "LENDER", counterpartyFill: "SELF", counterpartyIdType: "CN_RESIDENT", counterpartyIdNumber: { sealedId: "x", masked: "1101" } },
      form: { amount: "5000", court: "BORROWER", supplement: true },
    });
  });

  it("an effective 借条 stored flat is migrated once, then opens, renders the same, downloads and verifies", async () => {
    const { a, contractId } = await effectiveIou(["旧借条甲", "旧借条乙"], { amount: "150000", supplement: true, overdueRate: "6", lenderAddress: "北京市东城区1号", borrowerAddress: "上海市黄浦区2号", court: "BORROWER" });
    const load = () => db().contract.findUniqueOrThrow({ where: { id: contractId }, include: { parties: true } });
    const current = await load();
    const before = JSON.stringify(documentFor(current, current.parties));
    const flat = legacyRow(current.facts as { party: Record<string, unknown>; form: Record<string, unknown> });
    await db().$executeRawUnsafe(`UPDATE "Contract" SET facts = $1::jsonb WHERE id = $2`, JSON.stringify(flat), contractId);

    expect(await migrateLegacyIouFacts(prismaRunner)).toBe(1);
    expect(await migrateLegacyIouFacts(prismaRunner)).toBe(0);
    const migrated = await load();
    expect(JSON.stringify(documentFor(migrated, migrated.parties))).toBe(before);
    expect(JSON.parse(before)).toMatchObject({ title: "借条" });
    expect(remindersOf(migrated)).toHaveLength(1);

    const view = await contractForViewer(a, contractId);
    expect(view?.contract.status).toBe("EFFECTIVE");
    const pdf = (await blobStore().get(migrated.pdfSha256!))!;
    const verdict = await verifyPdf(pdf);
    if (verdict.kind !== "pdf") throw new Error("not read as a PDF");
    expect(verdict.verdict.tone).toBe("ok");
    expect(verdict.stored).toMatchObject({ number: migrated.number, current: true });
  });
});

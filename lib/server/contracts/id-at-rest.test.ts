import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import type { SqlRunner } from "@/lib/server/db";
import { documentFor, supplementInfo, templateDraftSave, templateInitiate } from "./index";
import { openFacts, sealStoredFacts } from "./facts-seal";
import { initiate, iouForm, meta, person, sign, validIdOf, versionOf } from "./test-kit";

/** Every text / json column of every table, searched for these exact strings. */
async function columnsHolding(needles: string[]): Promise<string[]> {
  const cols = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')`;
  const found: string[] = [];
  for (const { table_name, column_name } of cols) {
    for (const needle of needles) {
      const hits = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE $1`, `%${needle}%`);
      if (Number(hits[0]!.n) > 0) found.push(`${table_name}.${column_name}`);
    }
  }
  return found;
}

const prismaRunner: SqlRunner = {
  exec: (s) => db().$executeRawUnsafe(s),
  query: <T>(s: string, p: unknown[] = []) => db().$queryRawUnsafe<T[]>(s, ...p),
};

describe("ID numbers at rest", () => {
  it("after a 借条 and a template contract with 我来填 counterparties, no column anywhere holds an ID number in clear", async () => {
    const lender = await person("存证甲");
    const borrower = await person("存证乙", "19880808");
    const { c, recipient } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone, counterpartyFill: "SELF", counterpartyName: "存证乙", counterpartyIdNumber: validIdOf(borrower) }));
    expect(await sign(borrower, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("EFFECTIVE");

    const rental = wizardTemplateById("rental")!;
    const landlord = await person("存证丙");
    const tenant = await person("存证丁", "19930303");
    const saved = await templateDraftSave(landlord, {
      contractId: null,
      templateId: "rental",
      party: { myRole: rental.defaultInitiator, counterpartyFill: "SELF", counterpartyName: "存证丁", counterpartyIdNumber: validIdOf(tenant), counterpartyPhone: tenant.phone },
      form: realFrom(rental.sample(shanghaiToday(now()))),
      complete: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const id = saved.data.contractId;
    expect(await templateInitiate(landlord, { contractId: id, version: await versionOf(id) }, meta)).toMatchObject({ ok: true });
    const token = (await db().party.findFirstOrThrow({ where: { contractId: id, isInitiator: false } })).inviteToken!;
    expect(await sign(tenant, id, token)).toMatchObject({ ok: true });
    expect(await sign(landlord, id)).toMatchObject({ ok: true });
    expect((await db().contract.findUniqueOrThrow({ where: { id } })).status).toBe("EFFECTIVE");
    // a 对方填 counterparty of a third contract, supplied from their own profile
    const other = await person("存证戊", "19770707");
    const third = await initiate(lender, iouForm({ counterpartyPhone: other.phone }));
    expect((await supplementInfo(other, { token: third.recipient.inviteToken, version: await versionOf(third.c.id) }, meta)).ok).toBe(true);

    const ids = [borrower, tenant, other, lender, landlord].map(validIdOf);
    expect(await columnsHolding(ids)).toEqual([]);
    // the application still reads them where it needs them (in memory)
    const facts = openFacts<{ party: { counterparties: { idNumber: string }[] } }>((await db().contract.findUniqueOrThrow({ where: { id } })).facts);
    expect(facts.party.counterparties[0]!.idNumber).toBe(validIdOf(tenant));
  });

  it("the data migration seals facts written before sealing, and the old contract still renders", async () => {
    const lender = await person("旧数据甲");
    const borrower = await person("旧数据乙", "19850505");
    const { c } = await initiate(lender, iouForm({ counterpartyPhone: borrower.phone, counterpartyFill: "SELF", counterpartyName: "旧数据乙", counterpartyIdNumber: validIdOf(borrower) }));
    const render = async () => {
      const row = await db().contract.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
      return JSON.stringify(documentFor(row, row.parties));
    };
    const before = await render();
    // as rows were stored until now: the typed ID in clear inside facts
    const clear = { ...openFacts<Record<string, unknown>>(c.facts), counterpartyIdNumber: validIdOf(borrower) };
    await db().$executeRawUnsafe(`UPDATE "Contract" SET facts = $1::jsonb WHERE id = $2`, JSON.stringify(clear), c.id);
    expect(await columnsHolding([validIdOf(borrower)])).toEqual(["Contract.facts"]);
    expect(await sealStoredFacts(prismaRunner)).toBe(1);
    expect(await sealStoredFacts(prismaRunner)).toBe(0);
    expect(await columnsHolding([validIdOf(borrower)])).toEqual([]);
    expect(await render()).toEqual(before);
  });
});

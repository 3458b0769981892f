// The 借条 as a template: every rule its own wizard had (DESIGN §3), now declared in its definition.
import { describe, expect, it } from "vitest";
import { partySchema } from "@/lib/validation/template";
import { wizardTemplateById } from "./registry";
import { isoDay } from "./engine";
import { ctx, docText, issueAt, render, today } from "./templates.test-helpers";

const iou = wizardTemplateById("iou")!;
const sample = iou.sample(today);
const at = (change: Record<string, unknown>, path: string) => issueAt(iou, { ...sample, ...change }, path)?.message;
// Two mainland IDs with a valid check digit, born 2004-03-11 (21 on 2026-03-10) and 1980-01-01.
const id = (birth: string) => {
  const first17 = `110101${birth}123`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
};

describe("借条 rules", () => {
  it.each([
    ["500000", undefined],
    ["500000.01", "借款金额最高¥500,000.00"],
    ["1.234", "金额最多保留两位小数"],
    ["", "请填写借款金额"],
  ])("amount %s → %s", (amount, message) => expect(at({ amount, supplement: true, overdueRate: "6", lenderAddress: "甲地", borrowerAddress: "乙地", court: "LENDER" }, "amount")).toBe(message));

  it("the loan date is at most 60 days back", () => {
    expect(at({ loanDate: isoDay(today, -60) }, "loanDate")).toBeUndefined();
    expect(at({ loanDate: isoDay(today, -61) }, "loanDate")).toMatch(/不能早于/);
  });

  it("above ¥100,000 the supplementary block is required, and then each of its fields", () => {
    expect(at({ amount: "100000" }, "supplement")).toBeUndefined();
    expect(at({ amount: "100000.01" }, "supplement")).toBe("借款金额超过10万元，须填写补充信息");
    expect(at({ amount: "120000", supplement: true }, "court")).toBe("请选择争议管辖法院");
    expect(at({ amount: "120000", supplement: true }, "overdueRate")).toBe("请填写逾期年利率（%）");
  });

  it("instalments must add up to principal plus interest to the last date", () => {
    const base = { amount: "3000", annualRate: "", loanDate: isoDay(today), repayMode: "INSTALMENTS" };
    const good = [
      { date: isoDay(today, 30), amount: "1000" },
      { date: isoDay(today, 60), amount: "2000" },
    ];
    expect(at({ ...base, instalments: good }, "instalments")).toBeUndefined();
    expect(at({ ...base, instalments: [good[0], { ...good[1], amount: "1999.99" }] }, "instalments")).toMatch(/各期金额合计须等于本金加利息 3000.00 元/);
    expect(at({ ...base, instalments: [good[1], good[0]] }, "instalments.1.date")).toBe("还款日期须晚于上一期");
  });

  it("the 3 / 6 / 12 presets fill a plan that passes", () => {
    const form = { ...sample, repayMode: "INSTALMENTS", annualRate: "3.6" };
    for (const n of [3, 6, 12]) {
      const rows = iou.steps.flatMap((s) => s.fields).find((f) => f.name === "instalments");
      const plan = rows?.kind === "list" ? rows.presets?.rows(form, n, ctx) : null;
      expect(plan).toHaveLength(n);
      expect(at({ ...form, instalments: plan }, "instalments")).toBeUndefined();
    }
  });

  it("an interest-free 借条 asks back the principal only; a plan states its total", () => {
    expect(docText(render(iou, { ...sample, annualRate: "0" }))).toContain("一次性归还全部借款本金。");
    const form = { ...sample, repayMode: "INSTALMENTS", annualRate: "3.6" };
    const rows = iou.steps.flatMap((st) => st.fields).find((f) => f.name === "instalments");
    const plan = (rows?.kind === "list" ? rows.presets?.rows(form, 3, ctx) : null) ?? [];
    const total = plan.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
    const text = docText(render(iou, { ...form, instalments: plan }));
    expect(text).toContain("分3期归还本金及利息，共计¥");
    expect(text).toContain(`共计¥${(total / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  });

  it("warns (does not refuse) above four times the LPR", () => {
    expect(iou.advice(iou.read({ ...sample, annualRate: "10" }), { ...ctx, lprBp: 250 })).toEqual({});
    expect(iou.advice(iou.read({ ...sample, annualRate: "10.5" }), { ...ctx, lprBp: 250 }).annualRate).toContain("一年期LPR（2.5%）的4倍（10%）");
    expect(at({ annualRate: "10.5" }, "annualRate")).toBeUndefined();
    expect(at({ annualRate: "100.01" }, "annualRate")).toBe("年利率不能超过100%");
  });

  it("both parties are 22–75: the counterparty's typed ID and the initiator's own age", () => {
    const party = (idNumber: string) => ({ myRole: "LENDER", counterpartyFill: "SELF", counterpartyName: "李四", counterpartyIdType: "CN_RESIDENT", counterpartyIdNumber: idNumber, counterpartyPhone: "13912345678" });
    const issues = (idNumber: string) => partySchema(iou, today).safeParse(party(idNumber)).error?.issues.map((i) => i.message) ?? [];
    expect(issues(id("19800101"))).toEqual([]);
    expect(issues(id("20040311"))).toEqual(["借条签署方须为22至75周岁的大陆公民，对方当前21周岁"]);
    expect(iou.ageMessage?.(21, "self")).toBe("借条签署方须为22至75周岁的大陆公民，您当前21周岁");
  });

  it("对方填 may go by link alone; 我来填 needs the phone", () => {
    const p = { myRole: "BORROWER", counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "" };
    expect(partySchema(iou, today).safeParse(p).success).toBe(true);
    expect(partySchema(wizardTemplateById("rental")!, today).safeParse({ ...p, myRole: "LANDLORD" }).success).toBe(false);
  });

  it("prints amount with 大写, rate, plan and the agreed court; reminders follow the plan", () => {
    const doc = docText(render(iou, { ...sample, amount: "120000", supplement: true, overdueRate: "6", lenderAddress: "北京市东城区1号", borrowerAddress: "上海市黄浦区2号", court: "BORROWER" }));
    expect(doc).toContain("¥120,000.00（人民币壹拾贰万元整）");
    expect(doc).toContain("借款年利率为3.6%");
    expect(doc).toContain("协商不成的，由借款人住所地人民法院管辖");
    expect(doc).toContain("逾期利率：年利率6%");
    expect(doc).not.toContain("人民币¥"); // 人民币 once, with the 大写
    const facts = iou.facts(iou.schema(ctx).parse(sample));
    expect(iou.reminders(facts)).toEqual([{ date: sample.repayDate, role: "BORROWER", text: `今天（${sample.repayDate}）还款本金¥10,000.00及利息` }]);
  });
});

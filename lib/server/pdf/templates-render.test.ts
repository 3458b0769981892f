import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shanghaiToday } from "@/lib/domain/dates";
import { TEMPLATES } from "@/lib/domain/templates/registry";
import { renderContractPdf } from "./render";

// Every template's sample, rendered to PDF and read back by poppler: the title and both parties'
// names are there, and any amount appears with its 大写.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "templates-pdf-"));
const wizard = TEMPLATES;

describe("every template renders its PDF", () => {
  it.each(wizard.map((t) => [t.name, t] as const))("%s", async (_, t) => {
    const today = shanghaiToday(new Date());
    const names = ["甲示例人", "乙示例人"];
    const facts = t.facts(t.sample(today));
    const doc = t.document(facts, t.roles.map((r, i) => ({ role: r.key, name: names[i]!, idMasked: "1101**********000X" })), { number: "TEST-1" });
    const file = path.join(dir, `${t.id}.pdf`);
    fs.writeFileSync(file, await renderContractPdf(doc, new Map()));
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain(t.name);
    for (const n of names) expect(text).toContain(n);
    if (t.headlineFen(facts)) expect(text).toMatch(/人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+/);
  });
});

describe("what a user types", () => {
  it("HTML and long text are printed as text: the schema accepts them within limits and the PDF renders; emoji are refused", async () => {
    const t = TEMPLATES.find((x) => x.id === "service");
    if (!t) throw new Error("service template missing");
    const today = shanghaiToday(new Date());
    const typed = `<script>alert(1)</script><b>粗体</b> ${"很长的服务内容".repeat(100)}`.slice(0, 1000);
    const form = { ...t.sample(today), content: typed };
    const parsed = t.schema({ today }).safeParse(form);
    expect(parsed.success).toBe(true);
    const doc = t.document(t.facts(parsed.data!), t.roles.map((r, i) => ({ role: r.key, name: i ? "李四" : "张三", idMasked: "" })), { number: "TEST-2" });
    const file = path.join(dir, "typed.pdf");
    fs.writeFileSync(file, await renderContractPdf(doc, new Map()));
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain("<script>alert(1)</script><b>粗体</b>");
    // a control character is refused by the schema, not passed to the PDF
    expect(t.schema({ today }).safeParse({ ...form, content: "正常\u0007内容" }).success).toBe(false);
    // an emoji would print as a box in a signed document: refused the same way
    expect(t.schema({ today }).safeParse({ ...form, content: "正常😀内容" }).success).toBe(false);
  });
});

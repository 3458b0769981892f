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
const wizard = TEMPLATES.filter((t) => !t.builtIn);

describe("every template renders its PDF", () => {
  it.each(wizard.map((t) => [t.name, t] as const))("%s", async (_, t) => {
    if (t.builtIn) return;
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

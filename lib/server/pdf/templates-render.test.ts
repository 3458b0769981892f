import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shanghaiToday } from "@/lib/domain/dates";
import { TEMPLATES } from "@/lib/domain/templates/registry";
import { renderContractPdf } from "./render";
import { pngDataUrl } from "@/lib/server/contracts/test-kit";

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

// Every kind's sample signed by all its parties, read page by page as a careful reader would: the last
// clause, the end mark and every signature on one page; the footer's page count right on every
// page; no character the renderer added to the text (a hyphen in "16GB/512GB"). The pages are saved
// as PNGs under test-results/pdf-pages to look at.
const PAGES_DIR = path.join(process.cwd(), "test-results", "pdf-pages");
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
const pageText = (file: string, n: number) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), file, "-"]).toString();
const squeeze = (x: string) => x.replace(/\s+/g, "");

describe("every kind's signed sample, page by page", () => {
  fs.mkdirSync(PAGES_DIR, { recursive: true });
  const png = Buffer.from(pngDataUrl().split(",")[1]!, "base64");
  it.each(wizard.map((t) => [t.name, t] as const))("%s", async (_, t) => {
    const today = shanghaiToday(new Date());
    const names = ["甲示例人", "乙示例人", "丙示例人"];
    const facts = t.facts(t.sample(today));
    const signers = t.roles.map((r, i) => ({ role: r.key, name: names[i]!, idMasked: "1101**********000X", signatureSha256: "sig", signedAt: "2026-12-04 10:00" }));
    const doc = t.document(facts, signers, { number: "TEST-3", initiatedOn: "2026-12-04" });
    const file = path.join(dir, `${t.id}-signed.pdf`);
    fs.writeFileSync(file, await renderContractPdf(doc, new Map([["sig", new Uint8Array(png)]])));
    execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(PAGES_DIR, t.id)]);

    const n = pageCount(file);
    const pages = Array.from({ length: n }, (_, i) => pageText(file, i + 1));
    pages.forEach((text, i) => expect(squeeze(text), `page ${i + 1}`).toContain(`第${i + 1}页/共${n}页`));
    const last = squeeze(pages.at(-1)!);
    expect(last).toContain("（以下无正文）");
    expect(last.split("（签字）").length - 1).toBe(t.roles.length);
    for (const p of pages.slice(0, -1)) expect(p).not.toContain("（签字）");
    const lastBlock = doc.blocks.at(-1)!;
    const lastText = lastBlock.type === "paragraph" || lastBlock.type === "heading" ? lastBlock.text : lastBlock.type === "fields" ? lastBlock.rows.map((r) => r.value).join("") : lastBlock.rows.flat().join("");
    expect(last).toContain(squeeze(lastText).slice(0, 12));

    // the text as the document model has it, with the page frame (footers) taken out: nothing added
    const frame = [squeeze(doc.footer), ...Array.from({ length: n }, (_, i) => `第${i + 1}页/共${n}页`)];
    const body = pages.map((x) => frame.reduce((acc, f) => acc.replace(f, ""), squeeze(x))).join("");
    for (const b of doc.blocks) {
      const lines = b.type === "paragraph" ? b.text.split("\n") : b.type === "fields" ? b.rows.map((r) => r.value) : [];
      for (const line of lines) expect(body, `${t.id}: ${line}`).toContain(squeeze(line));
    }
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

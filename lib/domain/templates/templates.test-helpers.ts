// Helpers shared by the template test files (not a test file itself).
import type { ContractDocument } from "./document";
import type { TemplateSigner } from "./engine";
import type { WizardTemplate } from "./registry";

/** A fixed "today" (Asia/Shanghai) so that samples and date rules are reproducible. */
export const today = { y: 2026, m: 3, d: 10 };
export const ctx = { today };

export function issuesOf(t: WizardTemplate, form: Record<string, unknown>) {
  const r = t.schema(ctx).safeParse(form);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
export const issueAt = (t: WizardTemplate, form: Record<string, unknown>, path: string) => issuesOf(t, form).find((i) => i.path === path);

/** One signer per role: 张三 first, then the counterparty (李四, or blank while 对方填), a third party 王五 (blank with them). */
export function signersFor(t: WizardTemplate, counterpartyName = "李四"): TemplateSigner[] {
  const others = [counterpartyName, counterpartyName && "王五", counterpartyName && "赵六"];
  return t.roles.map((r, i) => {
    const name = i === 0 ? "张三" : (others[i - 1] ?? "");
    return { role: r.key, name, idMasked: name ? `${3100 + i}**********00${i}2` : "" };
  });
}

/** Everything a reader sees in the document, as one string. */
export function docText(d: ContractDocument): string {
  const blocks = d.blocks.map((b) => {
    switch (b.type) {
      case "heading":
      case "paragraph":
        return b.text;
      case "fields":
        return b.rows.map((r) => `${r.label}：${r.value}`).join("\n");
      case "table":
        return [b.columns, ...b.rows].map((r) => r.join(" | ")).join("\n");
    }
  });
  return [d.title, d.subtitle, ...blocks, ...d.signers.map((s) => `${s.roleLabel} ${s.name} ${s.idMasked}`), d.footer].join("\n");
}

export function render(t: WizardTemplate, form: Record<string, unknown>, signers = signersFor(t)) {
  const parsed = t.schema(ctx).parse(form);
  return t.document(t.facts(parsed), signers, { number: "T-0001", initiatedOn: "2026-03-10" });
}


/** A sample with its made-up text made real (示例路1号 → 和平路1号), as a person sending it would have it. */
export function realFrom<T>(sample: T): T {
  const fix = (v: unknown): unknown =>
    typeof v === "string" ? v.replace(/示例[：:]\s*/g, "").replaceAll("示例", "和平") : Array.isArray(v) ? v.map(fix) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)])) : v;
  return fix(sample) as T;
}

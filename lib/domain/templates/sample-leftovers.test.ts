import { describe, expect, it } from "vitest";
import { checkbox, step, text } from "./fields";
import { SAMPLE_LEFT, sampleLeftovers } from "./sample-leftovers";
import { TEMPLATES } from "./registry";
import { realFrom, today } from "./templates.test-helpers";

describe("sample text left as it was (参照示例填写)", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: the unchanged sample is refused where it says 示例, the real one passes", (_id, t) => {
    const sample = t.sample(today);
    const marked = JSON.stringify(sample).includes("示例");
    const left = sampleLeftovers(t.steps, sample, sample);
    expect(Object.keys(left).length > 0).toBe(marked);
    for (const message of Object.values(left)) expect(message).toBe(SAMPLE_LEFT);
    expect(sampleLeftovers(t.steps, sample, realFrom(sample))).toEqual({});
  });

  const rental = TEMPLATES.find((t) => t.id === "rental")!;
  const sale = TEMPLATES.find((t) => t.id === "sale")!;
  it.each([
    ["a region's detail", rental, (f: Record<string, unknown>) => f, "address.detail"],
    ["a table cell", sale, (f: Record<string, unknown>) => f, "goods.0.name"],
    ["with spaces around it", sale, (f: Record<string, unknown>) => ({ ...f, deliveryPlace: ` ${String(f.deliveryPlace)} ` }), "deliveryPlace"],
  ] as const)("points at %s", (_what, t, change, path) => {
    const sample = t.sample(today);
    expect(sampleLeftovers(t.steps, sample, change(sample) as typeof sample)[path]).toBe(SAMPLE_LEFT);
  });

  it("passes an edited value even if it keeps the word, and ignores a field the form hides", () => {
    const sample = rental.sample(today);
    const edited = { ...sample, address: { ...(sample.address as object), detail: "示例路9号（已核对）" } } as unknown as typeof sample;
    expect(sampleLeftovers(rental.steps, sample, edited)["address.detail"]).toBeUndefined();
    const steps = [step("s", [checkbox("more", "更多"), text("note", "备注", { showWhen: { field: "more", equals: true } })])];
    const form = { more: false, note: "示例：备注" };
    expect(sampleLeftovers(steps, form, form)).toEqual({});
    expect(sampleLeftovers(steps, { ...form, more: true }, { ...form, more: true })).toEqual({ note: SAMPLE_LEFT });
  });
});

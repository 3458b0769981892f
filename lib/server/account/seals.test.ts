import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { person, pngDataUrl } from "@/lib/server/contracts/test-kit";
import { sealCreate, sealDelete, sealsOf, signatureAdd, signatureDelete, signatureSetDefault, signaturesOf } from "./seals";

describe("我的印章与签名", () => {
  it("signatures: add, one default offered first, delete; someone else's ids are refused", async () => {
    const u = await person("印签甲");
    const other = await person("印签乙");
    const a = await signatureAdd(u, { png: pngDataUrl() });
    if (!a.ok) throw new Error(JSON.stringify(a));
    expect(await signatureAdd(u, { png: "data:text/html;base64,PHNjcmlwdD4=" })).toMatchObject({ ok: false, fieldErrors: { png: expect.any(String) } });
    expect(await signatureSetDefault(other, { id: a.data.id })).toMatchObject({ ok: false, error: "签名不存在" });
    expect(await signatureSetDefault(u, { id: a.data.id })).toMatchObject({ ok: true });
    expect((await signaturesOf(u.id))[0]).toMatchObject({ id: a.data.id, isDefault: true });
    expect(await signatureDelete(other, { id: a.data.id })).toMatchObject({ ok: false });
    expect(await signatureDelete(u, { id: a.data.id })).toMatchObject({ ok: true });
    expect(await signaturesOf(u.id)).toHaveLength(0);
  });

  it("seals: drawn from the real name, one per style, 已失效 once the name changes", async () => {
    const u = await person("印章丙");
    expect(await sealCreate(u, { style: "NOPE" })).toMatchObject({ ok: false, fieldErrors: { style: "请选择印章样式" } });
    const made = await sealCreate(u, { style: "SQUARE_YIN" });
    expect(made).toMatchObject({ ok: true });
    expect(await sealCreate(u, { style: "SQUARE_YIN" })).toMatchObject({ ok: false, fieldErrors: { style: "已有该样式的印章" } });
    const [seal] = await sealsOf(u);
    expect(seal).toMatchObject({ style: "SQUARE_YIN", valid: true });
    expect(seal!.svg).toContain(">丙</text>");
    const renamed = await db().user.update({ where: { id: u.id }, data: { realName: "印章丁" } });
    expect((await sealsOf(renamed))[0]!.valid).toBe(false);
    const unverified = await db().user.create({ data: { phone: "13000000999" } });
    expect(await sealCreate(unverified, { style: "ROUND" })).toMatchObject({ ok: false, error: "请先完成实名认证，印章按实名姓名生成" });
    if (made.ok) expect(await sealDelete(renamed, { id: made.data.id })).toMatchObject({ ok: true });
    expect(await sealsOf(renamed)).toHaveLength(0);
  });
});

import { realFrom } from "@/lib/domain/templates/templates.test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { shanghaiToday } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { couponBatchCreate } from "@/lib/server/admin";
import { requestLoginCode } from "@/lib/server/auth";
import { endRequest, templateDraftSave } from "./index";
import { effectiveIou, iouDraftSave, iouForm, person } from "./test-kit";

const HIDDEN = "含有不可见的控制字符或文字方向控制符，请删除后重新输入";
const counts = async () => ({ contracts: await db().contract.count(), batches: await db().couponBatch.count(), codes: await db().loginCode.count() });

describe("no input answers 500: each gets a Chinese message at its field and stores nothing", () => {
  it.each([
    ["a NUL character", "装修\u0000周转", HIDDEN],
    ["a right-to-left override", "装修\u202E周转", HIDDEN],
    ["a first-strong isolate", "装修\u2068周转", HIDDEN],
    ["an emoji", "装修🏠周转", "暂不支持表情符号，请删除后重新输入"],
  ])("借条 purpose with %s", async (_, purpose, message) => {
    const u = await person("输入甲");
    const before = await counts();
    expect(await iouDraftSave(u, { form: iouForm({ purpose }), complete: true })).toEqual({ ok: false, error: "请检查填写的内容", fieldErrors: { purpose: message } });
    expect(await counts()).toEqual(before);
  });

  it("a template amount above what a column holds is refused at the field, not by the database", async () => {
    const u = await person("输入乙");
    const service = wizardTemplateById("service")!;
    const before = await counts();
    const res = await templateDraftSave(u, {
      contractId: null,
      templateId: "service",
      party: { myRole: service.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "13912345678" },
      form: { ...realFrom(service.sample(shanghaiToday(now()))), fee: "30000000" },
      complete: true,
    });
    expect(res).toMatchObject({ ok: false, fieldErrors: { "form.fee": "服务费总额最高¥10,000,000.00" } });
    const bidi = await templateDraftSave(u, { contractId: null, templateId: "service", party: { myRole: service.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "13912345678" }, form: { ...realFrom(service.sample(shanghaiToday(now()))), place: "线上\u202E" }, complete: true });
    expect(bidi).toMatchObject({ ok: false, fieldErrors: { "form.place": HIDDEN } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["free text", { province: "广东", city: "深圳", district: "南山", detail: "和平路1号" }, { "form.address.province": "所选地区不存在" }],
    ["a city not in the province", { province: "湖南省", city: "深圳市", district: "南山区", detail: "和平路1号", code: "440305" }, { "form.address.city": "所选地区不存在" }],
    ["a forged code", { province: "广东省", city: "深圳市", district: "南山区", detail: "和平路1号", code: "440399" }, { "form.address.district": "所选地区不存在" }],
    ["a code that is not text", { province: "广东省", city: "深圳市", district: "南山区", detail: "和平路1号", code: { $gt: "" } }, { "form.address": "房屋地址格式不正确" }],
  ])("a 租房合同 address posted as %s is refused at the part to change", async (_, address, fieldErrors) => {
    const u = await person("输入戊");
    const rental = wizardTemplateById("rental")!;
    const before = await counts();
    const res = await templateDraftSave(u, {
      contractId: null,
      templateId: "rental",
      party: { myRole: rental.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "13912345678" },
      form: { ...realFrom(rental.sample(shanghaiToday(now()))), address },
      complete: true,
    });
    expect(res).toEqual({ ok: false, error: "请检查填写的内容", fieldErrors });
    expect(await counts()).toEqual(before);
  });

  it("a 租房合同 address without code (as stored before codes) is accepted and stored with its code", async () => {
    const u = await person("输入己");
    const rental = wizardTemplateById("rental")!;
    const res = await templateDraftSave(u, {
      contractId: null,
      templateId: "rental",
      party: { myRole: rental.defaultInitiator, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdNumber: "", counterpartyPhone: "13912345678" },
      form: { ...realFrom(rental.sample(shanghaiToday(now()))), address: { province: "重庆市", city: "重庆市", district: "渝中区", detail: "和平路1号" } },
      complete: true,
    });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const c = await db().contract.findUniqueOrThrow({ where: { id: res.data.contractId } });
    expect((c.facts as { form: { address: unknown } }).form.address).toEqual({ province: "重庆市", city: "重庆市", district: "渝中区", detail: "和平路1号", code: "500103" });
  });

  it("a 解除 reason with a bidi override, an admin date that does not exist, and a crafted type each get a Chinese message", async () => {
    const { a, contractId } = await effectiveIou(["输入丙", "输入丁"]);
    const version = (await db().contract.findUniqueOrThrow({ where: { id: contractId } })).version;
    expect(await endRequest(a, { contractId, version, kind: "rescind", reason: "协商\u202E一致" })).toMatchObject({ ok: false, fieldErrors: { reason: HIDDEN } });

    const admin = await db().user.create({ data: { phone: "13900009999", role: "ADMIN" } });
    const before = await counts();
    const batch = { name: "日期测试", kind: "FIXED", amountYuan: "5", validFrom: "2026-01-01", validTo: "2026-13-45", perUserLimit: 1 };
    expect(await couponBatchCreate({ admin, ip: "10.0.0.1" }, batch)).toMatchObject({ ok: false, fieldErrors: { validTo: "请选择有效的截止日期" } });
    // a number where a string belongs: zod's own message, in Chinese
    const typed = await requestLoginCode({ phone: 13912345678, agree: true }, { ip: "10.0.0.1", limitable: true });
    expect(typed).toMatchObject({ ok: false, fieldErrors: { phone: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(await counts()).toEqual(before);
  });
});

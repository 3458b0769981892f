// Template-specific rules and clauses: the limits each agreement has, and that each choice made in
// the wizard shows up in the printed clauses.
import { describe, expect, it } from "vitest";
import { toChineseUppercase } from "../money";
import { isoDay, isoTermEnd } from "./engine";
import { wizardTemplateById, type WizardTemplate } from "./registry";
import { ctx, docText, issueAt, issuesOf, render, today } from "./templates.test-helpers";

const t = (id: string): WizardTemplate => wizardTemplateById(id)!;
const sample = (id: string) => t(id).sample(today);
const text = (id: string, change: Record<string, unknown> = {}) => docText(render(t(id), { ...sample(id), ...change }));
const facts = (id: string, change: Record<string, unknown> = {}) => t(id).facts(t(id).schema(ctx).parse({ ...sample(id), ...change }));

describe("收据", () => {
  it.each([
    ["500000", true],
    ["500000.00", true],
    ["500000.01", false],
    ["0.01", true],
  ])("amount %s accepted: %s", (amount, ok) => {
    expect(issueAt(t("receipt"), { ...sample("receipt"), amount }, "amount")?.message).toBe(ok ? undefined : "收款金额最高¥500,000.00");
  });

  it("refuses a payment date in the future, accepts today and the past", () => {
    expect(issueAt(t("receipt"), { ...sample("receipt"), paidOn: isoDay(today, 1) }, "paidOn")?.message).toBe("收款日期不能晚于今天");
    expect(issueAt(t("receipt"), { ...sample("receipt"), paidOn: isoDay(today) }, "paidOn")).toBeUndefined();
    expect(issueAt(t("receipt"), { ...sample("receipt"), paidOn: isoDay(today, -400) }, "paidOn")).toBeUndefined();
  });

  it("needs a description when the reason is 其他, and the other payment method when chosen", () => {
    expect(issueAt(t("receipt"), { ...sample("receipt"), reason: "OTHER", purpose: "" }, "purpose")?.message).toMatch(/款项说明/);
    expect(issueAt(t("receipt"), { ...sample("receipt"), reason: "GOODS", purpose: "" }, "purpose")).toBeUndefined();
    const doc = text("receipt", { payMethod: "OTHER", payMethodOther: "银行承兑汇票" });
    expect(doc).toContain("以银行承兑汇票方式支付");
  });

  it("is a receipt statement: amount, 大写, method, date, reason — no contract clauses", () => {
    const doc = text("receipt", { amount: "1234.5" });
    expect(doc).toContain("今收到付款人李四");
    expect(doc).toContain("¥1,234.50（人民币壹仟贰佰叁拾肆元伍角整）");
    expect(doc).toContain("微信");
    expect(doc).toContain("租金（示例：2026年1月房租）");
    expect(doc).toContain("收款人张三确认已足额收到上述款项");
    expect(doc).not.toContain("争议解决");
    expect(t("receipt").maxAmountFen).toBe(50_000_000);
  });
});

describe("租房合同", () => {
  const r = () => sample("rental");
  const start = isoDay(today, 7);

  it.each([
    ["2026-04-15", "租期至少1个月"],
    [isoTermEnd(start, 1), undefined], // exactly one month
    [isoTermEnd(start, 240), undefined], // exactly 20 years
    [isoDay({ y: 2046, m: 3, d: 17 }, 0), "租期最长20年（《民法典》第七百零五条）"],
  ])("end %s → %s", (endDate, message) => {
    expect(issueAt(t("rental"), { ...r(), startDate: start, handoverDate: start, endDate }, "endDate")?.message).toBe(message);
  });

  it("refuses a start more than 30 days back and a handover after the start", () => {
    expect(issueAt(t("rental"), { ...r(), startDate: isoDay(today, -31) }, "startDate")?.message).toBe(`起租日期不能早于2026年2月8日`);
    expect(issueAt(t("rental"), { ...r(), handoverDate: isoDay(today, 8) }, "handoverDate")?.message).toBe("交房日期不能晚于起租日期");
    // left empty, 交房日期 is the start date (a default of today would go stale when the start moves)
    const later = isoDay(today, 20);
    expect(t("rental").emptyForm(today).handoverDate).toBe("");
    expect((facts("rental", { startDate: later, handoverDate: "" }) as { handoverDate: string }).handoverDate).toBe(later);
    expect(text("rental", { startDate: later, handoverDate: "" })).toContain(`出租方应于${later.slice(0, 4)}年`);
  });

  // 房屋地址: 省 / 市 / 区县 from the division data, the code its own; the message on the part to change.
  const addr = (province: string, city: string, district: string, code?: string) => ({ province, city, district, detail: "和平路1号", ...(code === undefined ? {} : { code }) });
  it.each([
    ["nothing chosen", { province: "", city: "", district: "", detail: "", code: "" }, { "address.province": "请选择省份", "address.detail": "请填写房屋地址的详细地址" }],
    ["no city", addr("广东省", "", ""), { "address.city": "请选择城市" }],
    ["no 区县", addr("广东省", "深圳市", ""), { "address.district": "请选择区县" }],
    ["a valid triple", addr("广东省", "深圳市", "南山区", "440305"), {}],
    ["a municipality", addr("重庆市", "重庆市", "渝中区", "500103"), {}],
    ["省直辖县级 (no 区县)", addr("河南省", "济源市", "", "419001"), {}],
    ["澳门 (the province only)", addr("澳门特别行政区", "", "", "820000"), {}],
    ["an old value without code", addr("北京市", "北京市", "朝阳区"), {}],
    ["free text", addr("广东", "深圳", "南山"), { "address.province": "所选地区不存在" }],
    ["a city not in the province", addr("湖南省", "深圳市", "南山区"), { "address.city": "所选地区不存在" }],
    ["a 区县 not in the city", addr("广东省", "深圳市", "天河区"), { "address.district": "所选地区不存在" }],
    ["a forged code", addr("广东省", "深圳市", "南山区", "110105"), { "address.district": "所选地区不存在" }],
    ["a code of another type", { ...addr("广东省", "深圳市", "南山区"), code: 440305 }, { address: "房屋地址格式不正确" }],
  ] as const)("address: %s", (_, address, expected) => {
    const issues = Object.fromEntries(issuesOf(t("rental"), { ...r(), address }).filter((i) => i.path.startsWith("address")).map((i) => [i.path, i.message]));
    expect(issues).toEqual(expected);
  });

  it("gives an old address its code, and prints the names only", () => {
    const old = { province: " 北京市", city: "北京市", district: "朝阳区 ", detail: "和平路1号" }; // stored before codes existed
    expect(t("rental").schema(ctx).parse({ ...r(), address: old }).address).toEqual({ province: "北京市", city: "北京市", district: "朝阳区", detail: "和平路1号", code: "110105" });
    expect(t("rental").read({ ...r(), address: old }).address).toMatchObject({ code: "110105" });
    // a stored value the data no longer knows is still read (a signed contract keeps its names)
    expect(t("rental").read({ ...r(), address: { ...old, district: "示例区" } }).address).toEqual({ province: "北京市", city: "北京市", district: "示例区", detail: "和平路1号", code: "" });
    const printed = text("rental", { ...r(), address: { ...old, code: "110105" } });
    expect(printed).toContain("北京市朝阳区和平路1号");
    expect(printed).not.toContain("110105");
    expect(text("rental", { ...r(), address: addr("香港特别行政区", "", "", "810000") })).toContain("香港特别行政区和平路1号");
  });

  it("prints every cost-table entry with its bearer, including added items", () => {
    const costs = [
      { item: "水费", bearer: "TENANT", note: "" },
      { item: "物业管理费", bearer: "TENANT", note: "按月缴纳" },
      { item: "停车管理费", bearer: "LANDLORD", note: "" },
    ];
    const doc = render(t("rental"), { ...r(), costs });
    const table = doc.blocks.find((b) => b.type === "table" && b.columns[0] === "费用项目");
    expect(table).toEqual({
      type: "table",
      columns: ["费用项目", "承担方", "备注"],
      rows: [
        ["水费", "承租方", "—"],
        ["物业管理费", "承租方", "按月缴纳"],
        ["停车管理费", "出租方", "—"],
      ],
    });
  });

  it("refuses a repeated cost item and a cost row without a bearer", () => {
    const costs = [
      { item: "水费", bearer: "TENANT", note: "" },
      { item: "水费", bearer: "LANDLORD", note: "" },
    ];
    expect(issueAt(t("rental"), { ...r(), costs }, "costs.1.item")?.message).toBe("费用项目重复");
    expect(issueAt(t("rental"), { ...r(), costs: [{ item: "水费", bearer: "", note: "" }] }, "costs.0.bearer")?.message).toBe("请选择承担方");
  });

  it("reflects each choice in the clauses", () => {
    expect(text("rental")).toContain("未经出租方书面同意，承租方不得将房屋转租");
    expect(text("rental", { subletAllowed: true })).toContain("出租方同意承租方将房屋部分或全部转租");
    expect(text("rental")).toContain("不得在房屋内饲养宠物");
    expect(text("rental", { petsAllowed: true })).toContain("出租方同意承租方在房屋内饲养宠物");
    expect(text("rental", { earlyPenalty: "CUSTOM", earlyPenaltyAmount: "2000" })).toContain(`违约金¥2,000.00（人民币${toChineseUppercase(200_000)}）`);
    expect(text("rental", { earlyPenalty: "NONE" })).toContain("无需支付违约金");
    expect(text("rental", { deposit: "" })).toContain("本合同不收取押金");
    expect(text("rental", { payCycle: "YEARLY" })).toContain("每期12个月，每期租金为¥54,000.00");
    expect(text("rental", { leaseScope: "ROOM", roomNote: "次卧" })).toContain("单间出租：次卧");
    expect(text("rental", { landlordIs: "SUBLESSOR" })).toContain("已取得房屋所有权人同意转租");
    expect(text("rental", { smallRepairBearer: "LANDLORD", largeRepairBearer: "LANDLORD" })).toContain("维修费用由出租方承担");
    const doc = text("rental");
    expect(doc).toContain("低于¥500.00（人民币伍佰元整）的由承租方承担，达到该金额的由出租方承担");
    expect(doc).toContain("钥匙3把、门禁卡2张");
    expect(doc).toContain("水表125.5吨，电表3021度，燃气表88.2立方米");
    expect(doc).toContain("冰箱");
    expect(doc).toContain("共1年");
    expect(doc).toContain("房屋所在地有管辖权的人民法院");
    expect(doc).toContain("优先购买");
  });

  it("ignores a furniture list left behind when furniture is switched off", () => {
    const x = facts("rental", { hasFurniture: false }) as { furniture: unknown[] };
    expect(x.furniture).toEqual([]);
    expect(text("rental", { hasFurniture: false })).toContain("不随附出租方的家具家电");
  });

  it("cannot tie the early-termination penalty to a deposit that is not taken", () => {
    expect(issueAt(t("rental"), { ...r(), deposit: "", earlyPenalty: "DEPOSIT" }, "earlyPenalty")?.message).toMatch(/未收取押金/);
    expect(text("rental", { earlyPenalty: "DEPOSIT" })).toContain("违约金¥4,500.00");
  });

  it("needs a deposit-return period only when a deposit is taken", () => {
    expect(issueAt(t("rental"), { ...r(), depositReturnDays: "" }, "depositReturnDays")?.message).toBe("请填写押金退还期限");
    expect(issueAt(t("rental"), { ...r(), deposit: "", depositReturnDays: "" }, "depositReturnDays")).toBeUndefined();
  });
});

describe("买卖合同", () => {
  it("totals the goods lines and prints the total in 大写", () => {
    const x = facts("sale") as { totalFen: number };
    expect(x.totalFen).toBe(420_000 + 2 * 9_950);
    expect(text("sale")).toContain(`合同总价为¥4,399.00（人民币${toChineseUppercase(439_900)}）`);
  });

  it("caps earnest money at 20% of the price (Civil Code art. 586)", () => {
    expect(issueAt(t("sale"), { ...sample("sale"), deposit: "879.8" }, "deposit")).toBeUndefined();
    expect(issueAt(t("sale"), { ...sample("sale"), deposit: "879.81" }, "deposit")?.message).toBe("定金不得超过合同总价的20%");
  });

  it("describes the used condition, delivery and title retention as chosen", () => {
    expect(text("sale")).toContain("九成新，外壳有轻微划痕");
    expect(issueAt(t("sale"), { ...sample("sale"), usedNote: "" }, "usedNote")?.message).toBe("请填写成色及已知瑕疵");
    expect(text("sale")).toContain("在买方付清全部价款之前，货物的所有权仍属于卖方");
    expect(text("sale", { retainTitle: false })).toContain("所有权自交付之时转移给买方");
    expect(text("sale", { deliveryMethod: "BUYER_PICKUP" })).toContain("自行提取货物");
    expect(text("sale", { warrantyMonths: "0" })).toContain("不提供质保");
  });
});

describe("交通事故和解协议", () => {
  it("checks plates and sums the compensation items", () => {
    expect(issueAt(t("traffic-settlement"), { ...sample("traffic-settlement"), compensatorPlate: "ABC123" }, "compensatorPlate")?.message).toMatch(/车牌号/);
    expect(issueAt(t("traffic-settlement"), { ...sample("traffic-settlement"), compensatorPlate: "粤BD12345" }, "compensatorPlate")).toBeUndefined();
    expect(issueAt(t("traffic-settlement"), { ...sample("traffic-settlement"), compensatorMode: "PEDESTRIAN", compensatorPlate: "" }, "compensatorPlate")).toBeUndefined();
    const doc = text("traffic-settlement");
    expect(doc).toContain(`合计¥3,850.00（人民币${toChineseUppercase(385_000)}）`);
    expect(doc).toContain("简易程序");
    expect(doc).toContain("赔偿方负全部责任");
    expect(doc).toContain("不再以任何方式就本次事故向赔偿方主张其他赔偿");
  });

  it("refuses an accident in the future and keeps follow-up claims only when reserved", () => {
    expect(issueAt(t("traffic-settlement"), { ...sample("traffic-settlement"), accidentDate: isoDay(today, 1) }, "accidentDate")).toBeDefined();
    const reserved = text("traffic-settlement", { injured: true, injuryNote: "左臂擦伤", reserveFollowUp: true });
    expect(reserved).toContain("后续治疗费及伤残赔偿另行协商");
    expect(reserved).toContain("左臂擦伤");
  });
});

describe("对账单", () => {
  it("computes the balance from the opening amount and the lines", () => {
    const x = facts("statement") as { chargesFen: number; paymentsFen: number; balanceFen: number };
    expect(x.chargesFen).toBe(160_000 + 97_550 + 56_000);
    expect(x.paymentsFen).toBe(200_000);
    expect(x.balanceFen).toBe(120_000 + 313_550 - 200_000);
    expect(text("statement")).toContain(`付款方尚欠收款方¥2,335.50（人民币${toChineseUppercase(233_550)}）`);
  });

  it("refuses a line outside the period and a payment deadline for a settled account", () => {
    const s = sample("statement");
    const lines = [{ date: isoDay(today, -90), description: "早于期间", kind: "CHARGE", amount: "1" }];
    expect(issueAt(t("statement"), { ...s, lines }, "lines.0.date")?.message).toBe("明细日期应在对账期间内");
    const settled = [{ date: isoDay(today, -20), description: "付清", kind: "PAYMENT", amount: "1200" }];
    expect(issueAt(t("statement"), { ...s, lines: settled }, "payPlan")?.message).toMatch(/无需约定付款期限/);
    expect(text("statement", { lines: settled, payPlan: "NONE" })).toContain("互不相欠");
  });
});

describe("简易对账单", () => {
  it("refuses paying more than is owed and prints the balance", () => {
    expect(issueAt(t("simple-statement"), { ...sample("simple-statement"), paid: "38600.01" }, "paid")?.message).toBe("已付金额不能超过应付总额");
    expect(text("simple-statement")).toContain(`付款方尚欠收款方¥8,600.00（人民币${toChineseUppercase(860_000)}）`);
  });
});

describe("装饰装修合同", () => {
  it("requires the payment stages to add up to the price", () => {
    const s = sample("renovation");
    expect(issueAt(t("renovation"), { ...s, price: "86000.01" }, "stages")?.message).toBe("各阶段金额合计¥86,000.00，应等于工程总价¥86,000.01");
    expect(text("renovation")).toContain(`工程总价为¥86,000.00（人民币${toChineseUppercase(8_600_000)}）`);
    expect(text("renovation")).toContain("不得拆改房屋承重结构");
    expect(text("renovation")).toContain("防渗漏保修期为5年");
  });

  it("names the owner-supplied materials in a half or labour-only contract", () => {
    expect(issueAt(t("renovation"), { ...sample("renovation"), ownerMaterials: "" }, "ownerMaterials")?.message).toBe("请填写业主自购材料");
    expect(issueAt(t("renovation"), { ...sample("renovation"), mode: "FULL", ownerMaterials: "" }, "ownerMaterials")).toBeUndefined();
  });
});

describe("草场流转合同", () => {
  it("runs in whole years within the remaining contract term", () => {
    const s = sample("grassland-transfer");
    expect(issueAt(t("grassland-transfer"), { ...s, endDate: isoDay(today, 500) }, "endDate")?.message).toMatch(/整年/);
    expect(issueAt(t("grassland-transfer"), { ...s, contractEnd: isoDay(today, 365) }, "endDate")?.message).toBe("流转期限不得超过承包期的剩余期限");
  });

  it("prices per 亩 per year and prints the boundaries and protection duties", () => {
    const x = facts("grassland-transfer") as { annualFen: number; totalFen: number; years: number };
    expect(x.annualFen).toBe(1200 * 1800);
    expect(x.years).toBe(5);
    expect(x.totalFen).toBe(5 * 1200 * 1800);
    const doc = text("grassland-transfer");
    expect(doc).toContain(toChineseUppercase(5 * 1200 * 1800));
    expect(doc).toContain("东至 | 示例嘎查公用道路");
    expect(doc).toContain("核定载畜量300个羊单位");
    expect(doc).toContain("草原法");
    expect(doc).toContain("备案");
    expect(doc).toContain("农村土地承包仲裁机构");
  });
});

describe("other templates", () => {
  it("上门喂养: fee per visit × days × visits per day", () => {
    const x = facts("pet-feeding") as { totalFen: number; days: number };
    expect(x.days).toBe(7);
    expect(x.totalFen).toBe(6_000 * 7);
    expect(text("pet-feeding")).toContain(`共7次，合计¥420.00（人民币${toChineseUppercase(42_000)}）`);
    expect(issueAt(t("pet-feeding"), { ...sample("pet-feeding"), taskFeed: false, taskWater: false, taskLitter: false, taskReport: false }, "taskFeed")).toBeDefined();
  });

  it("赠与: money or items, with revocation rules", () => {
    expect(text("gift")).toContain(`款项¥20,000.00（人民币${toChineseUppercase(2_000_000)}）`);
    expect(text("gift")).toContain("赠与财产的权利转移之前，赠与人可以撤销赠与");
    const items = [{ name: "钢琴", quantity: "1", value: "8000", note: "" }];
    const doc = text("gift", { giftKind: "ITEM", items, deliveryPlace: "受赠人住所" });
    expect(doc).toContain("钢琴");
    expect(doc).toContain(toChineseUppercase(800_000));
    expect(issueAt(t("gift"), { ...sample("gift"), giftKind: "ITEM", items: [] }, "items")?.message).toBe("请至少填写1项赠与物品");
  });

  it("商铺: rent-free period shorter than the term, yearly increase printed", () => {
    expect(issueAt(t("shop-lease"), { ...sample("shop-lease"), rentFreeDays: "180", endDate: isoTermEnd(isoDay(today, 15), 3) }, "rentFreeDays")?.message).toBe("免租期应短于租期");
    expect(text("shop-lease")).toContain("递增3%");
    expect(text("shop-lease", { increase: "NONE" })).toContain("租赁期内租金不递增");
    expect(text("shop-lease")).toContain("商铺所在地有管辖权的人民法院");
  });

  it("车位: a use-right space cannot be let beyond its own term", () => {
    const s = { ...sample("parking-lease"), rightType: "USE_RIGHT", rightExpiry: isoDay(today, 100) };
    expect(issueAt(t("parking-lease"), s, "endDate")?.message).toBe("租期不能超过出租方车位使用权的届满日期");
    expect(text("parking-lease")).toContain("不构成车辆保管关系");
  });

  it("图片许可: portrait consent is required when people are shown", () => {
    expect(issueAt(t("image-license"), { ...sample("image-license"), hasPortrait: true }, "portraitConsent")?.message).toBe("图片含人物肖像的，须先取得肖像权人的同意");
    expect(text("image-license", { hasPortrait: true, portraitConsent: true })).toContain("已取得肖像权人同意");
    expect(text("image-license", { licenseType: "SOLE" })).toContain("许可方自己也不得使用");
  });

  it("兼职 and 家政: a labour-service relationship with fault-based injury liability", () => {
    expect(text("part-time")).toContain("不构成劳动关系");
    expect(text("part-time")).toContain("每天¥260.00");
    expect(text("housekeeping")).toContain("根据各自的过错承担相应责任");
    expect(text("housekeeping")).toContain("每月休息");
    expect(text("housekeeping", { liveIn: "DAY" })).not.toContain("每月休息");
  });

  it("物品租赁: monthly rent needs a pay day; values fix the compensation", () => {
    expect(issueAt(t("item-lease"), { ...sample("item-lease"), payTiming: "MONTHLY", payDay: "" }, "payDay")?.message).toBe("请填写每月付款日");
    expect(text("item-lease")).toContain(`约定价值合计¥20,000.00（人民币${toChineseUppercase(2_000_000)}）`);
  });

  it("服务: an advance must be below the fee", () => {
    expect(issueAt(t("service"), { ...sample("service"), advance: "6800" }, "advance")?.message).toBe("预付款应少于服务费总额");
    expect(text("service")).toContain("其余¥4,800.00");
  });
});

describe("保证合同", () => {
  it("the guarantee type must be chosen: left unclear it would count as 一般保证", () => {
    expect(issueAt(t("guarantee"), { ...sample("guarantee"), guaranteeType: "" }, "guaranteeType")?.message).toBe("请选择保证方式");
  });

  it("a debt already due is refused; the period runs 1–60 months", () => {
    expect(issueAt(t("guarantee"), { ...sample("guarantee"), debtDue: isoDay(today, -1) }, "debtDue")?.message).toMatch(/不能早于今天/);
    expect(issueAt(t("guarantee"), { ...sample("guarantee"), periodMonths: "61" }, "periodMonths")?.message).toBe("保证期间不能大于60个月");
  });

  it("prints the chosen type, the scope, the cap and the period", () => {
    const joint = text("guarantee");
    expect(joint).toContain("保证人承担连带责任保证");
    expect(joint).toContain("保证期间为自主债务履行期限届满之日起6个月");
    const general = text("guarantee", { guaranteeType: "GENERAL", coversCosts: false, withCap: true, capAmount: "60000" });
    expect(general).toContain("保证人承担一般保证责任");
    expect(general).not.toContain("实现债权的费用");
    expect(general).toContain("以¥60,000.00（人民币陆万元整）为限");
    expect(general).toContain("债务人王五（示例）");
  });
});

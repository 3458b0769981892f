import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN_SIGN_PASSWORD, adminSession, approveSandboxPayment, chooseSignature, completeRealName, inviteLink, passAdminFactor, person, randomAdultId, randomPhone, setSignPassword, shot, signIn, throughSigned } from "./helpers";
import { confirmWizard, fillFacts, openWizard } from "./iou-flow";

/** A server action's id in the production build, as a browser would send it. */
function adminActionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name && v.filename === "actions/admin.ts");
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

// 管理后台. Admin numbers of their own (ADMIN_PHONES in scripts/test-e2e.mjs), one per test and viewport.
const phones = { gate: { desktop: "13900000005", phone: "13900000006" }, ops: { desktop: "13900000007", phone: "13900000008" } } as const;
const phoneFor = (which: keyof typeof phones, project: string) => phones[which][project === "phone" ? "phone" : "desktop"];

test("@admin a non-admin gets 404 everywhere under /admin; an admin passes a second factor each session", async ({ browser }, info) => {
  const user = await person(browser, info, "普通用户");
  for (const path of ["/admin", "/admin/users", "/admin/fees", "/admin/audit", "/admin-verify", "/api/admin/contracts/x/pdf"]) {
    expect((await user.page.request.get(path)).status(), path).toBe(404);
  }
  // an admin server action posted directly (its id from the build's manifest) never runs: under
  // /admin the proxy answers 404 before Next looks the action up (elsewhere Next does not serve
  // admin actions at all, and each one checks requireAdmin again)
  const id = adminActionId("couponBatchCreateAction");
  const forged = { name: "越权批次", kind: "FIXED", amountYuan: "99", validFrom: "2026-01-01", validTo: "2099-01-01", perUserLimit: 9, code: "HACKED1" };
  const headers = { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" };
  expect((await user.page.request.post("/admin/fees", { headers, data: JSON.stringify([forged]) })).status()).toBe(404);
  await user.page.goto("/me/coupons");
  await user.page.getByLabel("兑换码").fill("HACKED1");
  await user.page.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(user.page.locator("#code-error")).toHaveText("兑换码不正确");
  await user.context.close();

  const context = await browser.newContext(info.project.use);
  const page = await context.newPage();
  await signIn(page, phoneFor("gate", info.project.name));
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin-verify$/);
  await expect(page.getByTestId("admin-factor-missing")).toBeVisible();
  await completeRealName(page, "守门管理员", randomAdultId());
  await setSignPassword(page);
  await page.goto("/admin/fees");
  await expect(page).toHaveURL(/\/admin-verify$/);
  await page.getByLabel("签署密码").fill("000000");
  await page.getByRole("button", { name: "验证并进入" }).click();
  await expect(page.getByText("签署密码错误，还可尝试4次")).toBeVisible();
  await shot(page, info, "admin-verify");
  await passAdminFactor(page, ADMIN_SIGN_PASSWORD);
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(page.getByTestId("chart-contracts")).toBeVisible();
  await shot(page, info, "admin-overview");
  await context.close();
});

test("@admin coupon batch used by a user; a frozen user cannot sign; a case-library edit users find; each in the admin audit", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const { context, page: admin } = await adminSession(browser, info, phoneFor("ops", info.project.name));
  const code = `E2E${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const frozenName = info.project.name === "phone" ? "冻结借款乙" : "冻结借款甲";

  // 1. a coupon batch with a published code
  await admin.goto("/admin/fees");
  const create = admin.getByRole("heading", { name: "新建优惠券批次" }).locator("..");
  await create.getByLabel("名称").fill("测试立减");
  await create.getByLabel("减免金额（元）").fill("0");
  await create.getByRole("button", { name: "创建批次" }).click();
  await expect(create.getByText("请填写大于0的减免金额")).toBeVisible();
  await create.getByLabel("名称").fill(`测试立减${code}`);
  await create.getByLabel("减免金额（元）").fill("1.50");
  await create.getByLabel("适用合同类型（选填，逗号分隔）").fill("iou");
  await create.getByLabel("截止日期").fill("2099-12-31");
  await create.getByLabel("兑换码（选填，公开发放）").fill(code);
  await create.getByRole("button", { name: "创建批次" }).click();
  await expect(create.getByRole("status")).toHaveText("批次已创建");
  await expect(admin.getByTestId("coupon-batch").filter({ hasText: code })).toBeVisible();
  // and one that covers a whole 借条
  const freeCode = `${code}F`;
  await create.getByLabel("名称").fill(`全免${code}`);
  await create.getByLabel("减免金额（元）").fill("10");
  await create.getByLabel("适用合同类型（选填，逗号分隔）").fill("iou");
  await create.getByLabel("截止日期").fill("2099-12-31");
  await create.getByLabel("兑换码（选填，公开发放）").fill(freeCode);
  await create.getByRole("button", { name: "创建批次" }).click();
  await expect(admin.getByTestId("coupon-batch").filter({ hasText: freeCode })).toBeVisible();
  await shot(admin, info, "admin-fees");

  // the user redeems it and pays an IOU with it
  const lender = await person(browser, info, "用券出借");
  const borrower = await person(browser, info, frozenName);
  const u = lender.page;
  await u.goto("/me/coupons");
  await u.getByLabel("兑换码").fill(code);
  await u.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(u.getByTestId("redeem-done")).toContainText(`测试立减${code}`);
  await openWizard(u);
  await u.getByLabel("对方手机号（选填）").fill(borrower.phone);
  await fillFacts(u, "1200");
  await confirmWizard(u);
  await u.getByLabel("优惠券").selectOption({ label: `测试立减${code}（减¥1.50）` });
  await expect(u.getByRole("button", { name: "去支付 ¥5.40" })).toBeVisible();
  await u.getByRole("button", { name: "去支付 ¥5.40" }).click();
  await approveSandboxPayment(u);
  await u.getByRole("link", { name: "继续签署" }).click();
  await chooseSignature(u);
  await u.getByRole("button", { name: "确认签署借条" }).click();
  await u.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(u);
  await expect(u).toHaveURL(/\/contracts\/[^/]+$/);
  const contractUrl = u.url();

  // @ux a coupon that brings the fee to ¥0.00 leads straight to signing, and is spent exactly once
  await u.goto("/me/coupons");
  await u.getByLabel("兑换码").fill(freeCode);
  await u.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(u.getByTestId("redeem-done")).toContainText(`全免${code}`);
  await openWizard(u);
  await u.getByLabel("对方手机号（选填）").fill(randomPhone());
  await fillFacts(u, "800");
  await confirmWizard(u);
  await u.getByLabel("优惠券").selectOption({ label: `全免${code}（减¥10.00）` });
  await expect(u.getByTestId("price-lines")).toContainText("¥0.00");
  await shot(u, info, "fee-coupon-free");
  await u.getByTestId("fee-coupon-free").click();
  await expect(u.getByTestId("fee-paid")).toContainText("¥0.00");
  await u.reload();
  await expect(u.getByTestId("fee-paid")).toContainText("¥0.00");
  await chooseSignature(u);
  await u.getByRole("button", { name: "确认签署借条" }).click();
  await u.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(u);
  await expect(u).toHaveURL(/\/contracts\/[^/]+$/);
  await u.goto("/me/coupons?tab=used");
  await expect(u.getByTestId("coupon").filter({ hasText: `全免${code}` })).toHaveCount(1);

  // 2. the admin freezes the borrower: their session ends, sign-in is refused, the lender sees the contract on hold
  await admin.goto("/admin/users");
  await admin.getByLabel("搜索用户").fill(frozenName);
  await admin.getByRole("button", { name: "搜索" }).click();
  await admin.getByTestId("admin-user-row").filter({ hasText: frozenName }).getByRole("link").click();
  await admin.getByLabel("冻结原因").fill("用户投诉核实中");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "冻结账号" }).click();
  await expect(admin.getByTestId("admin-user-status")).toHaveText("已冻结");
  await shot(admin, info, "admin-user");
  const link = await inviteLink(borrower.page.request, borrower.phone);
  await borrower.page.goto(link);
  await expect(borrower.page.getByRole("link", { name: "登录后查看" })).toBeVisible();
  await borrower.page.goto("/me");
  await expect(borrower.page).toHaveURL(/\/login/);
  await u.goto(contractUrl);
  await expect(u.getByTestId("on-hold")).toBeVisible();

  // 3. a case-library entry, added and then edited, that users find from the IOU preview
  await admin.goto("/admin/content");
  const fresh = admin.getByRole("heading", { name: "新增案例" }).locator("..");
  await fresh.getByLabel("审理法院").fill("（示例）某区人民法院");
  await fresh.getByLabel("案号").fill(`（示例）${code}号`);
  await fresh.getByLabel("裁判日期").fill("2025-05-20");
  await fresh.getByLabel("裁判文书公开链接").fill("javascript:alert(1)");
  await fresh.getByLabel("案情摘要").fill("示例条目，非真实案例：出借人持电子借条起诉。");
  await fresh.getByLabel("裁判结果").fill("示例：支持归还本金。");
  await fresh.getByLabel("示例条目（非真实案例，前台标注“示例”）").check();
  await fresh.getByRole("button", { name: "新增案例" }).click();
  await expect(fresh.getByText("请填写裁判文书的公开链接（http:// 或 https://）")).toBeVisible();
  await fresh.getByLabel("裁判文书公开链接").fill("https://wenshu.court.gov.cn/");
  await fresh.getByRole("button", { name: "新增案例" }).click();
  await expect(fresh.getByRole("status")).toHaveText("已保存");
  const entry = admin.getByTestId("admin-case").filter({ hasText: code });
  await entry.locator("summary").click();
  const keyword = `关键词${code}`;
  await entry.getByLabel("案情摘要").fill(`示例条目，非真实案例：出借人持电子借条起诉，${keyword}。`);
  await entry.getByRole("button", { name: "保存" }).click();
  await expect(entry.getByRole("status")).toHaveText("已保存");
  await u.goto("/iou");
  await u.getByRole("link", { name: "查看借条相关司法判例" }).click();
  await u.getByLabel("搜索判例").fill(keyword);
  await u.getByRole("button", { name: "搜索" }).click();
  await expect(u.getByTestId("iou-case")).toHaveCount(1);
  await expect(u.getByTestId("iou-case")).toContainText("示例");
  await u.getByTestId("iou-case").click();
  await expect(u.getByTestId("case-summary")).toContainText(keyword);
  await shot(u, info, "iou-case");

  // 4. the admin audit shows each of those actions
  await admin.goto("/admin/audit");
  const audit = admin.getByTestId("admin-audit-row");
  await expect(audit.filter({ hasText: `新建优惠券批次「测试立减${code}」` })).toHaveCount(1);
  await expect(audit.filter({ hasText: `冻结用户 ${frozenName}：用户投诉核实中` })).toHaveCount(1);
  await expect(audit.filter({ hasText: "修改判例" }).first()).toBeVisible();
  await shot(admin, info, "admin-audit");
  await context.close();
  await lender.context.close();
  await borrower.context.close();
});

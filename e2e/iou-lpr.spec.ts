import { test, expect } from "@playwright/test";
import { adminSession, person, shot } from "./helpers";
import { nextStep, openWizard } from "./iou-flow";

// Admin numbers of its own (ADMIN_PHONES in scripts/test-e2e.mjs), apart from the foundation
// spec's, so the login-code spacing never collides. Both viewports set the same value.
const adminPhone = (project: string) => (project === "phone" ? "13900000004" : "13900000003");

test("@iou the admin sets the one-year LPR; the wizard warns above four times it", async ({ browser }, info) => {
  const { context: adminCtx, page: admin } = await adminSession(browser, info, adminPhone(info.project.name));
  await admin.goto("/admin/settings");
  const field = admin.getByLabel("一年期贷款市场报价利率（LPR，%）");
  await field.fill("abc");
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.locator("#lpr-error")).toHaveText("请输入百分比，最多两位小数，如 3.00");
  await field.fill("2.50");
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("status")).toContainText("一年期LPR 2.50%，四倍为 10.00%");
  await shot(admin, info, "admin-settings");

  const lender = await person(browser, info, "利出借");
  await openWizard(lender.page);
  await nextStep(lender.page);
  await lender.page.getByLabel("借款金额", { exact: true }).fill("1000");
  await lender.page.getByLabel("借款用途").fill("周转");
  await nextStep(lender.page);
  await lender.page.getByLabel("年利率（%）").fill("10");
  await expect(lender.page.getByTestId("form-annualRate-advice")).toHaveCount(0);
  await lender.page.getByLabel("年利率（%）").fill("10.5");
  await expect(lender.page.getByTestId("form-annualRate-advice")).toContainText("一年期LPR（2.5%）的4倍（10%）");
  await adminCtx.close();
  await lender.context.close();
});

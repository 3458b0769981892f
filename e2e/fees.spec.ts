import { expect, test, type Page } from "@playwright/test";
import { approveSandboxPayment, outbox, person, shot } from "./helpers";
import { confirmWizard, fillFacts, openWizard, signAsInitiator } from "./iou-flow";
import { forSigner, setUp, signOwnDocument, uploadFrom } from "./own-file-flow";

// Fees as a user meets them: the free quota, the price lines, the sandbox gateway (approve and
// decline), the saver card, a coupon, and a refund when a paid contract is revoked.

const lines = (page: Page) => page.getByTestId("price-lines");
const total = (page: Page) => page.getByTestId("price-total");

async function iouDraftToSignPage(page: Page, amount: string) {
  await openWizard(page);
  await fillFacts(page, amount);
  await confirmWizard(page);
}

test("@fees free quota, paying (declined, then approved), the saver card, a coupon, and a refund", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const me = await person(browser, info, "费用甲");
  const other = await person(browser, info, "费用乙");
  const page = me.page;

  // 1. the first own document of the month is free: the lines say so and no payment is asked
  await uploadFrom(page, "contract.pdf");
  await setUp(page, "免费额度测试", [{ phone: other.phone }]);
  await page.getByTestId("palette-SIGNATURE").click();
  await forSigner(page, "签署方2");
  await page.getByTestId("palette-SIGNATURE").click();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(lines(page)).toContainText("月免费额度（本月剩余3次）");
  await expect(total(page)).toContainText("¥0.00");
  await expect(page.getByRole("button", { name: /^去支付/ })).toHaveCount(0);
  await shot(page, info, "fee-free");
  await signOwnDocument(page);
  await expect(page.getByTestId("status")).not.toHaveText("草稿");

  // 2. a 借条 shows its price; a declined payment leaves it unsent and signing blocked
  await iouDraftToSignPage(page, "2000");
  await expect(lines(page)).toContainText("原价");
  await expect(total(page)).toContainText("¥6.90");
  await expect(page.getByRole("button", { name: "确认签署借条" })).toBeDisabled();
  await expect(page.getByText("请先支付合同费用")).toBeVisible();
  await shot(page, info, "fee-due");
  const signUrl = page.url();
  await page.getByRole("button", { name: "去支付 ¥6.90" }).click();
  await expect(page.getByTestId("sandbox-amount")).toHaveText("¥6.90");
  await shot(page, info, "sandbox-pay");
  await page.getByRole("button", { name: "拒绝支付" }).click();
  await expect(page.getByText("支付未完成")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("待支付");
  await shot(page, info, "order-declined");
  await page.goto(signUrl.replace(/\/sign$/, ""));
  await expect(page.getByTestId("status")).toHaveText("草稿");
  // paying again through 重新支付, then signing proceeds
  await page.goto("/me/orders");
  await page.getByTestId("order-row").first().click();
  await page.getByRole("button", { name: "重新支付" }).click();
  await approveSandboxPayment(page);
  await page.getByRole("link", { name: "继续签署" }).click();
  await expect(page.getByTestId("fee-paid")).toContainText("¥6.90");
  await signAsInitiator(page);
  const paidContract = page.url();
  await expect(page.getByTestId("status")).not.toHaveText("草稿");

  // 3. the saver card halves the next 借条
  await page.goto("/me/card");
  await expect(page.getByText("未开通")).toBeVisible();
  await page.getByRole("button", { name: "开通省钱月卡 ¥19.90" }).click();
  await approveSandboxPayment(page);
  await page.getByRole("link", { name: "查看省钱月卡" }).click();
  await expect(page.getByTestId("card-until")).toBeVisible();
  await shot(page, info, "saver-card");
  await iouDraftToSignPage(page, "3000");
  await expect(lines(page)).toContainText("省钱月卡（50%优惠）");
  await expect(total(page)).toContainText("¥3.45");

  // 4. a coupon redeemed by code lowers it further
  const signUrl2 = page.url();
  await page.goto("/me/coupons");
  await page.getByLabel("兑换码").fill("WRONG1");
  await page.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(page.locator("#code-error")).toHaveText("兑换码不正确");
  await page.getByLabel("兑换码").fill("xinren2026");
  await page.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(page.getByTestId("redeem-done")).toContainText("示例·新人立减券");
  await page.reload();
  await expect(page.getByTestId("coupon")).toHaveCount(1);
  await shot(page, info, "coupons");
  await page.goto(signUrl2);
  await page.getByLabel("优惠券").selectOption({ label: "示例·新人立减券（减¥2.00）" });
  await expect(lines(page)).toContainText("优惠券（示例·新人立减券）");
  await expect(total(page)).toContainText("¥1.45");
  await shot(page, info, "fee-card-coupon");
  await page.getByRole("button", { name: "去支付 ¥1.45" }).click();
  await approveSandboxPayment(page);

  // 5. revoking the first paid 借条 before the other side acted refunds it
  await page.goto(paidContract);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByTestId("status")).toHaveText("已撤销");
  await page.goto("/me/orders");
  await expect.poll(async () => {
    await page.reload();
    return page.getByTestId("order-row-status").allTextContents();
  }, { timeout: 30_000 }).toContain("已退款");
  await expect.poll(async () => (await outbox(page.request, me.phone)).some((r) => r.kind === "order.refunded")).toBe(true);
  await shot(page, info, "orders");

  await me.context.close();
  await other.context.close();
});

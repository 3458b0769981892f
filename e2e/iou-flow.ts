// The 借条 steps several specs share: wizard, initiator signature, and a whole effective IOU.
import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { chooseSignature, drawSignature, inviteLink, payContractFee, person } from "./helpers";

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** home → 借条 → 告知书 → wizard. */
export async function openWizard(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: /借条/ }).first().click();
  await expect(page.getByRole("heading", { name: "借条模板预览" })).toBeVisible();
  await expect(page.getByRole("link", { name: "查看借条相关司法判例" })).toBeVisible();
  await page.getByRole("button", { name: "创建借条" }).click();
  await page.getByRole("button", { name: "我已理解并接受上述内容" }).click();
  await expect(page.getByRole("heading", { name: "填写借条" })).toBeVisible();
}

export async function fillFacts(page: Page, amount: string) {
  await page.getByLabel("借款金额（元）").fill(amount);
  await page.getByLabel("借款用途").fill("家庭装修周转");
  await page.getByLabel("还款日期").fill(inDays(90));
  await page.getByLabel("年利率（%，选填）").fill("3.5");
}

/** The initiator's signature: draw, confirm, pass the 模拟 face check, land on the detail page. */
export async function signAsInitiator(page: Page) {
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
  await payContractFee(page);
  await chooseSignature(page);
  await page.getByRole("button", { name: "确认签署借条" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
}

/** Two signed-in people with an effective IOU between them (lender initiates, borrower 对方填). */
export async function effectiveIou(browser: Browser, info: TestInfo, names: [string, string], opts: { baseURL?: string } = {}) {
  const lender = await person(browser, info, names[0], opts);
  const borrower = await person(browser, info, names[1], opts);
  await openWizard(lender.page);
  await lender.page.getByLabel("对方手机号（选填）").fill(borrower.phone);
  await fillFacts(lender.page, "8000");
  await lender.page.getByRole("button", { name: "下一步：预览并签署" }).click();
  await signAsInitiator(lender.page);
  const contractUrl = lender.page.url();
  const b = borrower.page;
  await b.goto(await inviteLink(b.request, borrower.phone));
  await b.getByRole("button", { name: "确认个人信息" }).click();
  await drawSignature(b);
  await b.getByRole("button", { name: "确认签署", exact: true }).click();
  await b.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(b.getByTestId("status")).toHaveText("已生效");
  return { lender, borrower, contractUrl };
}

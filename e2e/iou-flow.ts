// The 借条 steps several specs share: wizard, initiator signature, and a whole effective IOU.
import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { chooseSignature, drawSignature, inviteLink, payContractFee, person, throughSigned } from "./helpers";

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** home → 借条 → 告知书 → the template wizard's first step (签署方). */
export async function openWizard(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: /借条/ }).first().click();
  await expect(page.getByRole("heading", { name: "借条模板预览" })).toBeVisible();
  await expect(page.getByRole("link", { name: "查看借条相关司法判例" })).toBeVisible();
  await page.getByRole("button", { name: "创建借条" }).click();
  await page.getByRole("button", { name: "我已理解并接受上述内容" }).click();
  await expect(page.getByRole("heading", { name: "借条", exact: true })).toBeVisible();
  await expect(stepTitle(page)).toHaveText("签署方");
}

export const stepTitle = (page: Page) => page.getByTestId("wizard-step-title");
/** 下一步 of the wizard's sticky bar. */
export const nextStep = (page: Page) => page.getByRole("button", { name: "下一步", exact: true }).click();

/** From 签署方: the loan (一次性还款 in 90 days at 3.5%), stopping on 补充约定. */
export async function fillFacts(page: Page, amount: string) {
  await nextStep(page);
  await expect(stepTitle(page)).toHaveText("借款信息");
  await page.getByLabel("借款金额", { exact: true }).fill(amount);
  await page.getByLabel("借款用途").fill("家庭装修周转");
  await nextStep(page);
  await expect(stepTitle(page)).toHaveText("还款方式");
  await page.getByLabel("还款日期").fill(inDays(90));
  await page.getByLabel("年利率（%）").fill("3.5");
  await nextStep(page);
  await expect(stepTitle(page)).toHaveText("补充约定");
}

/** From the last step: the preview, then 确认并下一步 to the sign page. */
export async function confirmWizard(page: Page) {
  await nextStep(page);
  await expect(stepTitle(page)).toHaveText("预览");
  await page.getByRole("button", { name: "确认并下一步" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
}

/** The initiator's signature: draw, confirm, pass the 模拟 face check, land on the detail page. */
export async function signAsInitiator(page: Page) {
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
  await payContractFee(page);
  await chooseSignature(page);
  await page.getByRole("button", { name: "确认签署借条" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(page);
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
}

/** Two signed-in people with an effective IOU between them (lender initiates, borrower 对方填). */
export async function effectiveIou(browser: Browser, info: TestInfo, names: [string, string], opts: { baseURL?: string } = {}) {
  const lender = await person(browser, info, names[0], opts);
  const borrower = await person(browser, info, names[1], opts);
  await openWizard(lender.page);
  await lender.page.getByLabel("对方手机号（选填）").fill(borrower.phone);
  await fillFacts(lender.page, "8000");
  await confirmWizard(lender.page);
  await signAsInitiator(lender.page);
  const contractUrl = lender.page.url();
  const b = borrower.page;
  await b.goto(await inviteLink(b.request, borrower.phone));
  await b.getByRole("button", { name: "确认个人信息" }).click();
  await drawSignature(b);
  await b.getByRole("button", { name: "确认签署", exact: true }).click();
  await b.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(b);
  await expect(b.getByTestId("status")).toHaveText("已生效");
  return { lender, borrower, contractUrl };
}

import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { effectiveIou, openWizard } from "./iou-flow";

// The README's screenshots, taken from the current build by `npm run screenshots` (SCREENS_DIR set):
// the home page, the 借条 wizard, a signed contract and the folder, at phone and desktop size.
// Skipped in test:all, where nothing would look at them.
const dir = process.env.SCREENS_DIR;

async function screen(page: Page, info: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir!, `${info.project.name}-${name}.png`) });
}

test("@screens the README's screenshots", async ({ browser }, info) => {
  test.skip(!dir, "only for npm run screenshots");
  test.setTimeout(120_000);
  fs.mkdirSync(dir!, { recursive: true });
  const { lender, contractUrl } = await effectiveIou(browser, info, ["张三", "李四"]);
  const page = lender.page;
  await page.goto("/");
  await expect(page.getByText("发起签署")).toBeVisible();
  await screen(page, info, "home");
  await openWizard(page);
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(page.getByTestId("wizard-step-title")).toHaveText("借款信息");
  await page.getByLabel("借款金额", { exact: true }).fill("8000");
  await page.getByLabel("借款用途").fill("家庭装修周转");
  await screen(page, info, "iou-wizard");
  await page.goto(contractUrl);
  await expect(page.getByTestId("status")).toHaveText("已生效");
  await screen(page, info, "signed-contract");
  await page.goto("/folder");
  await expect(page.getByTestId("folder-item").first()).toBeVisible();
  await screen(page, info, "folder");
  await lender.context.close();
});

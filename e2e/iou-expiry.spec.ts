import { test, expect } from "@playwright/test";
import { person } from "./helpers";
import { confirmWizard, nextStep, signAsInitiator } from "./iou-flow";

// Moves the server clock: runs in its own project after every other spec (playwright.config.ts).
test("@iou a pending IOU expires 30 days later", async ({ browser }, info) => {
  const initiator = await person(browser, info, "韩发起");
  const page = initiator.page;
  await page.goto("/templates/iou/new");
  await nextStep(page);
  await page.getByLabel("借款金额", { exact: true }).fill("300");
  await page.getByLabel("借款用途").fill("临时周转");
  await nextStep(page);
  await page.getByLabel("还款日期").fill(new Date(Date.now() + 8 * 3600_000 + 60 * 86_400_000).toISOString().slice(0, 10));
  await nextStep(page);
  await confirmWizard(page);
  await signAsInitiator(page);
  await expect(page.getByTestId("status")).toHaveText("待借款人补充信息");
  try {
    const moved = await page.request.post("/api/dev/clock", { data: { days: 30.01 } });
    expect(moved.ok()).toBeTruthy();
    await page.reload();
    await expect(page.getByTestId("status")).toHaveText("已过期");
    await expect(page.getByTestId("timeline")).toContainText("过期");
  } finally {
    await page.request.post("/api/dev/clock", { data: { days: 0 } });
  }
  await initiator.context.close();
});

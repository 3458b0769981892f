// 文件夹 rows say what each contract is: 对方 (待对方填写 while theirs to enter), the amount, the
// number, what it waits for from each side; search finds the number; 催办 works from the row.
import { test, expect, type Page } from "@playwright/test";
import { inviteLink, outbox, person, shot } from "./helpers";
import { confirmWizard, fillFacts, openWizard, signAsInitiator } from "./iou-flow";

/** The folder row of the contract with this number, after searching for it. */
async function searchRow(page: Page, q: string) {
  await page.goto("/folder");
  await page.getByLabel("搜索合同").fill(q);
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  return page.getByTestId("folder-item");
}

test("@ux 文件夹 rows: counterparty, amount, number and what it waits for; search by number; 催办 on the row; 待我处理 on the home page", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const lender = await person(browser, info, "文件夹甲");
  const borrower = await person(browser, info, "文件夹乙");
  const page = lender.page;
  await openWizard(page);
  await page.getByLabel("对方手机号（选填）").fill(borrower.phone);
  await fillFacts(page, "8000");
  await confirmWizard(page);
  await signAsInitiator(page);
  const number = /合同编号 ([A-Z0-9]+)/.exec((await page.getByText(/合同编号 /).first().textContent()) ?? "")?.[1] ?? "";
  expect(number).toMatch(/^[A-Z]+\d{8,}$/);

  // the lender's row: the borrower is still to fill in their identity
  await page.goto("/folder");
  const row = page.getByTestId("folder-item").filter({ hasText: number });
  await expect(row.getByTestId("folder-facts")).toHaveText(`对方：待对方填写 · ¥8,000.00 · 编号 ${number}`);
  await expect(row.getByTestId("folder-waiting")).toHaveText("待对方补充信息");
  await expect(row.getByTestId("folder-status")).toHaveText("待补充信息");
  await shot(page, info, "folder-row-pending");

  // the whole number, and its beginning, find it
  for (const q of [number, number.slice(0, number.length - 4)]) {
    const found = await searchRow(page, q);
    await expect(found.filter({ hasText: number })).toHaveCount(1);
  }
  await expect(await searchRow(page, "查无此号0000")).toHaveCount(0);

  // 催办 from the row: sent once, then the hourly limit says why not, on the row
  await page.goto("/folder");
  await row.getByTestId("folder-urge").click();
  await expect(row.getByTestId("folder-urge-message")).toHaveText("已催办");
  await expect.poll(async () => (await outbox(page.request, borrower.phone)).filter((m) => m.kind === "contract.urge").length).toBe(1);
  await page.reload();
  await row.getByTestId("folder-urge").click();
  await expect(row.getByTestId("folder-urge-message")).toHaveText("每小时只能催办一次，请稍后再试");
  await shot(page, info, "folder-row-urge-refused");

  // the borrower's side: their own step awaited, no 催办
  const b = borrower.page;
  await b.goto("/folder");
  const theirs = b.getByTestId("folder-item").filter({ hasText: number });
  await expect(theirs.getByTestId("folder-facts")).toHaveText(`对方：文件夹甲 · ¥8,000.00 · 编号 ${number}`);
  await expect(theirs.getByTestId("folder-waiting")).toHaveText("待我补充信息");
  await expect(theirs.getByTestId("folder-urge")).toHaveCount(0);

  // once the borrower has supplied their identity, both rows move on
  await b.goto(await inviteLink(b.request, borrower.phone));
  await b.getByRole("button", { name: "确认个人信息" }).click();
  await expect(b.getByTestId("signature-pad")).toBeVisible();
  await b.goto("/folder");
  await expect(theirs.getByTestId("folder-waiting")).toHaveText("待我签署");
  await page.goto("/folder");
  await expect(row.getByTestId("folder-facts")).toHaveText(`对方：文件夹乙 · ¥8,000.00 · 编号 ${number}`);
  await expect(row.getByTestId("folder-waiting")).toHaveText("待对方签署");
  await expect(row.getByTestId("folder-urge")).toBeVisible();
  await shot(b, info, "folder-row-my-turn");

  // @ux the home page: 待我处理 holds it for the borrower (their signature), the lender sees it only among 最近合同
  await b.goto("/");
  await expect(b.getByTestId("home-todo").getByTestId("folder-item").filter({ hasText: number }).getByTestId("folder-waiting")).toHaveText("待我签署");
  await shot(b, info, "home-todo");
  await page.goto("/");
  await expect(page.getByTestId("home-todo")).toHaveCount(0);
  await expect(page.getByTestId("home-recent").getByTestId("folder-item").filter({ hasText: number })).toBeVisible();
  await b.goto("/folder?tab=mine");
  await expect(b.getByTestId("folder-item").filter({ hasText: number })).toHaveCount(1);
  for (const p of [lender, borrower]) await p.context.close();
});

import { expect, test } from "@playwright/test";
import { drawSignature, person, shot } from "./helpers";

// 个人中心 > 我的印章与签名: keep a drawn signature as the default, draw a seal from the real name.
test("@account 我的印章与签名: a new default signature and a seal in the chosen style", async ({ browser }, info) => {
  const me = await person(browser, info, "印章测试");
  const page = me.page;
  await page.goto("/me");
  await page.getByRole("link", { name: "我的印章与签名" }).click();
  await page.getByRole("button", { name: "新建签名" }).click();
  await drawSignature(page);
  await page.getByRole("button", { name: "保存签名" }).click();
  await expect(page.getByTestId("saved-signature")).toHaveCount(1);
  await page.getByRole("button", { name: "设为默认" }).click();
  await expect(page.getByTestId("default-badge")).toBeVisible();
  await page.getByRole("button", { name: "生成方章·姓名之印" }).click();
  await expect(page.getByTestId("saved-seal")).toHaveCount(1);
  await expect(page.getByTestId("saved-seal")).toContainText("有效");
  await page.getByRole("button", { name: "生成方章·姓名之印" }).click();
  await expect(page.getByText("已有该样式的印章")).toBeVisible();
  await shot(page, info, "seals");
  await me.context.close();
});

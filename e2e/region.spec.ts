import { expect, test } from "@playwright/test";
import { person, replaceSampleText, shot } from "./helpers";

// 省份 → 城市 → 区县: the address picker of template contracts, at phone size (the 租房合同's 房屋地址).

test("@templates the address is chosen 省份 → 城市 → 区县; each level is required where it exists and printed by name", async ({ browser }, info) => {
  test.skip(info.project.name !== "phone", "checked at phone size");
  const me = await person(browser, info, "选择地址");
  const page = me.page;
  await page.goto("/templates/rental/new?sample=1");
  await page.getByLabel("对方手机号").fill("13912345678");
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(page.getByTestId("wizard-step-title")).toHaveText("房屋信息");

  const address = page.getByRole("group", { name: "房屋地址" });
  const [province, city, district] = [address.getByLabel("省份"), address.getByLabel("城市"), address.getByLabel("区县")];
  // the sample's 北京市 → 北京市 → 朝阳区
  await expect(province).toHaveValue("北京市");
  await expect(city).toHaveValue("北京市");
  await expect(district).toHaveValue("朝阳区");

  // another province empties the levels below; moving on asks for the city, next to it
  await province.selectOption("广东省");
  await expect(city).toHaveValue("");
  await expect(district).toBeDisabled();
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(page.locator("#form-address-city-error")).toHaveText("请选择城市");
  await city.selectOption("深圳市");
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(page.locator("#form-address-district-error")).toHaveText("请选择区县");
  await district.selectOption("南山区");
  await shot(page, info, "region-picker");

  // a city without 区县 (东莞市) needs none
  await city.selectOption("东莞市");
  await expect(district).toBeDisabled();
  await expect(district).toHaveText("无");
  await city.selectOption("深圳市");
  await district.selectOption("南山区");

  for (let i = 0; i < 6 && !(await page.getByRole("button", { name: "确认并下一步" }).isVisible()); i++) {
    await replaceSampleText(page);
    await page.getByRole("button", { name: "下一步", exact: true }).click();
  }
  await expect(page.getByTestId("wizard-step-title")).toHaveText("预览");
  await expect(page.getByTestId("document")).toContainText("广东省深圳市南山区和平路1号院2号楼301室");
  await me.context.close();
});

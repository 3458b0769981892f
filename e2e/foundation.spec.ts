import { test, expect } from "@playwright/test";
import { adminSession, completeRealName, latestCode, randomPhone, requestCode, shot, signIn, validId, wrongCheckDigit, agreeToTerms } from "./helpers";

// Each viewport signs the admin in with its own number (ADMIN_PHONES in scripts/test-e2e.mjs),
// so the 60-second resend spacing never collides between the parallel projects.
const adminPhone = (project: string) => (project === "phone" ? "13900000002" : "13900000001");

test("@foundation new user signs in, is refused a wrong check digit, completes real-name and sees home", async ({ page }, info) => {
  const phone = randomPhone();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await shot(page, info, "login");

  await signIn(page, phone);
  await expect(page.getByRole("heading", { name: "个人电子签" })).toBeVisible();
  await expect(page.getByText("完成实名认证", { exact: true })).toBeVisible();
  await shot(page, info, "home-unverified");

  const id = validId("19920615");
  await page.goto("/realname");
  await page.getByLabel("真实姓名").fill("赵测试");
  await page.getByLabel("居民身份证号").fill(wrongCheckDigit(id));
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await expect(page.locator("#idNumber-error")).toHaveText("身份证号校验位不正确，请核对");
  await shot(page, info, "realname-error");

  await completeRealName(page, "赵测试", id);
  for (const tile of ["借条", "收据", "全部合同模板", "文件发起", "图片发起"]) {
    await expect(page.getByText(tile, { exact: true })).toBeVisible();
  }
  await expect(page.getByText("完成实名认证", { exact: true })).toHaveCount(0);
  await shot(page, info, "home");

  await page.getByRole("link", { name: "文件夹" }).click();
  await expect(page.getByRole("heading", { name: "文件夹" })).toBeVisible();
  await shot(page, info, "folder");

  await page.getByRole("link", { name: "个人中心" }).click();
  await expect(page.getByTestId("me-name")).toHaveText("赵测试");
  await expect(page.getByTestId("me-id")).toHaveText(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  await shot(page, info, "me");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("@foundation five wrong codes void the code", async ({ page }, info) => {
  const phone = randomPhone();
  const code = await requestCode(page, phone);
  const wrong = code === "000000" ? "111111" : "000000";
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel("验证码").fill(wrong);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator("#code-error")).toHaveText(`验证码错误，还可尝试 ${5 - i} 次`);
  }
  await page.getByLabel("验证码").fill(wrong);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("#code-error")).toHaveText("验证码错误次数过多，已失效，请重新获取");
  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("#code-error")).toHaveText("验证码已失效，请重新获取");
  await expect(page).toHaveURL(/\/login/);
  await shot(page, info, "login-code-void");
});

test("@foundation invalid phone and early resend are explained next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("手机号").fill("12345");
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.locator("#phone-error")).toHaveText("请输入正确的11位大陆手机号");
  const phone = randomPhone();
  await requestCode(page, phone);
  // A second request from another tab inside 60 s is refused by the server.
  const other = await page.context().newPage();
  await other.goto("/login");
  await other.getByLabel("手机号").fill(phone);
  await agreeToTerms(other);
  await other.getByRole("button", { name: "获取验证码" }).click();
  await expect(other.locator("#phone-error")).toContainText("验证码发送过于频繁");
});

test("@foundation admin finds the new user; a non-admin gets 404 at /admin", async ({ page, browser }, info) => {
  const phone = randomPhone();
  const name = `钱${info.project.name === "phone" ? "手机" : "桌面"}`;
  await signIn(page, phone);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.request.get("/admin/users")).status()).toBe(404);
  await completeRealName(page, name, validId("19850320"));

  const { context: adminCtx, page: admin } = await adminSession(browser, info, adminPhone(info.project.name));
  await admin.goto("/admin/users");
  await admin.getByLabel("搜索用户").fill(name);
  await admin.getByRole("button", { name: "搜索" }).click();
  const row = admin.getByTestId("admin-user-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await shot(admin, info, "admin-users");
  await admin.goto("/admin/outbox");
  await expect(admin.getByTestId("outbox-row").first()).toBeVisible();
  await shot(admin, info, "admin-outbox");
  await adminCtx.close();
});

test("@foundation health reports the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const health = await res.json();
  expect(health).toMatchObject({ status: "ok", db: "pglite" });
  // each provider by name, the development ones marked simulated
  expect(health.providers).toContainEqual({ kind: "sms", name: "dev-outbox", simulated: true, configured: true });
});

test("@foundation the signed-out tester reads the development outbox", async ({ page }, info) => {
  const phone = randomPhone();
  await requestCode(page, phone);
  const code = await latestCode(page.request, phone);
  await page.goto(`/dev/outbox?to=${phone}`);
  await expect(page.getByText(code, { exact: false })).toBeVisible();
  await shot(page, info, "dev-outbox");
});

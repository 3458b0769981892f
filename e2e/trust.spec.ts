import { expect, test } from "@playwright/test";
import { agreeToTerms, completeRealName, passAdminFactor, person, randomAdultId, requestCode, setSignPassword, shot, signIn } from "./helpers";

// Trust boundaries as an attacker would probe them, in the production build.
const admins = { desktop: "13900000009", phone: "13900000010" } as const;

test("@trust an admin who has not passed the second factor gets nothing of an admin page, even by a soft navigation's RSC request", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(info.project.use);
  const page = await context.newPage();
  await signIn(page, info.project.name === "phone" ? admins.phone : admins.desktop);
  await completeRealName(page, "二次验证管理员", randomAdultId());
  await setSignPassword(page);
  // without the factor: pages, a posted server action and an admin API route
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/admin-verify$/);
  const action = await page.request.post("/admin/outbox", { headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" });
  expect(action.status()).toBe(403);
  expect((await page.request.get("/api/admin/contracts/x/pdf")).status()).toBe(403);

  // with it: record the RSC request a menu click really sends (the layout already on screen)
  await passAdminFactor(page);
  const sent = page.waitForRequest((r) => r.url().includes("/admin/outbox") && r.headers()["rsc"] === "1" && !r.headers()["next-router-prefetch"]);
  await page.getByRole("link", { name: "短信与邮件" }).click();
  const soft = await sent;
  await expect(page.getByRole("heading", { name: "短信与邮件" })).toBeVisible();
  const replay = () => page.request.get(soft.url(), { headers: soft.headers() });
  expect(await (await replay()).text()).toContain("共 ");

  // the same soft navigation in a session that has not passed the factor renders nothing of the page
  await context.clearCookies({ name: "dzq_admin_factor" });
  const refused = await replay();
  expect(refused.url()).toMatch(/\/admin-verify(\?|$)/);
  expect(await refused.text()).not.toContain("共 ");
  await context.close();
});

test("@trust 退出登录 ends the session on the server: a copied cookie stops working", async ({ browser }, info) => {
  const someone = await person(browser, info, "退出测试");
  const copied = await someone.context.storageState();
  await someone.page.goto("/me");
  await someone.page.getByRole("button", { name: "退出登录" }).click();
  await expect(someone.page).toHaveURL(/\/login/);
  const thief = await browser.newContext({ ...info.project.use, storageState: copied });
  const page = await thief.newPage();
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login/);
  await thief.close();
  await someone.context.close();
});

test("@trust a return address in a link never leaves the site", async ({ page, baseURL }) => {
  for (const evil of ["/\\evil.example", "//evil.example", "/%5Cevil.example", "/\t/evil.example", "/%2F%2Fevil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    const phone = `16${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    const code = await requestCode(page, phone).catch(() => "");
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("验证码").fill(code);
    await agreeToTerms(page);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page, evil).toHaveURL(`${baseURL}/`);
  }
});

test("@trust pages send the usual security headers", async ({ request }) => {
  for (const path of ["/login", "/verify", "/api/health"]) {
    const h = (await request.get(path)).headers();
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
  }
});

test("@trust sign-in asks for 《用户协议》 and 《隐私政策》 with an unticked box; 实名认证 asks separately before collecting anything", async ({ page }, info) => {
  await page.goto("/login");
  const box = page.getByRole("checkbox", { name: /我已阅读并同意《用户协议》和《隐私政策》/ });
  await expect(box).not.toBeChecked();
  await page.getByLabel("手机号").fill(`16${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.locator("#agree-error")).toHaveText("请阅读并勾选同意《用户协议》和《隐私政策》");
  await expect(page.getByText("验证码已发送")).toHaveCount(0);
  await shot(page, info, "login-consent");
  for (const [slug, title] of [["terms", "用户协议"], ["privacy", "隐私政策"], ["certificate", "数字证书服务协议"]] as const) {
    await page.goto(`/legal/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/版本 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  }
  await shot(page, info, "legal-certificate");

  await signIn(page, `16${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`);
  await page.goto("/realname");
  await page.getByLabel("真实姓名").fill("同意测试");
  await page.getByLabel("居民身份证号").fill(randomAdultId());
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await expect(page.locator("#sensitiveConsent-error")).toContainText("请勾选同意处理您的证件号码和人脸信息");
  await expect(page.locator("#certificateConsent-error")).toHaveText("请阅读并勾选同意《数字证书服务协议》");
  await expect(page.getByRole("button", { name: "模拟核验通过" })).toHaveCount(0);
  await shot(page, info, "realname-consent");
});

test("@trust /api/verify refuses a file of 3,000 signature references with a message, and /api/health answers meanwhile", async ({ request }) => {
  const refs = Array.from({ length: 3000 }, (_, i) => `${i + 2} 0 obj\n<< /Type /Sig /ByteRange [0 100 200 300] /Contents <00> >>\nendobj\n`).join("");
  const pdf = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${refs}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
  const verdict = request.post("/api/verify", { multipart: { file: { name: "hostile.pdf", mimeType: "application/pdf", buffer: pdf } } });
  const health = request.get("/api/health");
  const [v, h] = await Promise.all([verdict, health]);
  expect(h.status()).toBe(200);
  expect(v.status()).toBe(422);
  expect(await v.json()).toEqual({ ok: false, error: "文件含有3000处签名，超过可验证的30处，无法验证" });
});

import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { idCheckChar } from "../lib/domain/idcard";

/** A fresh mainland mobile number per test, so parallel tests never share rate limits. */
export function randomPhone(): string {
  return `17${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
}

/** A valid resident ID for someone born on the given date (random sequence digits). */
export function validId(birth = "19900101", area = "110105"): string {
  const first17 = `${area}${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
}

export function wrongCheckDigit(id: string): string {
  const last = id.at(-1) === "1" ? "2" : "1";
  return id.slice(0, 17) + last;
}

type OutboxRow = { to: string; body: string; kind: string; status: string; attachments: unknown };

export async function outbox(request: APIRequestContext, to: string): Promise<OutboxRow[]> {
  const res = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()) as OutboxRow[];
}

/** The newest login code sent to this phone, read from the development outbox. */
export async function latestCode(request: APIRequestContext, phone: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const rows = await outbox(request, phone);
      const m = rows.find((r) => r.kind === "login_code")?.body.match(/(\d{6})/);
      code = m?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

export async function requestCode(page: Page, phone: string): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await agreeToTerms(page);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码已发送")).toBeVisible();
  return latestCode(page.request, phone);
}

/** The unticked 《用户协议》《隐私政策》 box on the sign-in form. */
export async function agreeToTerms(page: Page): Promise<void> {
  await page.getByRole("checkbox", { name: /我已阅读并同意《用户协议》和《隐私政策》/ }).check();
}

export async function signIn(page: Page, phone: string): Promise<void> {
  const code = await requestCode(page, phone);
  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function completeRealName(page: Page, name: string, id: string): Promise<void> {
  await page.goto("/realname");
  await page.getByLabel("真实姓名").fill(name);
  await page.getByLabel("居民身份证号").fill(id);
  await page.getByRole("checkbox", { name: /敏感个人信息/ }).check();
  await page.getByRole("checkbox", { name: /数字证书服务协议/ }).check();
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Saves a named screenshot per viewport and fails on horizontal overflow. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: page is wider than the viewport`).toBeLessThanOrEqual(0);
  const dir = path.join("test-results", "screens");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** A valid ID for a random adult born 1970–1999, so parallel tests never claim the same ID. */
export function randomAdultId(): string {
  const y = 1970 + Math.floor(Math.random() * 30);
  const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const d = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  return validId(`${y}${m}${d}`);
}

/** A browser context of its own with a signed-in, real-named person (initiator or counterparty). */
export async function person(browser: import("@playwright/test").Browser, testInfo: TestInfo, name: string, opts: { baseURL?: string; beforeSignIn?: (page: Page) => Promise<void> } = {}) {
  const context = await browser.newContext({ ...testInfo.project.use, ...(opts.baseURL ? { baseURL: opts.baseURL } : {}) });
  const page = await context.newPage();
  await opts.beforeSignIn?.(page);
  const phone = randomPhone();
  const id = randomAdultId();
  await signIn(page, phone);
  await completeRealName(page, name, id);
  return { context, page, phone, id, name };
}

/** Draws a short stroke on the signature pad with the mouse (signature_pad listens to pointer events). */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * (0.6 - Math.sin(i / 2) * 0.3), { steps: 2 });
  await page.mouse.up();
  await expect(page.getByText("签名已记录")).toBeVisible();
}

/** The /s/{token} path from the newest signing invitation sent to this phone. */
export async function inviteLink(request: APIRequestContext, phone: string): Promise<string> {
  let link = "";
  await expect
    .poll(async () => {
      const rows = await outbox(request, phone);
      link = rows.find((r) => r.kind === "contract.invite")?.body.match(/\/s\/[A-Za-z0-9_-]+/)?.[0] ?? "";
      return link;
    })
    .toMatch(/^\/s\//);
  return link;
}

/** On the sandbox gateway's page (模拟支付): approve, land on the order, wait until the notification has paid it. */
export async function approveSandboxPayment(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/pay\/sandbox\//);
  await page.getByRole("button", { name: "确认支付" }).click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+/);
  await expect(page.getByTestId("order-status")).toHaveText("已支付", { timeout: 30_000 });
}

/** The initiator's fee, when one is due: 去支付 → sandbox → back to signing. */
export async function payContractFee(page: Page): Promise<void> {
  const pay = page.getByRole("button", { name: /^去支付/ });
  if (!(await pay.isVisible())) return;
  await pay.click();
  await approveSandboxPayment(page);
  await page.getByRole("link", { name: "继续签署" }).click();
  await expect(page.getByTestId("fee-paid")).toBeVisible();
}

/** A signature kept from an earlier signing, or a new one drawn on the pad. */
/** 参照示例填写: what a person does before 下一步 — replace the made-up 示例 text on screen (the wizard refuses to send it). */
export async function replaceSampleText(page: Page): Promise<void> {
  for (const el of await page.locator("input:visible, textarea:visible").all()) {
    const v = await el.inputValue();
    if (v.includes("示例")) await el.fill(v.replace(/示例[：:]\s*/g, "").replaceAll("示例", "和平"));
  }
}

/** After 签署意愿验证 the signer lands on 签署成功; 查看详情 leads to the contract. */
export async function throughSigned(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "签署成功" })).toBeVisible();
  await page.getByRole("link", { name: "查看详情" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
}

export async function chooseSignature(page: Page): Promise<void> {
  const saved = page.getByRole("radio", { name: "已保存的签名1" });
  if (await saved.count()) await saved.click();
  else await drawSignature(page);
}

export const ADMIN_SIGN_PASSWORD = "258147";

/** Sets the signing password from 签署认证方式 (the face check passed by its 模拟 choice). */
export async function setSignPassword(page: Page, password = ADMIN_SIGN_PASSWORD): Promise<void> {
  await page.goto("/me/verification");
  await page.getByRole("button", { name: "设置" }).click();
  await page.getByLabel("签署密码").fill(password);
  await page.getByLabel("再次输入").fill(password);
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByRole("status")).toContainText("签署密码已设置");
}

/** /admin-verify: the admin's second factor for this session. */
export async function passAdminFactor(page: Page, password = ADMIN_SIGN_PASSWORD): Promise<void> {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin-verify$/);
  await page.getByLabel("签署密码").fill(password);
  await page.getByRole("button", { name: "验证并进入" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** An admin (one of ADMIN_PHONES) signed in, real-named, with a signing password and the second factor passed. */
export async function adminSession(browser: import("@playwright/test").Browser, testInfo: TestInfo, phone: string) {
  const context = await browser.newContext(testInfo.project.use);
  const page = await context.newPage();
  await signIn(page, phone);
  await completeRealName(page, "平台管理员", randomAdultId());
  await setSignPassword(page);
  await passAdminFactor(page);
  return { context, page };
}

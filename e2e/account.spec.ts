import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { chooseSignature, drawSignature, inviteLink, outbox, payContractFee, person, randomPhone, replaceSampleText, shot, signIn, throughSigned } from "./helpers";
import { confirmWizard, fillFacts, nextStep, openWizard } from "./iou-flow";
import { uploadFrom } from "./own-file-flow";
import { idCheckChar, maskId } from "../lib/domain/idcard";

// 个人中心: 我的印章与签名, 签署认证方式, 更换手机号, 更名, 港澳台, 账号注销.

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

/** An IOU to a new counterparty, filled and paid, up to the initiator's 确认签署借条 (the dialog opens). */
async function iouUpToVerification(page: Page, counterpartyPhone = randomPhone()) {
  await openWizard(page);
  await page.getByLabel("对方手机号（选填）").fill(counterpartyPhone);
  await fillFacts(page, "3000");
  await confirmWizard(page);
  await payContractFee(page);
  await chooseSignature(page);
  await page.getByRole("button", { name: "确认签署借条" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
}

test("@account 签署密码: set after a face check, offered first when signing, five wrong tries lock it", async ({ browser }, info) => {
  const me = await person(browser, info, "密码签署");
  const page = me.page;
  await page.goto("/me");
  await page.getByRole("link", { name: "签署认证方式" }).click();
  await page.getByRole("button", { name: "设置" }).click();
  await page.getByLabel("签署密码").fill("123456");
  await page.getByLabel("再次输入").fill("123456");
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await expect(page.getByText("密码过于简单，请勿使用连续的数字")).toBeVisible();
  await page.getByLabel("签署密码").fill("135790");
  await page.getByLabel("再次输入").fill("135790");
  await page.getByRole("button", { name: "下一步：人脸核身" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByRole("status")).toHaveText("签署密码已设置，签署时将优先使用签署密码");
  await expect(page.getByTestId("password-state")).toContainText("已设置");
  await shot(page, info, "verification-settings");

  // the password is offered first and signs
  await iouUpToVerification(page);
  await expect(page.getByRole("tab", { name: "签署密码" })).toHaveAttribute("aria-selected", "true");
  await shot(page, info, "verify-password");
  await page.getByRole("dialog").getByLabel("签署密码").fill("135790");
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await throughSigned(page);
  await expect(page.getByTestId("status")).toHaveText("待借款人补充信息");

  // five wrong tries lock it; the face check still signs
  await iouUpToVerification(page);
  const box = page.getByRole("dialog").getByLabel("签署密码");
  for (const left of [4, 3, 2, 1]) {
    await box.fill("864209");
    await page.getByRole("button", { name: "确认", exact: true }).click();
    await expect(page.getByText(`签署密码错误，还可尝试${left}次`)).toBeVisible();
  }
  await box.fill("864209");
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await expect(page.getByText("签署密码错误次数过多，已锁定30分钟，请使用人脸核身")).toBeVisible();
  await box.fill("135790");
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await expect(page.getByText(/签署密码已锁定，请\d+分钟后再试/)).toBeVisible();
  await page.getByRole("tab", { name: "人脸核身" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(page);
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
  await me.context.close();
});

test("@account 指纹/面容 ID: a platform credential registered in Chromium's virtual authenticator signs a contract", async ({ browser }, info) => {
  // WebAuthn needs a domain as relying party: this person uses localhost rather than 127.0.0.1.
  const base = new URL(info.project.use.baseURL ?? "http://127.0.0.1:3100");
  const me = await person(browser, info, "指纹签署", {
    baseURL: `${base.protocol}//localhost:${base.port}`,
    beforeSignIn: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
    },
  });
  const page = me.page;
  await page.goto("/me/verification");
  await page.getByRole("button", { name: "开通指纹" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByText("已开通，签署时将优先使用指纹/面容 ID")).toBeVisible();
  await expect(page.getByTestId("credentials")).toContainText("指纹");

  await iouUpToVerification(page);
  await expect(page.getByRole("tab", { name: "指纹/面容 ID" })).toHaveAttribute("aria-selected", "true");
  await shot(page, info, "verify-webauthn");
  await page.getByRole("button", { name: "验证指纹/面容 ID" }).click();
  await throughSigned(page);
  await expect(page.getByTestId("status")).toHaveText("待借款人补充信息");
  await me.context.close();
});

test("@account 更换手机号: a code to the new number and a face check; the new number signs in and the old invitation still works", async ({ browser }, info) => {
  const lender = await person(browser, info, "换号出借");
  const me = await person(browser, info, "换号本人");
  await iouUpToVerification(lender.page, me.phone);
  await lender.page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(lender.page);
  await expect(lender.page).toHaveURL(/\/contracts\/[^/]+$/);
  const link = await inviteLink(me.page.request, me.phone);

  const page = me.page;
  await page.goto("/me/profile");
  await page.getByRole("link", { name: "手机号 更换" }).click();
  const newPhone = randomPhone();
  await page.getByLabel("新手机号").fill(lender.phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("该手机号已注册其他账号，请更换号码")).toBeVisible();
  await page.getByLabel("新手机号").fill(newPhone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码已发送至新手机号")).toBeVisible();
  let code = "";
  await expect.poll(async () => (code = (await outbox(page.request, newPhone)).find((r) => r.kind === "account.phoneCode")?.body.match(/(\d{6})/)?.[1] ?? "")).toMatch(/^\d{6}$/);
  await page.getByLabel("验证码").fill(code);
  await page.getByRole("button", { name: "确认更换" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByText(/手机号已更换为/)).toBeVisible();
  await shot(page, info, "phone-changed");

  // a fresh browser signs in with the new number and finds the same account, and the invitation sent to the old number
  const again = await browser.newContext(info.project.use);
  const p2 = await again.newPage();
  await signIn(p2, newPhone);
  await p2.goto("/me/profile");
  await expect(p2.getByTestId("profile-name")).toHaveText("换号本人");
  await p2.goto(link);
  await p2.getByRole("button", { name: "确认个人信息" }).click();
  await drawSignature(p2);
  await p2.getByRole("button", { name: "确认签署", exact: true }).click();
  await p2.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(p2);
  await expect(p2.getByTestId("status")).toHaveText("已生效");
  await again.close();
  await lender.context.close();
  await me.context.close();
});

test("@account 更名: the notice, the contracts it stops, a face check; old signatures 已失效 and the unfinished contract says why it cannot be signed", async ({ browser }, info) => {
  const lender = await person(browser, info, "更名出借");
  const me = await person(browser, info, "更名旧名");
  const page = me.page;
  await page.goto("/me/seals");
  await page.getByRole("button", { name: "新建签名" }).click();
  await drawSignature(page);
  await page.getByRole("button", { name: "保存签名" }).click();
  await expect(page.getByTestId("saved-signature")).toContainText("有效");
  await iouUpToVerification(lender.page, me.phone);
  await lender.page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(lender.page);
  await expect(lender.page).toHaveURL(/\/contracts\/[^/]+$/);
  const link = await inviteLink(page.request, me.phone);

  await page.goto("/me/profile");
  await page.getByRole("link", { name: "姓名 更名" }).click();
  await expect(page.getByRole("button", { name: "我已知悉，下一步" })).toBeDisabled();
  await page.getByLabel("我已阅读并同意《实名变更须知》").check();
  await page.getByRole("button", { name: "我已知悉，下一步" }).click();
  await expect(page.getByTestId("rename-open-contracts")).toContainText("借条");
  await shot(page, info, "rename-contracts");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("新姓名").fill("更名旧名");
  await page.getByRole("button", { name: "确认并进行人脸核身" }).click();
  await expect(page.getByText("新姓名与当前姓名相同")).toBeVisible();
  await page.getByLabel("新姓名").fill("更名新名");
  await page.getByRole("button", { name: "确认并进行人脸核身" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByText("更名成功")).toBeVisible();
  await page.getByRole("link", { name: "重新生成个人印章/签名" }).click();
  await expect(page.getByTestId("saved-signature")).toContainText("已失效");
  await expect(page.getByRole("button", { name: "重新生成" })).toBeVisible();
  await shot(page, info, "seals-after-rename");

  await page.goto(link);
  await expect(page.getByTestId("sign-held")).toHaveText("您已更名，更名前发起的合同无法继续签署，如需签署请重新发起");
  await lender.context.close();
  await me.context.close();
});

test("@account @ux 港澳台: the switch after a face check, then an IOU, a template and an own document naming a 通行证/居住证 holder", async ({ browser }, info) => {
  const me = await person(browser, info, "港澳发起");
  const page = me.page;
  await page.goto("/me/advanced");
  const toggle = page.getByRole("switch", { name: "同港澳台居民签署合同" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await shot(page, info, "advanced");

  await openWizard(page);
  await page.getByText("我来填", { exact: true }).click();
  await page.getByLabel("对方姓名").fill("陈大文");
  await page.getByLabel("对方证件类型").selectOption("HK_MO_PERMIT");
  await page.getByLabel("对方通行证号码").fill("X1234");
  await page.getByLabel("对方手机号").fill(randomPhone());
  await nextStep(page);
  await expect(page.getByText("港澳居民来往内地通行证号码应为H或M加8位数字（旧版为10位数字）")).toBeVisible();
  await page.getByLabel("对方通行证号码").fill("H12345678");
  await fillFacts(page, "2000");
  await confirmWizard(page);
  await expect(page.getByText("通行证号码").first()).toBeVisible();
  await expect(page.getByText("H123*5678").first()).toBeVisible();
  await shot(page, info, "iou-hk-permit");

  // the same party step in every template: a 租房合同 naming a 港澳台居民居住证 holder
  const permit = `81000019900101123${idCheckChar("81000019900101123")}`;
  await page.goto("/templates/rental/new?sample=1");
  await page.getByText("我来填", { exact: true }).click();
  await page.getByLabel("对方姓名").fill("林小美");
  await page.getByLabel("对方证件类型").selectOption("HKMT_RESIDENCE");
  await page.getByLabel("对方居住证号码").fill(permit);
  await page.getByLabel("对方手机号").fill(randomPhone());
  for (let i = 0; i < 12 && !(await page.getByRole("button", { name: "确认并下一步" }).isVisible()); i++) {
    await replaceSampleText(page);
    await nextStep(page);
  }
  await expect(page.getByTestId("document")).toContainText("居住证号码");
  await expect(page.getByTestId("document")).toContainText(maskId(permit));

  // and an own document (自有文件): a signer filled in by me may hold a 通行证 too
  await uploadFrom(page, "contract.pdf");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同名称").fill("港澳台自有文件");
  const row = page.getByTestId("signer-row").nth(0);
  await row.getByText("我来填").click();
  await row.getByLabel("姓名").fill("陈大文");
  await row.getByLabel("证件类型").selectOption("HK_MO_PERMIT");
  await row.getByLabel("通行证号码").fill("X1234");
  await row.getByLabel("手机号").fill(randomPhone());
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(row.getByText("港澳居民来往内地通行证号码应为H或M加8位数字（旧版为10位数字）")).toBeVisible();
  await row.getByLabel("通行证号码").fill("M87654321");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "我已理解并接受上述内容" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/fields$/);
  await shot(page, info, "own-file-hk-permit");
  await me.context.close();
});

test("@account 账号注销: refused while a contract is pending, done after it takes effect; the other party still downloads and verifies the PDF", async ({ browser }, info) => {
  const lender = await person(browser, info, "注销出借");
  const me = await person(browser, info, "注销本人");
  await iouUpToVerification(lender.page, me.phone);
  await lender.page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(lender.page);
  await expect(lender.page).toHaveURL(/\/contracts\/[^/]+$/);
  const contractUrl = lender.page.url();

  const page = me.page;
  await page.goto("/me/advanced");
  await page.getByRole("link", { name: "账号注销" }).click();
  await expect(page.getByTestId("close-blocked")).toContainText("您有 1 份处理中的合同");
  await shot(page, info, "close-blocked");

  await page.goto(await inviteLink(page.request, me.phone));
  await page.getByRole("button", { name: "确认个人信息" }).click();
  await drawSignature(page);
  await page.getByRole("button", { name: "确认签署", exact: true }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(page);
  await expect(page.getByTestId("status")).toHaveText("已生效");

  await page.goto("/me/close");
  await expect(page.getByRole("button", { name: "开始人脸识别并注销" })).toBeDisabled();
  await page.getByLabel("我已了解风险并确认注销账号").check();
  await shot(page, info, "close-notice");
  await page.getByRole("button", { name: "开始人脸识别并注销" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page).toHaveURL(/\/login\?closed=1/);
  await expect(page.getByText("账号已注销")).toBeVisible();
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login/);

  // the other party: the contract still names the signer, and its PDF verifies
  const l = lender.page;
  await l.goto(contractUrl);
  await expect(l.getByTestId("status")).toHaveText("已生效");
  await expect(l.getByText("注销本人").first()).toBeVisible();
  const contractId = new URL(contractUrl).pathname.split("/").pop()!;
  const res = await l.request.get(`/api/contracts/${contractId}/pdf`);
  expect(res.ok()).toBeTruthy();
  const file = path.join(info.outputPath(), "contract.pdf");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await res.body());
  await l.goto("/verify");
  await l.getByTestId("verify-file").setInputFiles(file);
  await expect(l.getByTestId("verify-verdict")).toHaveAttribute("data-tone", "ok");
  await expect(l.getByTestId("verify-signature")).toHaveCount(4); // two signers, the seal, the document time-stamp
  await lender.context.close();
  await me.context.close();
});

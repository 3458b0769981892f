import { execFileSync } from "node:child_process";
import { test, expect } from "@playwright/test";
import { drawSignature, inviteLink, person, shot, throughSigned } from "./helpers";
import { confirmWizard, fillFacts, inDays, nextStep, openWizard, signAsInitiator, today } from "./iou-flow";

test("@iou 我出借 + 对方填: counterparty fills info and signs; both folders 已生效; the PDF holds names, amounts and dates", async ({ browser }, info) => {
  const lender = await person(browser, info, "钱出借");
  const borrower = await person(browser, info, "孙借款");
  const page = lender.page;

  await openWizard(page);
  await shot(page, info, "iou-wizard");
  await page.getByLabel("对方手机号（选填）").fill(borrower.phone);
  await nextStep(page);
  await page.getByLabel("借款金额", { exact: true }).fill("1.234");
  await nextStep(page);
  await expect(page.locator("#form-amount-error")).toHaveText("金额最多保留两位小数");
  await page.getByRole("button", { name: "上一步" }).click();
  await fillFacts(page, "5000");
  await page.getByRole("button", { name: "上一步" }).click();
  await page.getByRole("button", { name: "上一步" }).click();
  await expect(page.getByTestId("form-amount-upper")).toHaveText("¥5,000.00 · 人民币伍仟元整");
  await shot(page, info, "iou-wizard-amount");
  await nextStep(page);
  await nextStep(page);
  await confirmWizard(page);
  await shot(page, info, "iou-preview-sign");
  await signAsInitiator(page);
  await expect(page.getByTestId("status")).toHaveText("待借款人补充信息");
  await expect(page.getByTestId("sign-link")).toHaveValue(/\/s\//);
  await shot(page, info, "iou-detail-pending");
  const contractUrl = page.url();

  const b = borrower.page;
  await b.goto(await inviteLink(b.request, borrower.phone));
  await expect(b.getByRole("heading", { name: /补充签署信息/ })).toBeVisible();
  await shot(b, info, "iou-supplement");
  await b.getByRole("button", { name: "确认个人信息" }).click();
  await drawSignature(b);
  await shot(b, info, "iou-counterparty-sign");
  await b.getByRole("button", { name: "确认签署", exact: true }).click();
  await b.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(b);
  await expect(b).toHaveURL(/\/contracts\//);
  await expect(b.getByTestId("status")).toHaveText("已生效");

  for (const p of [page, b]) {
    await p.goto("/folder");
    await expect(p.getByTestId("folder-status").first()).toHaveText("已生效");
  }
  await shot(b, info, "folder-effective");

  await page.goto(contractUrl);
  await expect(page.getByTestId("timeline")).toContainText("签署");
  await shot(page, info, "iou-detail-effective");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载合同PDF" }).click()]);
  const file = info.outputPath("iou.pdf");
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
  for (const needle of ["钱出借", "孙借款", "¥5,000.00", "伍仟元整", "家庭装修周转", `${Number(today().slice(0, 4))}年`]) expect(text).toContain(needle);
  const due = inDays(90);
  expect(text).toContain(`${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日`);
  await lender.context.close();
  await borrower.context.close();
});

test("@iou 我借款 + 我来填: the lender rejects with a reason and the initiator sees 已拒签", async ({ browser }, info) => {
  const lender = await person(browser, info, "郑出借");
  const borrower = await person(browser, info, "吴借款");
  const page = borrower.page;
  await openWizard(page);
  await page.getByText("我借款", { exact: true }).click();
  await page.getByText("我来填", { exact: true }).click();
  await page.getByLabel("对方姓名").fill(lender.name);
  await page.getByLabel("对方身份证号").fill("110101201001011234");
  await page.getByLabel("对方身份证号").blur();
  await expect(page.locator("#party-counterparties-0-idNumber-error")).toContainText(/校验位|22至75周岁/);
  await page.getByLabel("对方身份证号").fill(lender.id);
  await page.getByLabel("对方手机号").fill(lender.phone);
  await fillFacts(page, "120000");
  await nextStep(page);
  await expect(page.locator("#form-supplement-error")).toHaveText("借款金额超过10万元，须填写补充信息");
  await page.getByLabel("填写补充信息（逾期利率、双方地址、争议管辖）").check();
  await page.getByLabel("逾期年利率（%）").fill("6");
  await page.getByLabel("出借人地址").fill("北京市东城区测试路1号");
  await page.getByLabel("借款人地址").fill("上海市黄浦区测试路2号");
  await page.getByLabel("争议管辖法院").selectOption("出借人住所地人民法院");
  await shot(page, info, "iou-wizard-supplement");
  await confirmWizard(page);
  await signAsInitiator(page);
  await expect(page.getByTestId("status")).toHaveText("待出借人签署");
  const detail = page.url();

  const l = lender.page;
  await l.goto(await inviteLink(l.request, lender.phone));
  await l.getByRole("button", { name: "拒签" }).click();
  await l.getByRole("button", { name: "确认拒签" }).click();
  await expect(l.locator("#reason-error")).toHaveText("请填写拒签理由（至少2个字）");
  await l.getByLabel("拒签理由").fill("利率与约定不符");
  await l.getByRole("button", { name: "确认拒签" }).click();
  await expect(l.getByTestId("link-status")).toHaveText("已拒签");

  await page.goto(detail);
  await expect(page.getByTestId("status")).toHaveText("已拒签");
  await expect(page.getByTestId("timeline")).toContainText("原因：利率与约定不符");
  await shot(page, info, "iou-rejected");
  await lender.context.close();
  await borrower.context.close();
});

test("@iou a stranger at the link sees nothing private; 撤销 before the counterparty acts", async ({ browser }, info) => {
  const initiator = await person(browser, info, "杨发起");
  const stranger = await person(browser, info, "王路人");
  const page = initiator.page;
  await openWizard(page);
  await page.getByLabel("对方手机号（选填）").fill("13700000000");
  await fillFacts(page, "800");
  await confirmWizard(page);
  await signAsInitiator(page);
  const link = new URL(await page.getByTestId("sign-link").inputValue()).pathname;

  const s = stranger.page;
  await s.goto(link);
  await expect(s.getByTestId("stranger")).toBeVisible();
  await expect(s.getByText("杨**")).toBeVisible();
  await expect(s.getByText("家庭装修周转")).toHaveCount(0);
  await expect(s.getByText("¥800.00")).toHaveCount(0);
  await shot(s, info, "iou-stranger");
  expect((await s.request.get(`${new URL(page.url()).pathname}`)).status()).toBe(404);
  expect((await s.request.get("/s/thisTokenDoesNotExist12345")).status()).toBe(404);

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByTestId("status")).toHaveText("已撤销");
  await shot(page, info, "iou-revoked");
  await initiator.context.close();
  await stranger.context.close();
});

test("@iou @ux hand-typed instalments that do not add up: 下一步 shows why next to the plan, in view above the sticky bar", async ({ browser }, info) => {
  const me = await person(browser, info, "分期出借");
  const page = me.page;
  await openWizard(page);
  await nextStep(page);
  await page.getByLabel("借款金额", { exact: true }).fill("1000");
  await page.getByLabel("借款用途").fill("周转");
  await nextStep(page);
  await expect(page.getByTestId("wizard-step-title")).toHaveText("还款方式");
  await page.getByText("分期还款", { exact: true }).click();
  await page.getByLabel("年利率（%）").fill("0");
  for (const [i, amount] of [["1", "500"], ["2", "400"]] as const) {
    if ((await page.getByRole("group", { name: `还款计划第${i}项` }).count()) === 0) await page.getByRole("button", { name: /添加一期/ }).click();
    const row = page.getByRole("group", { name: `还款计划第${i}项` });
    await row.getByLabel("还款日期").fill(inDays(30 * Number(i)));
    await row.getByLabel("还款金额").fill(amount);
  }
  await nextStep(page);
  const error = page.locator("#form-instalments-error");
  await expect(error).toContainText("各期金额合计须等于本金加利息");
  await expect(error).toBeInViewport();
  await expect(page.getByTestId("wizard-step-title")).toHaveText("还款方式");
  await shot(page, info, "iou-instalments-refused");
  await me.context.close();
});

import { expect, test, type Page } from "@playwright/test";
import { chooseSignature, inviteLink, payContractFee, person, replaceSampleText, shot, throughSigned } from "./helpers";
import { TEMPLATES } from "../lib/domain/templates/registry";

// Template contracts (对方先签): the library, the wizard from a sample, the counterparty supplies and
// signs first, then the initiator signs → 已生效; and every template's wizard reaches its preview.

const WIZARD_TEMPLATES = [
  "iou",
  "guarantee", // debt-transfer names its two other parties by role: its own test below
  "rental",
  "sale",
  "service",
  "traffic-settlement",
  "part-time",
  "image-license",
  "housekeeping",
  "shop-lease",
  "item-lease",
  "parking-lease",
  "renovation",
  "gift",
  "statement",
  "simple-statement",
  "pet-feeding",
  "grassland-transfer",
];

/** Through the wizard from the sample to the preview; the counterparty is invited by phone. */
async function wizardToPreview(page: Page, templateId: string, counterpartyPhone: string) {
  await page.goto(`/templates/${templateId}/new?sample=1`);
  await expect(page.getByTestId("sample-notice")).toBeVisible();
  await page.getByLabel("对方手机号").fill(counterpartyPhone);
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  if (templateId === "rental") {
    // @ux the sample's made-up address cannot go on: said next to it (#20 item 9)
    await page.getByRole("button", { name: "下一步", exact: true }).click();
    await expect(page.locator("#form-address-detail-error")).toHaveText("这是示例内容，请改为实际信息");
  }
  for (let i = 0; i < 12 && !(await page.getByRole("button", { name: "确认并下一步" }).isVisible()); i++) {
    await replaceSampleText(page);
    await page.getByRole("button", { name: "下一步", exact: true }).click();
  }
  await expect(page.getByTestId("wizard-step-title")).toHaveText("预览");
  await expect(page.getByTestId("document")).toBeVisible();
}

async function signHere(page: Page, label = "确认签署", onToDetails = true) {
  await expect(page.getByRole("button", { name: label, exact: true })).toBeVisible();
  await chooseSignature(page);
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  if (onToDetails) await throughSigned(page);
}

/** The initiator sends, the counterparty supplies and signs, the initiator signs last. */
async function toEffective(page: Page, other: { page: Page; phone: string }, info: import("@playwright/test").TestInfo, templateId: string, shots: boolean) {
  await wizardToPreview(page, templateId, other.phone);
  if (shots) await shot(page, info, `${templateId}-preview`);
  await page.getByRole("button", { name: "确认并下一步" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
  await expect(page.getByRole("heading", { name: "预览并发起" })).toBeVisible();
  await expect(page.getByTestId("price-lines")).toBeVisible();
  if (shots) await shot(page, info, `${templateId}-send`);
  await page.getByRole("button", { name: "确认发起" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
  const contractUrl = page.url();
  await expect(page.getByTestId("status")).toContainText("补充信息");

  // the counterparty: supplies their identity, reads, signs
  await other.page.goto(await inviteLink(other.page.request, other.phone));
  await other.page.getByRole("button", { name: "确认个人信息" }).click();
  await signHere(other.page, "确认签署", false);
  // 对方先签: the 签署成功 page sends the contract back to the initiator, whose turn it is
  await expect(other.page.getByTestId("signed-state")).toContainText("待");
  await expect(other.page.getByTestId("sign-link")).toHaveValue(/\/contracts\/[^/]+$/);
  if (shots) await shot(other.page, info, `${templateId}-signed-send-back`);
  await throughSigned(other.page);
  await expect(other.page.getByTestId("status")).toContainText("待");

  // the initiator signs last
  await page.goto(contractUrl);
  await page.getByTestId("initiator-turn").click();
  await expect(page).toHaveURL(/\/sign$/);
  await signHere(page);
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
  await expect(page.getByTestId("status")).toHaveText("已生效");
  if (shots) await shot(page, info, `${templateId}-effective`);
  return contractUrl;
}

test("@templates the library lists every template; 租房合同 and 买卖合同 go from the sample to 已生效, counterparty first", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const landlord = await person(browser, info, "房东模板");
  const tenant = await person(browser, info, "租客模板");
  const page = landlord.page;

  await page.goto("/");
  await page.getByRole("link", { name: /全部合同模板/ }).click();
  await expect(page.getByTestId("template-card")).toHaveCount(TEMPLATES.length);
  await page.getByTestId("template-search").fill("租");
  await expect(page.getByTestId("template-card").filter({ hasText: "租房合同" })).toBeVisible();
  await shot(page, info, "template-library");
  await page.getByTestId("template-card").filter({ hasText: "租房合同" }).click();
  await expect(page.getByRole("heading", { name: "租房合同模板预览" })).toBeVisible();
  await shot(page, info, "template-preview");

  const url = await toEffective(page, tenant, info, "rental", true);
  const pdf = await page.request.get(url.replace("/contracts/", "/api/contracts/") + "/pdf");
  expect(pdf.ok()).toBeTruthy();

  // one more template, chosen from the library: the tenant starts a 买卖合同 this time
  await toEffective(tenant.page, { page, phone: landlord.phone }, info, "sale", false);
  await landlord.context.close();
  await tenant.context.close();
});

test("@templates every template's wizard opens and reaches its preview with the sample data", async ({ browser }, info) => {
  test.skip(info.project.name !== "phone", "checked at phone size");
  test.setTimeout(240_000);
  const me = await person(browser, info, "样例填写");
  for (const id of WIZARD_TEMPLATES) {
    await wizardToPreview(me.page, id, "13912345678");
    await shot(me.page, info, `wizard-${id}`);
  }
  await me.context.close();
});

test("@templates 债务转移协议（三方）: one row per other party, both invited; each supplies and signs, the initiator last → 已生效", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const [original, creditor, next] = await Promise.all([person(browser, info, "原债务人"), person(browser, info, "债权人"), person(browser, info, "新债务人")]);
  await original.page.goto("/templates/debt-transfer/new?sample=1");
  // the same phone twice is refused on the second row
  await original.page.getByLabel("债权人手机号").fill(creditor.phone);
  await original.page.getByLabel("新债务人手机号").fill(creditor.phone);
  await original.page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(original.page.locator("#party-counterparties-1-phone-error")).toContainText("与债权人的手机号相同");
  await original.page.getByLabel("新债务人手机号").fill(next.phone);
  await shot(original.page, info, "three-party-step");
  for (let i = 0; i < 6 && !(await original.page.getByRole("button", { name: "确认并下一步" }).isVisible()); i++) {
    await replaceSampleText(original.page);
    await original.page.getByRole("button", { name: "下一步", exact: true }).click();
  }
  await expect(original.page.getByTestId("document")).toContainText("新债务人（丙方）");
  await original.page.getByRole("button", { name: "确认并下一步" }).click();
  await expect(original.page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
  await original.page.getByRole("button", { name: "确认发起" }).click();
  await expect(original.page).toHaveURL(/\/contracts\/[^/]+$/);
  const contractUrl = original.page.url();

  // the first to supply waits for the other's identity, and is told so
  const nextLink = await inviteLink(next.page.request, next.phone);
  await next.page.goto(nextLink);
  await next.page.getByRole("button", { name: "确认个人信息" }).click();
  await expect(next.page.getByTestId("link-waiting")).toContainText("补充完成后将短信通知您签署");
  await next.page.goto(contractUrl);
  await expect(next.page.getByTestId("waiting-for")).toContainText("还有签署方尚未补充身份信息");
  await shot(next.page, info, "three-party-waiting");
  await creditor.page.goto(await inviteLink(creditor.page.request, creditor.phone));
  await creditor.page.getByRole("button", { name: "确认个人信息" }).click();
  await signHere(creditor.page);
  await expect(creditor.page.getByTestId("status")).toContainText("待");
  await next.page.goto(nextLink);
  await signHere(next.page);
  await expect(next.page.getByTestId("status")).toContainText("待");
  await original.page.goto(contractUrl);
  await original.page.getByTestId("initiator-turn").click();
  await signHere(original.page);
  await expect(original.page).toHaveURL(/\/contracts\/[^/]+$/);
  await expect(original.page.getByTestId("status")).toHaveText("已生效");
  await shot(original.page, info, "three-party-effective");
  for (const p of [original, creditor, next]) await p.context.close();
});

/** 收据 from the sample through the wizard and the fee, as 我收款 (payee signs) or 我付款 (确认开具). */
async function receiptSent(page: Page, counterpartyPhone: string, asPayer: boolean) {
  await page.goto("/templates/receipt/new?sample=1");
  if (asPayer) await page.getByText("我付款", { exact: true }).click();
  await page.getByLabel("对方手机号").fill(counterpartyPhone);
  for (let i = 0; i < 6 && !(await page.getByRole("button", { name: "确认并下一步" }).isVisible()); i++) {
    await replaceSampleText(page);
    await page.getByRole("button", { name: "下一步", exact: true }).click();
  }
  await page.getByRole("button", { name: "确认并下一步" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/sign$/);
  await payContractFee(page);
  if (asPayer) {
    await expect(page.getByRole("heading", { name: "预览并确认开具" })).toBeVisible();
    await page.getByRole("button", { name: "确认开具" }).click();
  } else {
    await signHere(page, "确认签署收据"); // the initiator's sign page names the kind (as 确认签署借条)
  }
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
  return page.url();
}

test("@templates 收据: 我收款 claimed by the payer; 我付款 rejected by the payee and refunded; a revoked receipt leaves the payer's folder", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const payee = await person(browser, info, "收据收款");
  const payer = await person(browser, info, "收据付款");

  // 我收款: the payee signs and pays; the payer confirms their identity, then 确认领取
  const claimed = await receiptSent(payee.page, payer.phone, false);
  await expect(payee.page.getByTestId("status")).toContainText("付款人");
  await payer.page.goto(await inviteLink(payer.page.request, payer.phone));
  await payer.page.getByRole("button", { name: "确认个人信息" }).click();
  await expect(payer.page.getByRole("heading", { name: "领取《收据》" })).toBeVisible();
  await shot(payer.page, info, "receipt-claim");
  await payer.page.getByRole("button", { name: "确认领取" }).click();
  await payer.page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(payer.page);
  await expect(payer.page.getByTestId("status")).toHaveText("已生效");
  await expect(payer.page.getByTestId("document")).toContainText("已确认领取");
  await payee.page.goto(claimed);
  await expect(payee.page.getByTestId("status")).toHaveText("已生效");

  // 我付款: the payer 确认开具; the payee declines with a reason; the payer's fee is refunded
  await receiptSent(payer.page, payee.phone, true);
  await payee.page.goto(await inviteLink(payee.page.request, payee.phone));
  await payee.page.getByRole("button", { name: "确认个人信息" }).click();
  // the supplement view has its own 拒签: wait for the signing view before declining there
  await expect(payee.page.getByRole("button", { name: "确认签署", exact: true })).toBeVisible();
  await payee.page.getByRole("button", { name: "拒签", exact: true }).click();
  await payee.page.getByLabel("拒签理由").fill("金额与实际收款不符");
  await payee.page.getByRole("button", { name: "确认拒签" }).click();
  await expect(payee.page.getByTestId("link-status")).toHaveText("已拒签");
  await payer.page.goto("/me/orders");
  await expect.poll(async () => {
    await payer.page.reload();
    return payer.page.getByTestId("order-row-status").allTextContents();
  }, { timeout: 30_000 }).toContain("已退款");

  // a receipt revoked before the payer acted vanishes from the payer's folder
  const revoked = await receiptSent(payee.page, payer.phone, false);
  const revokedId = revoked.split("/").pop()!;
  await payer.page.goto("/folder");
  await expect(payer.page.locator(`a[href="/contracts/${revokedId}"]`).first()).toBeVisible();
  await payee.page.goto(revoked);
  payee.page.once("dialog", (d) => void d.accept());
  await payee.page.getByRole("button", { name: "撤销" }).click();
  await expect(payee.page.getByTestId("status")).toHaveText("已撤销");
  await payer.page.goto("/folder");
  await expect(payer.page.getByTestId("folder-item").first()).toBeVisible();
  await expect(payer.page.locator(`a[href="/contracts/${revokedId}"]`)).toHaveCount(0);
  await shot(payer.page, info, "receipt-folder-after-revoke");
  await payee.context.close();
  await payer.context.close();
});

test("@templates @ux a saved draft reopens at the step it was left on, not at 签署方", async ({ browser }, info) => {
  test.skip(info.project.name !== "phone", "checked at phone size");
  const me = await person(browser, info, "草稿续填");
  const page = me.page;
  await page.goto("/templates/rental/new?sample=1");
  await page.getByLabel("对方手机号").fill("13912345678");
  await page.getByRole("button", { name: "下一步", exact: true }).click();
  await expect(page.getByTestId("wizard-step-title")).toHaveText("房屋信息");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存草稿")).toBeVisible();
  await expect(page).toHaveURL(/[?&]draft=/);
  await page.reload();
  // the sample's made-up address is still to be replaced: that is where it continues
  await expect(page.getByTestId("wizard-step-title")).toHaveText("房屋信息");
  await me.context.close();
});

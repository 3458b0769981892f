import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { outbox, shot } from "./helpers";
import { effectiveIou } from "./iou-flow";

/** 更多操作 → 申请解除 / 申请结清 with a reason, then the 模拟 face check. */
async function requestEnd(page: Page, kind: "解除" | "结清", reason: { common?: string; typed?: string }) {
  await page.getByRole("button", { name: "更多操作" }).click();
  await page.getByRole("button", { name: `申请${kind}` }).click();
  if (reason.common) await page.getByText(reason.common, { exact: true }).click();
  else {
    await page.getByText("其他原因", { exact: true }).click();
    await page.getByLabel("请填写原因").fill(reason.typed ?? "");
  }
  await page.getByRole("button", { name: "提交并验证意愿" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(page.getByTestId("status")).toHaveText(`待确认${kind}`);
}

async function smsKinds(page: Page, phone: string) {
  return (await outbox(page.request, phone)).map((r) => r.kind);
}

test("@lifecycle 解除: cancelled by the requester, refused by the other side, then confirmed; the PDF says 已解除", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const { lender, borrower, contractUrl } = await effectiveIou(browser, info, ["解出借", "除借款"]);
  const l = lender.page;
  const b = borrower.page;

  // a reason is required
  await l.goto(contractUrl);
  await l.getByRole("button", { name: "更多操作" }).click();
  await shot(l, info, "more-actions");
  await l.getByRole("button", { name: "申请解除" }).click();
  await l.getByRole("button", { name: "提交并验证意愿" }).click();
  await expect(l.locator("#reason-error")).toHaveText("请选择或填写原因");
  await l.getByRole("button", { name: "关闭" }).click();

  // 1. requested, then cancelled before an answer
  await requestEnd(l, "解除", { typed: "对方要求换一种还款安排，重新签署" });
  await expect(l.getByTestId("pending-end")).toContainText("已申请解除，等待对方确认");
  await shot(l, info, "rescind-pending-requester");
  await expect.poll(() => smsKinds(b, borrower.phone)).toContain("contract.rescindRequest");
  await l.getByRole("button", { name: "取消解除" }).click();
  await expect(l.getByTestId("status")).toHaveText("已生效");
  await expect.poll(() => smsKinds(b, borrower.phone)).toContain("contract.rescindCancelled");

  // 2. the borrower asks, the lender refuses
  await b.goto(contractUrl);
  await requestEnd(b, "解除", { common: "交易已取消" });
  await l.reload();
  await expect(l.getByTestId("end-reason")).toHaveText("交易已取消");
  await shot(l, info, "rescind-pending-responder");
  l.once("dialog", (d) => d.accept());
  await l.getByRole("button", { name: "拒绝解除" }).click();
  await expect(l.getByTestId("status")).toHaveText("已生效");
  await expect.poll(() => smsKinds(b, borrower.phone)).toContain("contract.rescindAnswered");

  // 3. asked again and confirmed with verification
  await b.reload();
  await requestEnd(b, "解除", { common: "合同内容填写有误，需要重新签署" });
  await l.reload();
  await l.getByRole("button", { name: "确认解除" }).click();
  await l.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(l.getByTestId("status")).toHaveText("已解除");
  await expect(l.getByTestId("ended-statement")).toContainText("已经双方确认解除");
  const timeline = l.getByTestId("timeline");
  for (const step of ["申请解除", "取消解除", "拒绝解除", "确认解除", "原因：交易已取消"]) await expect(timeline).toContainText(step);
  await shot(l, info, "rescinded-detail");

  const [download] = await Promise.all([l.waitForEvent("download"), l.getByRole("link", { name: "下载合同PDF" }).click()]);
  const file = info.outputPath("rescinded.pdf");
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
  for (const needle of ["已解除", "解出借", "除借款"]) expect(text).toContain(needle);
  // the 解除确认书: a sealed document of its own, naming the signed version
  const [recordDownload] = await Promise.all([l.waitForEvent("download"), l.getByRole("link", { name: "下载解除确认书" }).click()]);
  const recordFile = info.outputPath("rescind-record.pdf");
  await recordDownload.saveAs(recordFile);
  const record = execFileSync("pdftotext", ["-layout", recordFile, "-"]).toString().replace(/\s+/g, "");
  for (const needle of ["解除确认书", "合同内容填写有误", "解出借", "除借款"]) expect(record).toContain(needle);
  await lender.context.close();
  await borrower.context.close();
});

test("@lifecycle e-mail the signed PDF, then 结清 confirmed; the folder offers download", async ({ browser }, info) => {
  const { lender, borrower, contractUrl } = await effectiveIou(browser, info, ["结出借", "清借款"]);
  const l = lender.page;
  const b = borrower.page;
  const address = `b${Date.now()}@example.com`;

  await b.goto(contractUrl);
  await b.getByRole("button", { name: "更多操作" }).click();
  await b.getByRole("button", { name: "发送到邮箱" }).click();
  await b.getByLabel("邮箱地址").fill("not an address");
  await b.getByRole("button", { name: "发送", exact: true }).click();
  await expect(b.locator("#email-error")).toHaveText("请输入正确的邮箱地址");
  await b.getByLabel("邮箱地址").fill(address);
  await b.getByRole("button", { name: "发送", exact: true }).click();
  await expect(b.getByTestId("email-sent")).toContainText(address);
  await shot(b, info, "email-sent");
  await b.getByRole("button", { name: "完成" }).click();

  // the attachment is the stored document, byte for byte
  const pdf = await b.request.get(`${new URL(contractUrl).pathname.replace("/contracts/", "/api/contracts/")}/pdf`);
  expect(pdf.ok()).toBeTruthy();
  const stored = pdf.headers()["x-content-sha256"];
  expect(createHash("sha256").update(await pdf.body()).digest("hex")).toBe(stored);
  let attachments: { sha256: string; contentType: string }[] = [];
  await expect
    .poll(async () => {
      attachments = ((await outbox(b.request, address)).find((r) => r.kind === "contract.email")?.attachments ?? []) as typeof attachments;
      return attachments.length;
    })
    .toBe(1);
  expect(attachments[0]).toMatchObject({ sha256: stored, contentType: "application/pdf" });

  // 结清: the borrower asks, the lender confirms
  await requestEnd(b, "结清", { common: "借款本金及利息已全部还清" });
  await l.goto(contractUrl);
  await expect(l.getByTestId("pending-end")).toContainText("对方申请结清");
  await l.getByRole("button", { name: "确认结清" }).click();
  await l.getByRole("button", { name: "模拟核验通过" }).click();
  await expect(l.getByTestId("status")).toHaveText("已结清");
  await expect(l.getByTestId("ended-statement")).toContainText("不再作为债权凭证");
  await expect(l.getByRole("switch", { name: "还款提醒" })).toHaveCount(0);
  await expect.poll(() => smsKinds(b, borrower.phone)).toContain("contract.settleAnswered");
  await shot(l, info, "settled-detail");

  await l.goto("/folder?tab=ended");
  const row = l.getByTestId("folder-item").first();
  await expect(row.getByTestId("folder-status")).toHaveText("已结清");
  const [download] = await Promise.all([l.waitForEvent("download"), row.getByRole("link", { name: "下载" }).click()]);
  const file = info.outputPath("settled.pdf");
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  expect(execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "")).toContain("已结清");
  await shot(l, info, "folder-ended");
  await lender.context.close();
  await borrower.context.close();
});

test("@lifecycle 法律服务 opens behind an interstitial that must be acknowledged", async ({ browser }, info) => {
  const { lender, borrower, contractUrl } = await effectiveIou(browser, info, ["法出借", "律借款"]);
  const l = lender.page;
  await l.goto(contractUrl);
  await l.getByRole("button", { name: "更多操作" }).click();
  await l.getByRole("button", { name: "法律服务" }).click();
  await l.getByRole("button", { name: /中国法律服务网/ }).click();
  await expect(l.getByText("即将离开个人电子签")).toBeVisible();
  await expect(l.getByRole("button", { name: "我已知悉并继续前往" })).toBeDisabled();
  await l.getByLabel("我已了解上述内容，自愿前往第三方服务").check();
  const go = l.getByRole("link", { name: "我已知悉并继续前往" });
  await expect(go).toHaveAttribute("href", "https://www.12348.gov.cn/");
  await expect(go).toHaveAttribute("rel", /noopener/);
  await shot(l, info, "legal-interstitial");
  await lender.context.close();
  await borrower.context.close();
});

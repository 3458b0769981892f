import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { approveSandboxPayment, outbox, shot } from "./helpers";
import { pyhankoValidate } from "../lib/server/pki/test-validators";
import { effectiveIou } from "./iou-flow";

// Evidence, judged from outside: poppler's pdfsig with an NSS database that trusts only the root
// certificate the site publishes, openssl for the certificates, pdftotext for the report.

async function nssTrustingSiteRoot(request: APIRequestContext, dir: string): Promise<string> {
  const res = await request.get("/api/pki/root");
  expect(res.ok()).toBeTruthy();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "root.pem"), await res.body());
  execFileSync("certutil", ["-N", "-d", `sql:${dir}`, "--empty-password"]);
  execFileSync("certutil", ["-A", "-d", `sql:${dir}`, "-n", "site-root", "-t", "CT,C,C", "-i", path.join(dir, "root.pem")]);
  return `sql:${dir}`;
}

const pdfsig = (file: string, nss: string) => spawnSync("pdfsig", ["-nssdir", nss, file], { encoding: "utf8" }).stdout.split(/Signature #\d+:/).slice(1);

/** Each signature's certificates as openssl prints them (pdfsig -dump writes the CMS blobs). */
function certificatesText(file: string): string {
  spawnSync("pdfsig", ["-dump", file], { cwd: path.dirname(file) });
  const dumps = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}.sig`));
  return dumps.map((d) => execFileSync("openssl", ["pkcs7", "-inform", "DER", "-print_certs", "-text", "-noout", "-in", path.join(path.dirname(file), d)]).toString()).join("\n");
}

async function verifyUpload(page: Page, file: string) {
  await page.goto("/verify");
  await page.getByTestId("verify-file").setInputFiles(file);
  await expect(page.getByTestId("verify-verdict").or(page.getByTestId("verify-error"))).toBeVisible();
}

test("@evidence signed by two parties: three signatures pdfsig trusts, the certificate view matches them, a changed byte is caught, the report arrives signed", async ({ browser }, info) => {
  test.setTimeout(150_000); // two signers, three verifications and a paid report job: the longest flow
  const { lender, borrower, contractUrl } = await effectiveIou(browser, info, ["证出借", "据借款"]);
  const l = lender.page;
  const contractId = new URL(contractUrl).pathname.split("/").pop()!;
  const dir = info.outputPath("evidence");
  fs.mkdirSync(dir, { recursive: true });

  // the downloaded document: three signatures, each valid against the site's root, covering it all
  const res = await l.request.get(`/api/contracts/${contractId}/pdf`);
  expect(res.ok()).toBeTruthy();
  const file = path.join(dir, "contract.pdf");
  fs.writeFileSync(file, await res.body());
  const nss = await nssTrustingSiteRoot(l.request, path.join(dir, "nss"));
  const [ltv, ...reversed] = pdfsig(file, nss).reverse();
  const blocks = reversed.reverse();
  expect(blocks.map((b) => /Common Name: (.+)/.exec(b)?.[1])).toEqual(["证出借", "据借款", "个人电子签 平台签章"]);
  for (const b of blocks) {
    expect(b).toContain("Signature is Valid.");
    expect(b).toContain("Certificate is Trusted.");
  }
  // last, the document time-stamp over everything with the validation data (poppler cannot check
  // those; pyHanko does, also as of 2045 when the certificates have expired)
  expect(ltv).toContain("Signature Field Name: platform-ltv");
  expect(ltv).toContain("Total document signed");
  const strict = pyhankoValidate(fs.readFileSync(file), fs.readFileSync(path.join(dir, "nss", "root.pem"), "utf8"), { at: "2045-01-01T00:00:00Z" });
  expect(strict.code, strict.out).toBe(0);

  // 查看签署证书 shows exactly the certificates the PDF carries
  await l.goto(contractUrl);
  await l.getByRole("button", { name: "更多操作" }).click();
  await l.getByRole("link", { name: "查看签署证书" }).click();
  await expect(l.getByTestId("certificate")).toHaveCount(3);
  expect(await l.getByTestId("cert-name").allTextContents()).toEqual(["证出借", "据借款", "个人电子签 平台签章"]);
  const printed = certificatesText(file).replace(/[:\s]/g, "").toLowerCase();
  for (const serial of await l.getByTestId("cert-serial").allTextContents()) expect(printed).toContain(serial.trim());
  await shot(l, info, "certificates");

  // /verify, signed out: the original matches the stored version; one changed byte is caught by both judges
  const visitor = await browser.newContext(info.project.use);
  const v = await visitor.newPage();
  await verifyUpload(v, file);
  await expect(v.getByTestId("verify-verdict")).toHaveAttribute("data-tone", "ok");
  await expect(v.getByTestId("verify-stored")).toContainText("当前版本");
  await expect(v.getByTestId("verify-signature")).toHaveCount(4);
  await shot(v, info, "verify-ok");

  const tampered = Buffer.from(fs.readFileSync(file));
  const at = tampered.indexOf("借条") > 0 ? tampered.indexOf("/Producer") : 2000;
  tampered[at + 2] = tampered[at + 2] === 0x72 ? 0x52 : 0x72;
  const tamperedFile = path.join(dir, "tampered.pdf");
  fs.writeFileSync(tamperedFile, tampered);
  const tamperedBlocks = pdfsig(tamperedFile, nss);
  expect(tamperedBlocks[0]).not.toContain("Signature is Valid.");
  expect(tamperedBlocks[0]).toMatch(/Digest Mismatch|Signature is Invalid/);
  await verifyUpload(v, tamperedFile);
  await expect(v.getByTestId("verify-verdict")).toContainText("文件已被修改或签名已损坏");
  await expect(v.getByTestId("verify-changed").first()).toHaveText("内容已被修改");
  await expect(v.getByTestId("verify-stored")).toContainText("未找到");
  await shot(v, info, "verify-tampered");

  const junk = path.join(dir, "junk.pdf");
  fs.writeFileSync(junk, Buffer.from("MZ this is not a pdf at all"));
  await verifyUpload(v, junk);
  await expect(v.getByTestId("verify-error")).toHaveText("这不是PDF文件，无法验证");
  await visitor.close();

  // 申请出证: the report arrives as a signed PDF holding every audit event, and an SMS says so
  const address = `report${Date.now()}@example.com`;
  await l.goto(contractUrl);
  await l.getByRole("button", { name: "更多操作" }).click();
  await l.getByRole("button", { name: "申请出证" }).click();
  await l.getByLabel("邮箱地址").fill(address);
  await shot(l, info, "report-request");
  await l.getByRole("button", { name: "支付并申请出证" }).click();
  // the report fee (报告费用) is paid through the sandbox gateway before anything is generated
  await expect(l.getByTestId("sandbox-amount")).toHaveText("¥19.90");
  await approveSandboxPayment(l);
  await expect(l.getByRole("status")).toContainText("报告生成后将发送到您的邮箱");
  await shot(l, info, "report-paid");

  let mail: { id?: string; attachments?: unknown } | undefined;
  await expect
    .poll(async () => (mail = (await outbox(l.request, address)).find((r) => r.kind === "evidence.report") as typeof mail), { timeout: 30_000 })
    .toBeTruthy();
  const att = await l.request.get(`/api/dev/outbox/${mail!.id}/attachments/0`);
  expect(att.ok()).toBeTruthy();
  const reportFile = path.join(dir, "report.pdf");
  fs.writeFileSync(reportFile, await att.body());
  const reportSigs = pdfsig(reportFile, nss);
  expect(reportSigs).toHaveLength(1);
  expect(reportSigs[0]).toContain("Signature is Valid.");
  expect(reportSigs[0]).toContain("Certificate is Trusted.");
  const text = execFileSync("pdftotext", ["-layout", reportFile, "-"]).toString().replace(/\s+/g, "");
  // every event on the detail page's timeline is in the report, with its chain hash
  await l.goto(contractUrl);
  const timeline = await l.getByTestId("timeline").locator("li").allTextContents();
  expect(timeline.length).toBeGreaterThanOrEqual(5);
  for (let i = 1; i <= timeline.length; i++) expect(text).toContain(`第${i}条记录哈希`);
  for (const action of ["创建草稿", "发起并签署", "补充签署信息", "签署", "申请出证"]) expect(text).toContain(action);
  await expect.poll(async () => (await outbox(l.request, lender.phone)).some((r) => r.kind === "evidence.report")).toBe(true);

  await lender.context.close();
  await borrower.context.close();
});

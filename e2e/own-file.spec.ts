import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { pyhankoValidate } from "../lib/server/pki/test-validators";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { chooseSignature, inviteLink, outbox, person, shot, throughSigned } from "./helpers";
import { dragField, fixture, forSigner, pixelDiff, renderPage, setUp, signOwnDocument, uploadFrom } from "./own-file-flow";

// Default field sizes (lib/domain/own-file FIELD_DEFAULT_SIZE): a dropped field is centred on the drop point.
const SIG = { w: 0.24, h: 0.08 };

test("@own-file a PDF, fields dragged for two signers, both sign → 已生效; the signature lands in its rectangle", async ({ browser }, info) => {
  const a = await person(browser, info, "陈自有");
  const b = await person(browser, info, "林对方");
  await uploadFrom(a.page, "contract.pdf");
  await expect(a.page.getByTestId("upload-ready")).toContainText("共 2 页");
  await shot(a.page, info, "own-upload");
  await setUp(a.page, "房屋维修协议", [{ phone: b.phone }]);

  await dragField(a.page, info, "SIGNATURE", 0, 0.3, 0.85);
  await dragField(a.page, info, "DATE", 0, 0.3, 0.93);
  await forSigner(a.page, "签署方2");
  await dragField(a.page, info, "SIGNATURE", 1, 0.7, 0.5);
  await expect(a.page.getByTestId("placed-field")).toHaveCount(3);
  await shot(a.page, info, "own-fields");
  await a.page.getByRole("button", { name: "下一步" }).click();
  await expect(a.page).toHaveURL(/\/sign$/);
  await expect(a.page.getByTestId("my-field")).toHaveCount(2);
  await expect(a.page.getByTestId("other-field")).toHaveCount(1);
  await signOwnDocument(a.page);
  const contractUrl = a.page.url();
  await expect(a.page.getByTestId("status")).toContainText("待");

  const p = b.page;
  await p.goto(await inviteLink(p.request, b.phone));
  await p.getByRole("button", { name: "确认个人信息" }).click();
  await expect(p.getByTestId("my-field")).toHaveCount(1);
  await expect(p.locator('[data-page="0"] canvas[data-rendered="true"]')).toBeVisible();
  await shot(p, info, "own-sign");
  await signOwnDocument(p);
  await expect(p.getByTestId("status")).toHaveText("已生效");
  await a.page.goto(contractUrl);
  await expect(a.page.getByTestId("status")).toHaveText("已生效");
  await expect(a.page.locator('[data-page="0"] canvas[data-rendered="true"]')).toBeVisible();
  await shot(a.page, info, "own-effective");

  // the stored PDF: page 2 differs from the upload only inside 签署方2's rectangle, and does there
  const id = contractUrl.split("/").pop()!;
  const signed = Buffer.from(await (await p.request.get(`/api/contracts/${id}/pdf`)).body());
  const original = fs.readFileSync(fixture("contract.pdf"));
  const rect = { x: 0.7 - SIG.w / 2, y: 0.5 - SIG.h / 2, ...SIG };
  const diff = pixelDiff(await renderPage(original, 2), await renderPage(signed, 2), rect, 0.015);
  expect(diff.inside).toBeGreaterThan(40);
  expect(diff.outside).toBe(0);
  // page 1 carries the initiator's signature and date, nothing of the counterparty's
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "own-"));
  fs.writeFileSync(path.join(dir, "c.pdf"), signed);
  const text = execFileSync("pdftotext", ["-layout", path.join(dir, "c.pdf"), "-"]).toString();
  expect(text).toContain("陈自有");
  expect(text).toContain("林对方");
  expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
});

test("@own-file Word and Excel files convert to PDF and reach 已生效", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const a = await person(browser, info, "吴文档");
  const b = await person(browser, info, "郑表格");
  for (const [file, pages] of [["short.docx", 1], ["sheet.xlsx", 1]] as const) {
    await uploadFrom(a.page, file);
    await expect(a.page.getByTestId("converting").or(a.page.getByTestId("upload-ready"))).toBeVisible();
    await expect(a.page.getByTestId("upload-ready")).toContainText(`共 ${pages} 页`, { timeout: 60_000 });
    await setUp(a.page, `${file} 协议`, [{ phone: b.phone, name: b.name, id: b.id }]);
    // tapping a control drops it on the page in view
    await a.page.getByTestId("palette-SIGNATURE").click();
    await forSigner(a.page, b.name);
    await a.page.getByTestId("palette-TEXT").click();
    await a.page.getByRole("button", { name: "下一步" }).click();
    await expect(a.page.getByText(`请为每位签署方放置签名区域：${b.name}还没有`)).toBeVisible();
    await a.page.getByTestId("palette-SIGNATURE").click();
    await a.page.getByRole("button", { name: "下一步" }).click();
    await signOwnDocument(a.page);
    const p = b.page;
    let link = "";
    await expect
      .poll(async () => (link = (await outbox(p.request, b.phone)).find((r) => r.kind === "contract.invite" && r.body.includes(file))?.body.match(/\/s\/[A-Za-z0-9_-]+/)?.[0] ?? ""))
      .toMatch(/^\/s\//);
    await p.goto(link);
    await p.locator("[data-page]").last().scrollIntoViewIfNeeded();
    await chooseSignature(p);
    await p.getByRole("button", { name: "签署合同" }).click();
    await expect(p.getByRole("alert").first()).toContainText("请填写");
    await p.getByLabel(/文本1$/).fill("维修费用由甲方承担");
    await p.getByRole("button", { name: "签署合同" }).click();
    await p.getByRole("button", { name: "模拟核验通过" }).click();
    await throughSigned(p);
    await expect(p.getByTestId("status")).toHaveText("已生效");
  }
});

test("@own-file a sideways camera photo becomes an upright A4 page", async ({ browser }, info) => {
  const a = await person(browser, info, "许拍照");
  await a.page.goto("/");
  await a.page.getByRole("link", { name: /图片发起/ }).click();
  await a.page.getByTestId("camera-input").setInputFiles(fixture("camera.jpg"));
  await expect(a.page.getByTestId("upload-ready")).toContainText("共 1 页");
  const pdfResponse = a.page.waitForResponse(/\/api\/uploads\/[^/]+\/pdf$/);
  await setUp(a.page, "拍照合同", [{ phone: `17${Date.now().toString().slice(-9)}` }]);
  const pdf = Buffer.from(await (await pdfResponse).body());
  const img = await renderPage(pdf, 1, 30);
  expect(img.height).toBeGreaterThan(img.width); // portrait A4
  const [r, g, b] = img.at(Math.floor(img.width / 2), Math.floor(img.height * 0.12));
  expect(r).toBeGreaterThan(200); // the photo's red top band is at the top
  expect(g + b).toBeLessThan(120);
  const [r2, g2] = img.at(Math.floor(img.width / 2), Math.floor(img.height * 0.9));
  expect(r2 - g2).toBeLessThan(60); // and not at the bottom
});

test("@own-file three signers in order: the third waits for the second; 已生效 with every signature; no 申请解除", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const a = await person(browser, info, "甲三方");
  const b = await person(browser, info, "乙三方");
  const c = await person(browser, info, "丙三方");
  await uploadFrom(a.page, "contract.pdf");
  await setUp(a.page, "三方合作协议", [{ phone: b.phone, name: b.name, id: b.id }, { phone: c.phone, name: c.name, id: c.id }], true);
  for (const who of ["我", b.name, c.name]) {
    if (who !== "我") await forSigner(a.page, who);
    await a.page.getByTestId("palette-SIGNATURE").click();
  }
  // @ux three taps place three fields side by side, never on top of each other
  // in page coordinates, so that scrolling between two readings does not move them
  const rects = () =>
    a.page.getByTestId("placed-field").evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      }),
    );
  type Box = Awaited<ReturnType<typeof rects>>[number];
  const clash = (r: Box[]) => r.some((p, i) => r.some((q, j) => j > i && p.x < q.x + q.width - 1 && q.x < p.x + p.width - 1 && p.y < q.y + q.height - 1 && q.y < p.y + p.height - 1));
  expect(clash(await rects())).toBe(false);
  if (info.project.name === "desktop") {
    // moved onto another, a field is marked and the layout cannot be saved until it is moved off
    const fields = a.page.getByTestId("placed-field");
    await fields.nth(2).dragTo(fields.nth(0));
    await expect(a.page.locator('[data-testid="placed-field"][data-overlap="true"]')).toHaveCount(2);
    await a.page.getByRole("button", { name: "下一步" }).click();
    await expect(a.page.getByRole("alert").filter({ hasText: "签署区域不能重叠" })).toBeVisible();
    await shot(a.page, info, "own-fields-overlap");
    // removed and placed again (for the same signer), it finds a free spot by itself
    await a.page.getByRole("button", { name: "删除签署区域" }).click();
    await a.page.getByTestId("palette-SIGNATURE").click();
    await expect(fields).toHaveCount(3);
    expect(clash(await rects())).toBe(false);
    await expect(a.page.locator('[data-testid="placed-field"][data-overlap="true"]')).toHaveCount(0);
  }
  await a.page.getByRole("button", { name: "下一步" }).click();
  await signOwnDocument(a.page);
  const contractUrl = a.page.url();

  // ordered: only the second signer is invited; the third's page says to wait
  await expect.poll(async () => (await outbox(c.page.request, c.phone)).filter((r) => r.kind === "contract.invite").length).toBe(0);
  const bLink = await inviteLink(b.page.request, b.phone);
  await c.page.goto(contractUrl);
  await expect(c.page.getByTestId("status")).toBeVisible();
  // @ux no 去签署 that leads nowhere: the detail page says what the contract waits for
  await expect(c.page.getByTestId("waiting-for")).toHaveText("本合同按顺序签署，前一位签署方签署后会短信通知您。");
  await expect(c.page.getByRole("link", { name: "去签署" })).toHaveCount(0);
  await b.page.goto(bLink);
  await signOwnDocument(b.page);
  const cLink = await inviteLink(c.page.request, c.phone);
  expect((await outbox(c.page.request, c.phone)).find((r) => r.kind === "contract.invite")!.body).toContain("轮到您签署了");
  await c.page.goto(cLink);
  await signOwnDocument(c.page);
  await expect(c.page.getByTestId("status")).toHaveText("已生效");

  // more than two signers: 申请解除 is not offered, and 更多操作 says why
  await a.page.goto(contractUrl);
  await a.page.getByRole("button", { name: "更多操作" }).click();
  await expect(a.page.getByRole("button", { name: "申请解除" })).toHaveCount(0);
  await expect(a.page.getByTestId("rescind-refusal")).toContainText("解除协议");
  await shot(a.page, info, "own-three-more");

  // the PDF carries each signer's signature and the platform seal
  const id = contractUrl.split("/").pop()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "own3-"));
  fs.writeFileSync(path.join(dir, "c.pdf"), Buffer.from(await (await a.page.request.get(`/api/contracts/${id}/pdf`)).body()));
  const sigs = execFileSync("pdfsig", ["-nocert", path.join(dir, "c.pdf")]).toString();
  expect(sigs.match(/^Signature #\d+:/gm)).toHaveLength(5); // three signers, the seal, the document time-stamp
  // and pyHanko, trusting only the site's root, accepts every signature and every later revision
  const root = (await (await a.page.request.get("/api/pki/root")).body()).toString();
  const strict = pyhankoValidate(fs.readFileSync(path.join(dir, "c.pdf")), root, { at: "2045-01-01T00:00:00Z" });
  expect(strict.code, strict.out).toBe(0);
});

test("@own-file bad files are refused with their messages", async ({ browser }, info) => {
  const a = await person(browser, info, "钱坏文件");
  const cases: [string, RegExp][] = [
    ["program.pdf", /不支持的文件类型/],
    ["empty.pdf", /文件为空/],
    ["encrypted.pdf", /文件已加密/],
    ["truncated.pdf", /文件已损坏/],
    ["pages-201.pdf", /最多支持200页/],
    ["bomb.docx", /解压后体积过大/],
  ];
  await uploadFrom(a.page, "contract.pdf");
  await expect(a.page.getByTestId("upload-ready")).toBeVisible();
  for (const [file, message] of cases) {
    await a.page.getByTestId("file-input").setInputFiles(fixture(file));
    await expect(a.page.getByTestId("upload-error")).toHaveText(message);
    await expect(a.page.getByTestId("upload-ready")).toHaveCount(0);
  }
  const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "huge-")), "huge.pdf");
  fs.writeFileSync(huge, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(51 * 1024 * 1024)]));
  await a.page.getByTestId("file-input").setInputFiles(huge);
  await expect(a.page.getByTestId("upload-error")).toHaveText(/超过50MB/);
  await shot(a.page, info, "own-bad-file");
});

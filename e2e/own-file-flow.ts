// 自有文件 steps the own-document specs share: upload, 设置签署信息, placing fields, signing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { chooseSignature, throughSigned } from "./helpers";

export const fixture = (name: string) => path.join("e2e", "fixtures", "files", name);

/** home → 文件发起 / 图片发起 → choose the file(s) → 已就绪. */
export async function uploadFrom(page: Page, files: string | string[], mode: "file" | "image" = "file") {
  await page.goto("/");
  await page.getByRole("link", { name: mode === "file" ? /文件发起/ : /图片发起/ }).click();
  await page.getByTestId("file-input").setInputFiles(Array.isArray(files) ? files.map(fixture) : fixture(files));
}

export type OtherSigner = { phone: string; name?: string; id?: string };

/** 设置签署信息: title, the other signers (我来填 when a name is given), order, 告知书 → 指定签署区域. */
export async function setUp(page: Page, title: string, others: OtherSigner[], ordered = false) {
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同名称").fill(title);
  for (let i = 0; i < others.length; i++) {
    if (i > 0) await page.getByRole("button", { name: "＋ 添加签署方" }).click();
    const row = page.getByTestId("signer-row").nth(i);
    const o = others[i]!;
    if (o.name) {
      await row.getByText("我来填").click();
      await row.getByLabel("姓名").fill(o.name);
      await row.getByLabel("身份证号").fill(o.id!);
    }
    await row.getByLabel("手机号").fill(o.phone);
  }
  if (ordered) await page.getByLabel(/按顺序签署/).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "我已理解并接受上述内容" }).click();
  await expect(page).toHaveURL(/\/contracts\/[^/]+\/fields$/);
  await expect(page.locator('[data-page="0"] canvas[data-rendered="true"]')).toBeVisible();
}

/** Where a fraction of a page is on screen, after scrolling the page into view. */
async function pagePoint(page: Page, pageIndex: number, fx: number, fy: number) {
  const box = page.locator(`[data-page="${pageIndex}"]`);
  await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const b = (await box.boundingBox())!;
  return { x: b.x + b.width * fx, y: b.y + b.height * fy };
}

/**
 * Drags a palette control onto a page: the mouse on desktop, a finger (CDP touch events, which
 * Chromium turns into pointer events as on a phone) when the project has touch.
 */
export async function dragField(page: Page, info: TestInfo, kind: "SIGNATURE" | "DATE" | "NAME" | "TEXT", pageIndex: number, fx: number, fy: number) {
  const to = await pagePoint(page, pageIndex, fx, fy);
  const from = (await page.getByTestId(`palette-${kind}`).boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  if (info.project.use.hasTouch) {
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", p: { x: number; y: number } | null) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: p ? [{ x: Math.round(p.x), y: Math.round(p.y) }] : [] });
    await touch("touchStart", start);
    for (let i = 1; i <= 8; i++) await touch("touchMove", { x: start.x + ((to.x - start.x) * i) / 8, y: start.y + ((to.y - start.y) * i) / 8 });
    await touch("touchEnd", null);
    await cdp.detach();
  } else {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
  }
}

/** Picks whose field the next one will be. */
export const forSigner = (page: Page, label: string | RegExp) => page.getByRole("button", { name: label, pressed: false }).click();


/** Reads to the last page, fills text fields, draws, 签署合同, passes the 模拟 face check. */
export async function signOwnDocument(page: Page, texts: string[] = []) {
  await expect(page.getByTestId("own-document")).toBeVisible();
  const pages = page.locator("[data-page]");
  // 阅读至末页: with more than one page, signing waits until the last page has been on screen
  if ((await pages.count()) > 1) await expect(page.getByRole("button", { name: "签署合同" })).toBeDisabled();
  await pages.last().scrollIntoViewIfNeeded();
  await expect(page.getByRole("button", { name: "签署合同" })).toBeEnabled();
  for (const [i, t] of texts.entries()) await page.getByLabel(new RegExp(`文本${i + 1}$`)).fill(t);
  await chooseSignature(page);
  await page.getByRole("button", { name: "签署合同" }).click();
  await page.getByRole("button", { name: "模拟核验通过" }).click();
  await throughSigned(page);
  await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
}

/** Renders one page of a PDF to raw RGB pixels (pdftoppm), for pixel checks. */
export async function renderPage(pdf: Buffer, pageNumber: number, dpi = 50) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "own-pdf-"));
  const file = path.join(dir, "doc.pdf");
  fs.writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(pageNumber), "-l", String(pageNumber), "-png", "-singlefile", file, path.join(dir, "page")]);
  const { data, info } = await sharp(path.join(dir, "page.png")).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return { data, width: info.width, height: info.height, at: (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)] as [number, number, number] };
}

/** How many pixels differ between two renderings, inside and outside a rectangle (fractions). */
export function pixelDiff(a: Awaited<ReturnType<typeof renderPage>>, b: Awaited<ReturnType<typeof renderPage>>, r: { x: number; y: number; w: number; h: number }, margin = 0.01) {
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const [r1, g1, b1] = a.at(x, y);
      const [r2, g2, b2] = b.at(x, y);
      if (Math.abs(r1 - r2) + Math.abs(g1 - g2) + Math.abs(b1 - b2) < 60) continue;
      const fx = x / a.width;
      const fy = y / a.height;
      const inRect = fx >= r.x - margin && fx <= r.x + r.w + margin && fy >= r.y - margin && fy <= r.y + r.h + margin;
      if (inRect) inside++;
      else outside++;
    }
  }
  return { inside, outside };
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContractDocument } from "@/lib/domain/templates/document";
import { cjkWordParts, columnLayout, renderContractPdf } from "./render";

// A real PNG built by hand (RGBA 120×40, transparent with a dark diagonal stroke, as the signature
// pad produces), so the test needs no image files.
function strokePng(width = 120, height = 40): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, no interlace
  const stride = width * 4 + 1; // each row starts with its filter byte (0: none)
  const raw = Buffer.alloc(stride * height); // all zero: transparent
  for (let y = 0; y < height; y++) {
    const x0 = Math.round((y / height) * width);
    for (let x = x0; x < Math.min(x0 + 6, width); x++) raw.set([20, 20, 20, 255], y * stride + 1 + x * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
}

const SIG_SHA = "a".repeat(64);
const CLAUSE = "借款人应当按照本借条约定的期限和金额向出借人归还借款本金及利息，逾期未还的，应当承担逾期利息及出借人为实现债权而支出的合理费用。";

const doc: ContractDocument = {
  title: "借条",
  subtitle: "合同编号 DZQ-2026-000123　发起日期 2026-11-25",
  blocks: [
    { type: "heading", text: "一、借款双方" },
    {
      type: "fields",
      rows: [
        { label: "出借人", value: "张三" },
        { label: "借款人", value: "李四" },
        { label: "借款金额", value: "人民币 ¥10,000.00 元（大写：壹万元整）" },
      ],
    },
    { type: "heading", text: "二、还款计划" },
    {
      type: "table",
      columns: ["期数", "还款日期", "金额（元）"],
      rows: [
        ["1", "2026-12-25", "5,000.00"],
        ["2", "2027-01-25", "5,000.00"],
      ],
    },
    // Enough clause text to run onto a second page.
    ...Array.from({ length: 10 }, (_, i) => [
      { type: "heading" as const, text: `${"三四五六七八九十"[i % 8]}、约定条款 ${i + 1}` },
      { type: "paragraph" as const, text: `${CLAUSE}\n本条第 ${i + 1} 款：双方确认上述内容真实有效，并自愿遵守。` },
    ]).flat(),
  ],
  signers: [
    { roleLabel: "出借人", name: "张三", idMasked: "1101**********123X", signatureSha256: SIG_SHA, signedAt: "2026-11-25 09:30" },
    { roleLabel: "借款人", name: "李四", idMasked: "3301**********4567" },
  ],
  footer: "本合同由个人电子签平台生成，双方签署后生效。",
};

describe("renderContractPdf", () => {
  let file: string;
  let text: string;
  let raw: string;

  beforeAll(async () => {
    const started = performance.now();
    const bytes = await renderContractPdf(doc, new Map([[SIG_SHA, strokePng()]]));
    const first = performance.now() - started;
    const again = performance.now();
    await renderContractPdf(doc, new Map([[SIG_SHA, strokePng()]]));
    console.info(`pdf render: first ${first.toFixed(0)} ms, second ${(performance.now() - again).toFixed(0)} ms`);

    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dzq-pdf-")), "contract.pdf");
    fs.writeFileSync(file, bytes);
    text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    // -layout drops the narrow spaces in the small right-aligned footer ("第1页/共2页"); -raw keeps
    // the text as drawn.
    raw = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
  }, 60_000);

  it("prints the title, Chinese clauses, fields, table and signer blocks", () => {
    expect(text).toContain("借条");
    expect(text).toContain("合同编号 DZQ-2026-000123");
    // A wrapped clause comes back as several lines: compare with whitespace removed.
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain(CLAUSE);
    expect(flat).toContain("人民币¥10,000.00元（大写：壹万元整）");
    expect(text).toMatch(/期数\s+还款日期\s+金额（元）/);
    expect(text).toMatch(/2\s+2027-01-25\s+5,000.00/);
    expect(text).toContain("1101**********123X");
    expect(text).toContain("3301**********4567");
    expect(text).toContain("签署时间：2026-11-25 09:30");
    expect(text).toContain("待签署");
    // Per-character wrapping must not print hyphens at line ends.
    expect(text).not.toMatch(/[\u4e00-\u9fff]-\s*$/m);
  });

  it("runs over two pages with a numbered footer on each", () => {
    const pages = raw.split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("第 1 页 / 共 2 页");
    expect(pages[1]).toContain("第 2 页 / 共 2 页");
    for (const p of pages) expect(p).toContain(doc.footer);
    expect(text.split("\f")[0]).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
    // The signature boxes stay whole, after the last clause.
    expect(pages[1]).toMatch(/出借人（签字）[^]*1101\*{10}123X[^]*签署时间：2026-11-25 09:30/);
  });

  it("embeds Noto Sans SC as a subset, draws the signature image and sets the metadata", () => {
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.includes("NotoSansSC"));
    expect(fonts.length).toBeGreaterThanOrEqual(2); // regular and bold
    // Columns: name, type, encoding, emb, sub, uni, object ID (type may be two words).
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);

    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    // The stroke, and its alpha channel as a soft mask.
    expect(images).toHaveLength(2);
    expect(images[0]).toMatch(/\simage\s+120\s+40\s/);
    expect(images[1]).toMatch(/\ssmask\s+120\s+40\s/);

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+借条$/m);
    expect(info).toMatch(/^Author:\s+个人电子签$/m);
    expect(info).toMatch(/^Creator:\s+个人电子签$/m);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/m);
  });

  it("refuses a signed signer whose image was not supplied", async () => {
    await expect(renderContractPdf(doc, new Map())).rejects.toThrow(/not supplied/);
  });

  it("splits Chinese per character, keeps punctuation attached and Latin runs whole", () => {
    expect(cjkWordParts("hello")).toEqual(["hello"]);
    // a hash breaks in 8-character pieces with glue, never with a hyphen
    expect(cjkWordParts("ab".repeat(32)).filter(Boolean)).toEqual(Array(8).fill("abababab"));
    expect(cjkWordParts("3101**********5678")).toEqual(["3101**********5678"]);
    expect(cjkWordParts("借款，¥10,000.00元。").filter(Boolean)).toEqual(["借", "款，", "¥10,000.00", "元。"]);
    expect(cjkWordParts("（大写）").filter(Boolean)).toEqual(["（大", "写）"]);
    // typed specifications may break after a slash, never inside "16GB" with a hyphen
    expect(cjkWordParts("16GB/512GB")).toEqual(["16GB/", "", "512GB"]);
    expect(cjkWordParts("笔记本16GB/512GB").filter(Boolean)).toEqual(["笔", "记", "本", "16GB/", "512GB"]);
    expect(cjkWordParts("a/")).toEqual(["a/"]);
  });

  it("columnLayout: short columns keep their width, long ones share the rest", () => {
    const parties = columnLayout(["角色", "姓名", "证件号码", "手机号", "签署时间"], [["出借人", "张三", "1101**********1234", "138****0001", "2026-12-04 10:58:20 UTC+8"]]);
    expect(parties.map((c) => c.flexBasis)).toEqual([6 * 6 + 11, 4 * 6 + 11, 18 * 6 + 11, 11 * 6 + 11, 0]);
    expect(parties.map((c) => c.flexShrink)).toEqual([0, 0, 0, 0, 1]);
    const goods = columnLayout(["名称", "数量"], [["笔记本电脑 16GB/512GB 银色 附带原装充电器与保护套", "1"]]);
    expect(goods[0]).toMatchObject({ flexBasis: 0, flexGrow: 30 });
    expect(goods[1]).toMatchObject({ flexBasis: 4 * 6 + 11, flexShrink: 0 });
    // too many short columns to all fit: every column shares the width by its content
    const wide = columnLayout(Array(8).fill("金额（元）"), [Array(8).fill("10,000,000.00")]);
    expect(wide.every((c) => c.flexBasis === 0 && c.flexShrink === 1)).toBe(true);
  });
});

describe("typed words are printed as typed", () => {
  it("no hyphen is ever inserted, even in narrow table cells and long mixed runs", async () => {
    const words = ["笔记本电脑16GB/512GB银色", "申请出证（报告编号CZ2026120464362848；发送至zh***@example.com）", "型号ThinkPadX1Carbon第十二代", "序列号PF3A9K2L7M"];
    const bytes = await renderContractPdf(
      {
        title: "对账单",
        subtitle: "",
        footer: "",
        blocks: [
          { type: "table", columns: ["名称", "型号", "规格", "备注", "数量", "单价", "金额"], rows: [[words[0]!, words[2]!, words[3]!, words[1]!, "1", "8,999.00", "8,999.00"]] },
          { type: "paragraph", text: words.join("，").repeat(4) },
        ],
        signers: [],
      },
      new Map(),
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dzq-hyphen-")), "t.pdf");
    fs.writeFileSync(file, bytes);
    const printed = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
    expect(printed).not.toContain("-");
    const flat = printed.replace(/\s+/g, "");
    for (const w of words) expect(flat).toContain(w);
  }, 60_000);
});

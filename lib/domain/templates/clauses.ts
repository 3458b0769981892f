// Shared clause text and the document frame of every wizard template: title, parties block,
// numbered sections, the standard closing clauses (notices, disputes, effectiveness) and the
// signature blocks. Templates supply only their own sections, so the shared wording lives once.
import { formatYmdChinese, parseYmd } from "../dates";
import { formatYuan, toChineseUppercase } from "../money";
import type { ContractDocument, DocBlock, DocSigner } from "./document";
import type { RegionValue } from "./fields";
import type { DocumentMeta, TemplateMeta, TemplateSigner } from "./meta";

export type Section = { title: string; blocks: DocBlock[] };

/**
 * Which court hears a dispute (Civil Procedure Law): contracts in general go to the defendant's
 * domicile or the place of performance (art. 24); house leases and renovation count as disputes
 * over immovables and go to where the property lies (art. 34, SPC interpretation art. 28); rural
 * land (grassland) transfers may also go to mediation or land-contract arbitration first.
 */
export type DisputeVenue = { kind: "general" } | { kind: "property"; what: string } | { kind: "land" } | { kind: "agreed"; court: string };

export type DocumentBody = {
  /** Paragraphs between the parties block and the first section. */
  intro?: DocBlock[];
  /** The template's own sections, numbered in order; null/false entries are skipped. */
  sections: (Section | null | false)[];
  /** The standard closing sections, or false for a short statement (收据). */
  closing: { dispute: DisputeVenue } | false;
  /** Printed after everything else (收据's confirmation line). */
  outro?: DocBlock[];
};

export const FOOTER = "个人电子签 · 电子签约平台，仅提供电子签署服务，合同内容由签署各方自行约定";

// ───────────────────────────── small renderers ─────────────────────────────

/** ¥1,234.50（人民币壹仟贰佰叁拾肆元伍角整） */
export const cny = (fen: number) => `${formatYuan(fen)}（人民币${toChineseUppercase(fen)}）`;
/** ¥1,234.50, for table cells where the 大写 of every line would be noise. */
export const yuan = formatYuan;
/** "2026-01-01" → 2026年1月1日; an empty date prints as a blank to fill by hand. */
export const day = (s: string) => {
  const ymd = s ? parseYmd(s) : null;
  return ymd ? formatYmdChinese(ymd) : "____年__月__日";
};
/** 广东省深圳市南山区科技园路1号 (a municipality's repeated 市 is printed once). */
export const address = (r: RegionValue) => [r.province, r.city === r.province ? "" : r.city, r.district, r.detail].join("");

export const p = (text: string): DocBlock => ({ type: "paragraph", text });
/** Label/value rows; null/false rows (optional facts left empty) are skipped. */
export const fields = (rows: ([string, string] | null | false)[]): DocBlock => ({
  type: "fields",
  rows: rows.filter((r): r is [string, string] => !!r).map(([label, value]) => ({ label, value })),
});
/** An optional row: printed only when the value is filled. */
export const opt = (label: string, value: string): [string, string] | null => (value ? [label, value] : null);
export const table = (columns: string[], rows: string[][]): DocBlock => ({ type: "table", columns, rows });
export const section = (title: string, ...blocks: DocBlock[]): Section => ({ title, blocks });
/** A user's free text as a sentence: adds 。 unless it already ends with punctuation. */
export const sentence = (s: string) => (/[。！？；.!?;）)」』”]$/.test(s) ? s : `${s}。`);
/** Numbered sub-clauses in one paragraph: "1. …\n2. …". */
export const items = (lines: (string | null | false)[]): DocBlock =>
  p(
    lines
      .filter((l): l is string => !!l)
      .map((l, i) => `${i + 1}. ${l}`)
      .join("\n"),
  );

const DIGITS = "零一二三四五六七八九";
/** 1 → 一, 12 → 十二, 20 → 二十 (section numbers stay below 100). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

// ───────────────────────────── standard clauses ─────────────────────────────

/** How the standard clauses name the parties: 双方 / 对方 in a two-party contract, 各方 / 其他各方 beyond. */
export type PartyWords = { all: string; others: string };
export const partyWords = (count: number): PartyWords => (count > 2 ? { all: "各方", others: "其他各方" } : { all: "双方", others: "对方" });
const TWO = partyWords(2);

export function disputeSection(v: DisputeVenue, w: PartyWords = TWO): Section {
  const first = `因本合同引起的或与本合同有关的争议，${w.all}应首先友好协商解决；`;
  switch (v.kind) {
    case "general":
      return section("争议解决", p(`${first}协商不成的，任何一方均可向被告住所地或合同履行地有管辖权的人民法院提起诉讼。`));
    case "property":
      return section("争议解决", p(`${first}协商不成的，任何一方均可向${v.what}所在地有管辖权的人民法院提起诉讼。`));
    case "agreed":
      return section("争议解决", p(`${first}协商不成的，由${v.court}管辖。`));
    case "land":
      return section(
        "争议解决",
        p(
          `${first}协商不成的，可以请求村民委员会（嘎查委员会）、乡（镇、苏木）人民政府等调解，也可以向农村土地承包仲裁机构申请仲裁，或者直接向草场所在地有管辖权的人民法院提起诉讼。`,
        ),
      );
  }
}

export const noticeSection = (w: PartyWords = TWO): Section =>
  section(
    "通知与送达",
    p(`${w.all}在个人电子签完成实名认证时使用的手机号为各自的有效联系方式。一方通过短信、电话或平台消息向该号码发出的通知，自发出之日视为送达。联系方式变更的，应及时告知${w.others}，未告知的，由变更一方承担相应后果。`),
  );

export const effectSection = (w: PartyWords = TWO): Section =>
  section(
    "合同生效及其他",
    items([
      `本合同由${w.all}通过个人电子签以电子签名方式签署，自${w.all}均完成签署时成立并生效，生效时间以最后一方签署的时间为准。`,
      `依据《中华人民共和国电子签名法》，可靠的电子签名与手写签名或者盖章具有同等的法律效力。${w.all}确认已完整阅读并理解本合同全部条款，所填身份信息真实有效。`,
      `本合同以电子数据形式保存，${w.all}各自留存的电子原件具有同等法律效力，可随时通过平台下载并核验签名。`,
      `本合同未尽事宜，${w.all}可以另行协商并签订补充协议，补充协议与本合同具有同等效力。`,
    ]),
  );

// ───────────────────────────── the frame ─────────────────────────────

function partiesBlock(roles: TemplateMeta["roles"], signers: readonly TemplateSigner[]): DocBlock {
  const tag = ["甲方", "乙方", "丙方", "丁方", "戊方"];
  return fields(
    roles.flatMap((r, i): [string, string][] => {
      const s = signers.find((x) => x.role === r.key);
      return [
        [`${r.label}（${tag[i]}）`, blank(s?.name)],
        [s?.idLabel ?? "身份证号", blank(s?.idMasked)],
      ];
    }),
  );
}

export const PENDING = "（待对方补充）";
/** A fact the counterparty has not supplied yet (对方填) prints as （待对方补充）. */
export const blank = (s: string | null | undefined) => (s && s.trim() ? s : PENDING);

export function renderDocument(
  meta: Pick<TemplateMeta, "name" | "roles" | "noun">,
  body: DocumentBody,
  signers: readonly TemplateSigner[],
  doc: DocumentMeta,
): ContractDocument {
  const own = body.sections.filter((s): s is Section => !!s);
  const w = partyWords(meta.roles.length);
  const all = body.closing ? [...own, noticeSection(w), disputeSection(body.closing.dispute, w), effectSection(w)] : own;
  const roleOrder = (role: string) => meta.roles.findIndex((r) => r.key === role);
  return {
    title: meta.name,
    subtitle: `${meta.noun ?? "合同"}编号 ${doc.number}${doc.initiatedOn ? ` · 发起日期 ${doc.initiatedOn}` : ""}`,
    blocks: [
      partiesBlock(meta.roles, signers),
      ...(body.intro ?? []),
      ...all.flatMap((s, i): DocBlock[] => [{ type: "heading", text: `${chineseOrdinal(i + 1)}、${s.title}` }, ...s.blocks]),
      ...(body.outro ?? []),
    ],
    signers: [...signers]
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role))
      .map<DocSigner>((s) => ({
        roleLabel: meta.roles.find((r) => r.key === s.role)?.label ?? "签署方",
        name: s.name,
        idMasked: s.idMasked,
        signatureSha256: s.signatureSha256,
        signedAt: s.signedAt,
        note: s.note,
      })),
    footer: FOOTER,
  };
}

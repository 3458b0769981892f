import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Document, Font, Image, Page, StyleSheet, Text as PdfText, View, renderToBuffer } from "@react-pdf/renderer";
import type { ComponentProps } from "react";
import type { ContractDocument, DocBlock, DocSigner } from "@/lib/domain/templates/document";
import { metrics } from "@/lib/server/metrics";

// The contract PDF: the same ContractDocument the on-screen preview renders, laid out on A4 with
// Noto Sans SC embedded (as a subset) so it reads the same in any viewer.

export const FAMILY = "NotoSansSC";
const APP_NAME = "个人电子签";

/**
 * The TTFs shipped by @expo-google-fonts/noto-sans-sc. Resolved from the working directory, not
 * through the bundler: `next start`, tsx scripts and vitest all run from the project root, and a
 * static path.join(process.cwd(), …) lets Next's file tracing keep the files without bundling 10 MB.
 */
export function pdfFontFiles(): { regular: string; bold: string } {
  const dir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");
  return {
    regular: path.join(dir, "400Regular", "NotoSansSC_400Regular.ttf"),
    bold: path.join(dir, "700Bold", "NotoSansSC_700Bold.ttf"),
  };
}

// Chinese is one long "word" to react-pdf (it only splits on spaces). Breaking it into syllables
// lets lines wrap anywhere, but a break between syllables prints a hyphen; an empty part becomes a
// zero-width glue instead, a break opportunity with no hyphen. Units keep closing punctuation with
// the character before it and opening punctuation with the one after (no line starts with "，"),
// and keep Latin / digit runs (amounts, ID numbers) whole.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const UNIT =
  /[（「『《〈【“‘(]*(?:[A-Za-z0-9.,:/%@*¥$+\-_#]+|.)[，。、；：！？）」』》〉】”’)\]…—,.;:!?%]*/gsu;

// A Latin run longer than this (a SHA-256 in hex, a certificate serial) may break every 8
// characters without a hyphen: otherwise react-pdf force-breaks it with a "-" that reads as part of it.
const LONG_RUN = 24;
const pieces = (unit: string): string[] => (unit.length > LONG_RUN && !CJK.test(unit) ? (unit.match(/.{1,8}/gsu) ?? [unit]) : [unit]);

// A Latin run may also break after a "/" ("16GB/" + "512GB"), so a narrow cell never needs the
// forced break that would print a hyphen inside what a party typed.
const slashParts = (unit: string): string[] => (CJK.test(unit) ? [unit] : unit.split(/(?<=\/)(?=.)/u));

// react-pdf also hands over a mixed run in pieces by script ("型号" then "ThinkPadX1Carbon") and
// joins the pieces with a hyphen break only: glue on a piece's CJK edge lets a line break there
// without one.
export function cjkWordParts(word: string): string[] {
  const units = CJK.test(word) ? (word.match(UNIT) ?? [word]) : [word];
  const parts = units.flatMap(slashParts).flatMap(pieces).flatMap((unit, i) => (i === 0 ? [unit] : ["", unit]));
  const chars = [...word];
  return [...(CJK.test(chars[0] ?? "") ? [""] : []), ...parts, ...(CJK.test(chars.at(-1) ?? "") ? [""] : [])];
}

/**
 * react-pdf's Text with hyphenation breaks forbidden. Its line breaker adds a hyphen break after
 * every part the callback returns, next to our zero-width glue, and sometimes takes it ("型号-");
 * a penalty of its infinity (10000) rules those out, so lines break only at the glue.
 */
export function Text(props: ComponentProps<typeof PdfText>) {
  return <PdfText hyphenationPenalty={10_000} {...props} />;
}

/** How wide a text is in half-width units: CJK and full-width characters count two. */
const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (CJK.test(ch) ? 2 : 1), 0);

/**
 * Each table column's width from its widest cell (the header included): a column whose cells are
 * short (an ID number, a phone, an amount, 数量) gets its full width and never wraps; longer ones
 * (a description, a time with its zone) share what is left and wrap at their spaces. Equal
 * columns put 名称 on three lines beside an empty 数量 and ran the ID into 手机号.
 */
export function columnLayout(columns: string[], rows: string[][], available = TABLE_WIDTH): { flexBasis: number; flexGrow: number; flexShrink: number }[] {
  const natural = columns.map((c, i) => Math.max(displayWidth(c), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const fixed = natural.map((w) => (w <= SHORT_CELL ? w * HALF_WIDTH_PT + CELL_PAD_PT : 0));
  if (fixed.reduce((a, b) => a + b, 0) > available * 0.75) return natural.map((w) => ({ flexBasis: 0, flexGrow: Math.min(w, 30), flexShrink: 1 }));
  return natural.map((w, i) => (fixed[i] ? { flexBasis: fixed[i]!, flexGrow: 1, flexShrink: 0 } : { flexBasis: 0, flexGrow: Math.min(w, 30), flexShrink: 1 }));
}
const SHORT_CELL = 20; // half-width units
const HALF_WIDTH_PT = 6; // a digit or Latin letter at 10.5 pt (bold headers included), rounded up
const CELL_PAD_PT = 11; // 5 pt padding each side and the border

export function registerFonts(): void {
  // The font store lives in @react-pdf/renderer (an external package, loaded once per process), so
  // asking it survives this module being re-evaluated in development.
  if (Font.getRegisteredFontFamilies().includes(FAMILY)) return;
  const { regular, bold } = pdfFontFiles();
  for (const file of [regular, bold]) {
    if (!fs.existsSync(file)) throw new Error(`PDF font missing: ${file} (is @expo-google-fonts/noto-sans-sc installed?)`);
  }
  Font.register({
    family: FAMILY,
    fonts: [
      { src: regular, fontWeight: 400 },
      { src: bold, fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(cjkWordParts);
}

const GREY = "#666666";
const TABLE_WIDTH = 595 - 2 * 56; // A4 less the page's side padding
const BODY = 10.5; // pt
const LINE = "#999999";

const s = StyleSheet.create({
  // react-pdf turns a unitless lineHeight into points using the font size of the style it is set
  // in (12 pt if that style sets none) and children inherit the points: so every style that sets
  // lineHeight sets fontSize too, and the page sets neither (it would squeeze the 20 pt title).
  page: { fontFamily: FAMILY, paddingTop: 48, paddingBottom: 64, paddingHorizontal: 56 },
  title: { fontSize: 20, lineHeight: 1.3, fontWeight: 700, textAlign: "center" },
  subtitle: { fontSize: 9, lineHeight: 1.4, color: GREY, textAlign: "center", marginTop: 4, marginBottom: 16 },
  heading: { fontSize: 12, lineHeight: 1.5, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  paragraph: { fontSize: BODY, lineHeight: 1.6, marginBottom: 6 },
  fields: { fontSize: BODY, lineHeight: 1.6, marginBottom: 8 },
  fieldRow: { flexDirection: "row" },
  fieldLabel: { width: 110, color: GREY },
  fieldValue: { flex: 1 },
  table: { borderTop: `0.75pt solid ${LINE}`, borderLeft: `0.75pt solid ${LINE}`, marginVertical: 6 },
  tr: { flexDirection: "row" },
  th: { backgroundColor: "#f0f0f0", fontWeight: 700 },
  td: { fontSize: BODY, lineHeight: 1.4, paddingVertical: 3, paddingHorizontal: 5, borderRight: `0.75pt solid ${LINE}`, borderBottom: `0.75pt solid ${LINE}` },
  endMark: { fontSize: BODY, lineHeight: 1.6, color: GREY, textAlign: "center", marginTop: 4 },
  signers: { flexDirection: "row", flexWrap: "wrap", justifyContent: "space-between", marginTop: 16 },
  signer: { width: "48%", fontSize: BODY, lineHeight: 1.6, border: `0.75pt solid ${LINE}`, padding: 8, marginBottom: 12 },
  signerRole: { fontWeight: 700, marginBottom: 2 },
  signatureArea: { height: 64, marginVertical: 4, justifyContent: "center" },
  signature: { width: 140, height: 60, objectFit: "contain" },
  pending: { color: GREY, textAlign: "center" },
  // No lineHeight on these: react-pdf 4.9 draws nothing for an absolute render-prop Text with one.
  footer: { position: "absolute", bottom: 28, fontSize: 9, color: GREY },
  footerNote: { left: 56, right: 170 },
  pageNo: { right: 56, width: 100, textAlign: "right" },
});

function Block({ block }: { block: DocBlock }) {
  switch (block.type) {
    case "heading":
      // minPresenceAhead keeps a heading off the bottom of a page, away from its text.
      return <Text style={s.heading} minPresenceAhead={40}>{block.text}</Text>;
    case "paragraph":
      // One Text per line: a "\n" inside a Text has no glyph in Noto Sans SC, so react-pdf draws it
      // in Helvetica, which would then be listed (unembedded) among the PDF's fonts.
      return (
        <View style={s.paragraph}>
          {block.text.split("\n").map((line, i) => <Text key={i}>{line || " "}</Text>)}
        </View>
      );
    case "fields":
      return (
        <View style={s.fields}>
          {block.rows.map((row, i) => (
            <View key={i} style={s.fieldRow} wrap={false}>
              <Text style={s.fieldLabel}>{row.label}</Text>
              <Text style={s.fieldValue}>{row.value}</Text>
            </View>
          ))}
        </View>
      );
    case "table": {
      const width = columnLayout(block.columns, block.rows);
      return (
        <View style={s.table}>
          <View style={[s.tr, s.th]} wrap={false}>
            {block.columns.map((c, i) => <Text key={i} style={[s.td, width[i]!]}>{c}</Text>)}
          </View>
          {block.rows.map((row, r) => (
            <View key={r} style={s.tr} wrap={false}>
              {block.columns.map((_, i) => <Text key={i} style={[s.td, width[i]!]}>{row[i] ?? ""}</Text>)}
            </View>
          ))}
        </View>
      );
    }
  }
}

function SignerBox({ signer, images }: { signer: DocSigner; images: Map<string, Uint8Array> }) {
  const png = signer.signatureSha256 ? images.get(signer.signatureSha256) : undefined;
  return (
    <View style={s.signer} wrap={false}>
      {/* a party who only confirms (确认开具 / 确认领取) has a note where a signature would be */}
      <Text style={s.signerRole}>
        {signer.roleLabel}
        {signer.note ? "（确认）" : "（签字）"}
      </Text>
      <Text>姓名：{signer.name}</Text>
      <Text>证件号码：{signer.idMasked}</Text>
      <View style={s.signatureArea}>
        {png ? (
          // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image, not an HTML <img>
          <Image style={s.signature} src={{ data: Buffer.from(png), format: "png" }} />
        ) : (
          <Text style={s.pending}>{signer.note ?? "待签署"}</Text>
        )}
      </View>
      <Text>签署时间：{signer.signedAt ?? ""}</Text>
    </View>
  );
}

function ContractPdf({ doc, images }: { doc: ContractDocument; images: Map<string, Uint8Array> }) {
  return (
    <Document title={doc.title} author={APP_NAME} creator={APP_NAME} producer={APP_NAME} language="zh-CN">
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{doc.title}</Text>
        <Text style={s.subtitle}>{doc.subtitle}</Text>
        {doc.blocks.slice(0, -1).map((block, i) => <Block key={i} block={block} />)}
        {/* The last clause, the end mark and the signatures stay on one page: signatures alone on a
            page, under no text, are what a careful reader distrusts. */}
        <View wrap={false}>
          {doc.blocks.length > 0 && <Block block={doc.blocks.at(-1)!} />}
          <Text style={s.endMark}>（以下无正文）</Text>
          <View style={s.signers}>
            {doc.signers.map((signer, i) => <SignerBox key={i} signer={signer} images={images} />)}
          </View>
        </View>
        {/* Two absolute Texts rather than one row View: react-pdf 4.9 draws nothing for an
            absolute row View whose Texts inherit a lineHeight. */}
        <Text style={[s.footer, s.footerNote]} fixed>{doc.footer}</Text>
        <Text style={[s.footer, s.pageNo]} fixed render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 / 共 ${totalPages} 页`} />
      </Page>
    </Document>
  );
}

/** Renders the contract to PDF bytes. `images` holds each signed signer's PNG by its SHA-256. */
export async function renderContractPdf(doc: ContractDocument, images: Map<string, Uint8Array>): Promise<Uint8Array> {
  // A signer marked signed without their image would yield a PDF that looks unsigned: refuse.
  for (const { signatureSha256 } of doc.signers) {
    if (signatureSha256 && !images.has(signatureSha256)) throw new Error(`signature image ${signatureSha256} not supplied`);
  }
  registerFonts();
  const stop = metrics().pdfRender.startTimer();
  const buf = await renderToBuffer(<ContractPdf doc={doc} images={images} />);
  stop();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

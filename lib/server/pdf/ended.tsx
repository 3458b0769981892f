import "server-only";
import { Document, Page, StyleSheet, View, renderToBuffer } from "@react-pdf/renderer";
import { FAMILY, registerFonts, Text } from "./render";
import type { SignatureRequest } from "./pades";
import { FOOTER } from "@/lib/domain/templates/clauses";

// 已结清 / 已解除 without touching what was signed. The signed pages are never redrawn and no page,
// annotation or attachment is added: a strict validator (pyHanko) allows after a signature only
// new signature fields, form filling and validation data. So the stamp is the appearance of the
// platform's 已结清 seal itself, its widget in the first page's top margin; the 结清确认书 / 解除确认书 is
// a document of its own, sealed, naming the signed file's SHA-256.

export type EndRecord = {
  stamp: string; // 已结清 / 已解除
  heading: string; // 结清确认书 / 解除确认书
  statement: string;
  contractTitle: string;
  contractNumber: string;
  reason: string;
  requester: string; // 出借人 张三，2026年…
  confirmer: string;
  signedSha256: string;
  endedAt: string; // 2026-12-04 11:04:16 UTC+8
};

const RED = "#c62828";
const s = StyleSheet.create({
  stampPage: { fontFamily: FAMILY, padding: 0 },
  stamp: { margin: 4, border: `2pt solid ${RED}`, borderRadius: 6, color: RED, fontSize: 22, fontWeight: 700, textAlign: "center", paddingTop: 6, height: 42 },
  page: { fontFamily: FAMILY, paddingTop: 56, paddingBottom: 64, paddingHorizontal: 56 },
  title: { fontSize: 18, lineHeight: 1.4, fontWeight: 700, textAlign: "center", marginBottom: 18 },
  statement: { fontSize: 11, lineHeight: 1.7, marginBottom: 14, color: RED },
  row: { flexDirection: "row", fontSize: 10.5, lineHeight: 1.7 },
  label: { width: 130, color: "#666666" },
  value: { flex: 1 },
  // as on the contract's pages; no lineHeight on absolute render-prop Texts (react-pdf 4.9 draws nothing then)
  footer: { position: "absolute", bottom: 28, fontSize: 9, color: "#666666" },
  footerNote: { left: 56, right: 170 },
  pageNo: { right: 56, width: 100, textAlign: "right" },
});

/** The 结清确认书 / 解除确认书 as a document of its own (the caller seals it). */
export async function renderEndRecordPdf(r: EndRecord): Promise<Uint8Array> {
  registerFonts();
  const rows: [string, string][] = [
    ["合同名称", r.contractTitle],
    ["合同编号", r.contractNumber],
    ["原因", r.reason],
    ["申请方", r.requester],
    ["确认方", r.confirmer],
    ["确认时间", r.endedAt],
    ["原签署文件SHA-256", r.signedSha256],
  ];
  return new Uint8Array(
    await renderToBuffer(
      <Document title={`${r.heading}：${r.contractTitle}`} author="个人电子签" creator="个人电子签" producer="个人电子签" language="zh-CN">
        <Page size="A4" style={s.page}>
          <Text style={s.title}>{r.heading}</Text>
          <Text style={s.statement}>{r.statement}</Text>
          {rows.map(([label, value]) => (
            <View key={label} style={s.row} wrap={false}>
              <Text style={s.label}>{label}</Text>
              <Text style={s.value}>{value}</Text>
            </View>
          ))}
          <Text style={[s.footer, s.footerNote]} fixed>
            {FOOTER}
          </Text>
          <Text style={[s.footer, s.pageNo]} fixed render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 / 共 ${totalPages} 页`} />
        </Page>
      </Document>,
    ),
  );
}

/** The stamp drawn by react-pdf (it has the Chinese font), as the seal's appearance in the first page's top margin. */
export async function endStamp(text: string): Promise<NonNullable<SignatureRequest["appearance"]>> {
  registerFonts();
  const pdf = new Uint8Array(
    await renderToBuffer(
      <Document>
        <Page size={[140, 50]} style={s.stampPage}>
          <Text style={s.stamp}>{text}</Text>
        </Page>
      </Document>,
    ),
  );
  // clear of the title and the subtitle line
  return { pdf, rect: (width, height) => [width - 56 - 112, height - 6 - 40, width - 56, height - 6] };
}

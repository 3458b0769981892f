import "server-only";
import { PDFDocument, degrees } from "pdf-lib";
import { Document, Page, StyleSheet, View, renderToBuffer } from "@react-pdf/renderer";
import { FAMILY, registerFonts, Text } from "./render";
import { appendRevision } from "./revision";

// The 已结清 / 已解除 version of a signed contract: the signed pages with a stamp saying so, and a
// record page with who asked, why, and who confirmed. pdf-lib places pages that react-pdf drew
// (it has the Chinese font) in an incremental update, so the signed revision is never rewritten.

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
});

function EndedPages({ r }: { r: EndRecord }) {
  const rows: [string, string][] = [
    ["合同名称", r.contractTitle],
    ["合同编号", r.contractNumber],
    ["原因", r.reason],
    ["申请方", r.requester],
    ["确认方", r.confirmer],
    ["原签署文件SHA-256", r.signedSha256],
  ];
  return (
    <Document title={`${r.contractTitle}（${r.stamp}）`} author="个人电子签" creator="个人电子签" producer="个人电子签" language="zh-CN">
      <Page size={[140, 50]} style={s.stampPage}>
        <Text style={s.stamp}>{r.stamp}</Text>
      </Page>
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{r.heading}</Text>
        <Text style={s.statement}>{r.statement}</Text>
        {rows.map(([label, value]) => (
          <View key={label} style={s.row} wrap={false}>
            <Text style={s.label}>{label}</Text>
            <Text style={s.value}>{value}</Text>
          </View>
        ))}
      </Page>
    </Document>
  );
}

/**
 * The signed PDF with a stamp on every page and the record page appended, as a new revision:
 * the signed bytes are kept, so the signatures stay valid for the revision they signed.
 */
export async function renderEndedPdf(signed: Uint8Array, r: EndRecord): Promise<Uint8Array> {
  registerFonts();
  const extra = await PDFDocument.load(await renderToBuffer(<EndedPages r={r} />));
  return appendRevision(signed, async (doc) => {
    const [stamp] = await doc.embedPdf(extra, [0]);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      // in the top margin, clear of the title and the subtitle line
      page.drawPage(stamp!, { x: width - 56 - 112, y: height - 6 - 40, width: 112, height: 40, rotate: degrees(0), opacity: 0.9 });
    }
    const [record] = await doc.copyPages(extra, [1]);
    doc.addPage(record);
    doc.setTitle(`${r.contractTitle}（${r.stamp}）`);
  });
}

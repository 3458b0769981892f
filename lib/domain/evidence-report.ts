// 出证报告: the report's content as the document model the PDF renderer prints. Pure: the
// server gathers the facts (contract, parties, audit events, signatures read from the PDF).
import { ACTION_LABELS, VERIFICATION_LABELS } from "./contract-labels";
import { STATE_LABELS, type ContractState } from "./lifecycle";
import type { ContractDocument, DocBlock } from "./templates/document";

export type ReportFacts = {
  number: string; // 报告编号
  generatedAt: string; // "2026-11-26 20:30:05 UTC+8"
  contract: { title: string; number: string; status: ContractState; initiatedAt: string | null; effectiveAt: string | null; pdfSha256: string; pdfBytes: number };
  parties: { role: string; name: string; idMasked: string; phoneMasked: string; signedAt: string | null }[];
  events: { seq: number; at: string; action: string; note: string | null; actor: string; ip: string | null; verification: string | null; docSha256: string | null; hash: string; prevHash: string }[];
  chainIntact: boolean;
  signatures: { signer: string; subject: string; serial: string; issuer: string; validity: string; fingerprint: string; signingTime: string | null; timestampTime: string | null; intact: boolean }[];
  /** How a reader checks the file without trusting this report: our root and where to check. */
  check: { rootSubject: string; rootFingerprint: string; verifyUrl: string };
};

/** What an audit event's detail adds for a reader: the reason given, where something was sent. */
export function auditNote(detail: unknown): string | null {
  if (!detail || typeof detail !== "object") return null;
  const d = detail as Record<string, unknown>;
  const parts = [
    typeof d.reason === "string" && d.reason ? `原因：${d.reason}` : null,
    typeof d.report === "string" ? `报告编号 ${d.report}` : null,
    typeof d.to === "string" && d.to ? `发送至 ${d.to}` : null,
  ].filter((x): x is string => !!x);
  return parts.length ? parts.join("；") : null;
}

export function evidenceReportDocument(f: ReportFacts): ContractDocument {
  const c = f.contract;
  const blocks: DocBlock[] = [
    { type: "paragraph", text: `应申请人申请，个人电子签平台依据平台保存的电子数据，出具《${c.title}》（合同编号 ${c.number}）的签署报告如下。` },
    { type: "heading", text: "一、合同信息" },
    {
      type: "fields",
      rows: [
        { label: "合同名称", value: c.title },
        { label: "合同编号", value: c.number },
        { label: "合同状态", value: STATE_LABELS[c.status] },
        { label: "发起时间", value: c.initiatedAt ?? "—" },
        { label: "生效时间", value: c.effectiveAt ?? "—" },
        { label: "文件SHA-256", value: c.pdfSha256 },
        { label: "文件大小", value: `${c.pdfBytes} 字节` },
      ],
    },
    { type: "heading", text: "二、签署方" },
    { type: "table", columns: ["角色", "姓名", "证件号码", "手机号", "签署时间"], rows: f.parties.map((p) => [p.role, p.name, p.idMasked, p.phoneMasked, p.signedAt ?? "未签署"]) },
    { type: "heading", text: "三、数字签名与可信时间" },
    { type: "paragraph", text: "以下信息读取自合同文件中的数字签名（PAdES）。每个签名使用平台为该签署方本次签署签发的证书，并附有时间戳服务签发的时间戳。" },
    ...f.signatures.flatMap((s, i): DocBlock[] => [
      {
        type: "fields",
        rows: [
          { label: `签名 ${i + 1}`, value: s.signer },
          { label: "证书主题", value: s.subject },
          { label: "证书序列号", value: s.serial },
          { label: "颁发者", value: s.issuer },
          { label: "有效期", value: s.validity },
          { label: "证书指纹(SHA-256)", value: s.fingerprint },
          { label: "签署时间", value: s.signingTime ?? "—" },
          { label: "时间戳时间", value: s.timestampTime ?? "无" },
          { label: "校验结果", value: s.intact ? "签名有效，签名后内容未被修改" : "签名无效或内容已被修改" },
        ],
      },
    ]),
    { type: "heading", text: "四、操作记录" },
    {
      type: "table",
      columns: ["序号", "时间", "操作", "操作人", "IP地址", "核验方式"],
      rows: f.events.map((e) => [
        String(e.seq),
        e.at,
        `${ACTION_LABELS[e.action] ?? e.action}${e.note ? `（${e.note}）` : ""}`,
        e.actor,
        e.ip ?? "—",
        e.verification ? (VERIFICATION_LABELS[e.verification] ?? e.verification) : "—",
      ]),
    },
    { type: "heading", text: "五、审计链" },
    {
      type: "paragraph",
      text: `每条操作记录的哈希值 = SHA-256（上一条记录的哈希值 + 本条记录的内容），首条记录的上一哈希为空。审计链校验结果：${f.chainIntact ? "完整，未发现篡改" : "异常，记录与哈希不一致"}。`,
    },
    // label / value rows rather than a table: a hash wraps within its own column and reads whole
    { type: "fields", rows: f.events.flatMap((e) => [{ label: `第${e.seq}条 记录哈希`, value: e.hash }, ...(e.docSha256 ? [{ label: `第${e.seq}条 文件哈希`, value: e.docSha256 }] : [])]) },
    { type: "heading", text: "六、说明" },
    {
      type: "paragraph",
      text: "本报告由个人电子签平台根据系统记录自动生成，并加盖平台数字签章。证件号码、手机号已做脱敏处理；时间均为北京时间（UTC+8），精确到秒；IP地址为平台服务器记录的访问地址。",
    },
    { type: "heading", text: "七、如何自行校验" },
    {
      type: "paragraph",
      text: `合同文件与本报告中的数字签名均由本平台根证书签发的证书作出。普通PDF阅读器默认不信任本平台根证书，因此可能显示“签名者身份未知”，这并不表示文件被修改。校验方法：\n1. 在 ${f.check.verifyUrl} 上传合同PDF，页面逐个列出签名、证书与时间戳的校验结果；\n2. 或下载本平台根证书（验证页面提供下载），核对其SHA-256指纹后，在 pdfsig、pyHanko、Adobe Acrobat 等工具中将其设为受信任的根证书再校验；\n3. 文件的SHA-256应与本报告“文件SHA-256”一致。`,
    },
    { type: "fields", rows: [{ label: "根证书", value: f.check.rootSubject }, { label: "根证书指纹(SHA-256)", value: f.check.rootFingerprint }] },
  ];
  return { title: "电子签署报告", subtitle: `报告编号 ${f.number} · 生成时间 ${f.generatedAt}`, blocks, signers: [], footer: "个人电子签 · 电子签署报告 · 平台签章保护，任何改动均可被检测" };
}

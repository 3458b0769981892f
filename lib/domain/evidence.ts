// 验证: how the public verification page and the certificate view judge a PDF's signatures.
// Pure rules over what the inspector read; wording is what a user sees.

export type SignatureCheck = {
  digestMatches: boolean;
  signatureValid: boolean;
  trusted: boolean; // chains to our root, key usage and validity checked
  /** Untrusted, yet naming our platform as issuer or copying our seal's name. */
  claimsPlatform: boolean;
  coversWholeFile: boolean;
  /** Bytes in the file after the revision this signature covers. */
  bytesAfter: number;
  /** The RFC 3161 token over the signature value, valid meaning from a TSA under our root. */
  timestamp: { valid: boolean } | null;
  problem: string | null;
};

export type Tone = "ok" | "warn" | "bad";
export type Verdict = { tone: Tone; title: string; detail: string };

export const signatureIntact = (s: SignatureCheck) => !s.problem && s.digestMatches && s.signatureValid;

/** Is this signature what it says it is: intact, from whom, and (for ours) when. */
function validity(s: SignatureCheck): Verdict {
  if (s.problem) return { tone: "bad", title: "签名无法读取", detail: s.problem };
  if (!s.digestMatches) return { tone: "bad", title: "签名无效", detail: "签名覆盖的内容已被修改" };
  if (!s.signatureValid) return { tone: "bad", title: "签名无效", detail: "签名值与证书不符，可能是伪造的签名" };
  if (!s.trusted && s.claimsPlatform) return { tone: "bad", title: "证书无法验证", detail: "证书自称由本平台签发，但无法验证到本平台根证书，可能是伪造的证书" };
  if (!s.trusted) return { tone: "warn", title: "签名有效，但证书不是本平台签发", detail: "无法确认签署人身份由本平台核验" };
  // every signature this platform makes carries a token from its time-stamp service
  if (!s.timestamp) return { tone: "bad", title: "缺少时间戳", detail: "本平台的签名都带有时间戳，该签名的时间戳已被移除，无法证明签署时间" };
  if (!s.timestamp.valid) return { tone: "bad", title: "时间戳无效", detail: "时间戳已损坏或不是本平台的时间戳服务签发，无法证明签署时间" };
  return { tone: "ok", title: "签名有效", detail: "证书由本平台签发，带有有效时间戳，签署后该签名覆盖的内容未被修改" };
}

const unsignedTail = (all: SignatureCheck[]) => Math.min(...all.map((s) => s.bytesAfter));

/** Was anything added after signature i that no later valid signature vouches for. */
function changedAfter(all: SignatureCheck[], i: number): Verdict {
  const s = all[i]!;
  if (!signatureIntact(s)) return { tone: "bad", title: "内容已被修改", detail: "该签名覆盖的内容与签署时不一致" };
  if (s.coversWholeFile) return { tone: "ok", title: "签名后未被修改", detail: "签名覆盖整个文件" };
  const later = all.slice(i + 1);
  const broken = later.findIndex((x) => !signatureIntact(x));
  if (broken >= 0) return { tone: "bad", title: "签名后文件被修改", detail: `之后的第${i + broken + 2}个签名已损坏，之后追加的内容无法确认` };
  // after one of ours, only signatures we can vouch for may follow
  const foreign = s.trusted ? later.findIndex((x) => validity(x).tone !== "ok") : -1;
  if (foreign >= 0) {
    const v = validity(later[foreign]!);
    return { tone: "bad", title: "签名后文件被追加了非本平台的签名", detail: `第${i + foreign + 2}个签名（${v.title}）不是本平台签发或无法验证，它之后追加的内容无法由本平台证明` };
  }
  if (!later.some((x) => x.coversWholeFile)) return { tone: "bad", title: "签名后文件被修改", detail: `最后一个签名之后文件被追加了${unsignedTail(all)}字节未经签名的内容` };
  return { tone: "ok", title: "之后仅追加了签署", detail: "之后的内容由后续的有效签名保护（如其他签署方签名、平台签章）" };
}

/** One signature's two answers: is it valid, and was the document changed after it. */
export function signatureVerdict(all: SignatureCheck[], i: number): { valid: Verdict; changedAfter: Verdict } {
  return { valid: validity(all[i]!), changedAfter: changedAfter(all, i) };
}

/** The whole file's verdict, shown first on the verification page. */
export function documentVerdict(all: SignatureCheck[]): Verdict {
  if (all.length === 0) return { tone: "bad", title: "文件中没有数字签名", detail: "无法证明该文件由本平台签署，也无法判断其是否被修改" };
  if (!all.every(signatureIntact)) return { tone: "bad", title: "文件已被修改或签名已损坏", detail: "至少一个签名覆盖的内容与签署时不一致" };
  if (!all.some((s) => s.coversWholeFile)) return { tone: "bad", title: "文件在签署后被修改", detail: `最后一个签名之后文件被追加了${unsignedTail(all)}字节未经签名的内容` };
  const appended = all.map((_, i) => changedAfter(all, i)).find((v) => v.title === "签名后文件被追加了非本平台的签名");
  if (appended) return { tone: "bad", title: "文件在签署后被追加了非本平台的签名", detail: appended.detail };
  const unverifiable = all.findIndex((s) => validity(s).tone === "bad");
  if (unverifiable >= 0) {
    const v = validity(all[unverifiable]!);
    return { tone: "bad", title: "文件中有无法验证的签名", detail: `第${unverifiable + 1}个签名：${v.title}，${v.detail}` };
  }
  if (!all.every((s) => s.trusted)) return { tone: "warn", title: "签名完整，但不是本平台签发", detail: "文件签署后未被修改，但签名证书不是由本平台的根证书签发" };
  return { tone: "ok", title: "文件由本平台签署，签署后未被修改", detail: "每个签名均有效、带有本平台的时间戳，证书均由本平台根证书签发" };
}

/** A certificate's distinguished name, attribute by attribute, in people's words instead of OIDs. */
const NAME_LABELS: Record<string, string> = {
  CN: "名称",
  "2.5.4.3": "名称",
  serialNumber: "证件号码",
  "2.5.4.5": "证件号码",
  OU: "用途",
  "2.5.4.11": "用途",
  O: "机构",
  "2.5.4.10": "机构",
  C: "国家/地区",
  "2.5.4.6": "国家/地区",
  E: "邮箱",
  "1.2.840.113549.1.9.1": "邮箱",
  L: "城市",
  ST: "省份",
};

export function readableName(attributes: { type: string; value: string }[]): string {
  return attributes.map((a) => `${NAME_LABELS[a.type] ?? a.type}：${a.value}`).join("；");
}

/** A name on a public page: the family name kept, the rest masked (张* / 欧阳** kept to the first character). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  return chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
}

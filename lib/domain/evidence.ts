// 验证: how the public verification page and the certificate view judge a PDF's signatures.
// Pure rules over what the inspector read; wording is what a user sees.

export type SignatureCheck = {
  digestMatches: boolean;
  signatureValid: boolean;
  trusted: boolean; // chains to our root
  coversWholeFile: boolean;
  problem: string | null;
};

export type Tone = "ok" | "warn" | "bad";
export type Verdict = { tone: Tone; title: string; detail: string };

export const signatureIntact = (s: SignatureCheck) => !s.problem && s.digestMatches && s.signatureValid;

/** Whether the bytes after this signature are themselves covered by a later intact signature reaching the file's end. */
function protectedAfter(all: SignatureCheck[], i: number): boolean {
  return all.slice(i + 1).some((s) => s.coversWholeFile && signatureIntact(s)) && all.slice(i + 1).every(signatureIntact);
}

/** One signature's two answers: is it valid, and was the document changed after it. */
export function signatureVerdict(all: SignatureCheck[], i: number): { valid: Verdict; changedAfter: Verdict } {
  const s = all[i]!;
  const valid: Verdict = s.problem
    ? { tone: "bad", title: "签名无法读取", detail: s.problem }
    : !s.digestMatches
      ? { tone: "bad", title: "签名无效", detail: "签名覆盖的内容已被修改" }
      : !s.signatureValid
        ? { tone: "bad", title: "签名无效", detail: "签名值与证书不符，可能是伪造的签名" }
        : !s.trusted
          ? { tone: "warn", title: "签名有效，但证书不是本平台签发", detail: "无法确认签署人身份由本平台核验" }
          : { tone: "ok", title: "签名有效", detail: "证书由本平台签发，签署后该签名覆盖的内容未被修改" };
  const changedAfter: Verdict = !signatureIntact(s)
    ? { tone: "bad", title: "内容已被修改", detail: "该签名覆盖的内容与签署时不一致" }
    : s.coversWholeFile
      ? { tone: "ok", title: "签名后未被修改", detail: "签名覆盖整个文件" }
      : protectedAfter(all, i)
        ? { tone: "ok", title: "之后仅追加了签署", detail: "之后的内容由后续的有效签名保护（如其他签署方签名、平台签章）" }
        : { tone: "bad", title: "签名后文件被修改", detail: "该签名之后文件被追加了未经签名的内容" };
  return { valid, changedAfter };
}

/** The whole file's verdict, shown first on the verification page. */
export function documentVerdict(all: SignatureCheck[]): Verdict {
  if (all.length === 0) return { tone: "bad", title: "文件中没有数字签名", detail: "无法证明该文件由本平台签署，也无法判断其是否被修改" };
  if (!all.every(signatureIntact)) return { tone: "bad", title: "文件已被修改或签名已损坏", detail: "至少一个签名覆盖的内容与签署时不一致" };
  if (!all.some((s) => s.coversWholeFile)) return { tone: "bad", title: "文件在签署后被修改", detail: "最后一个签名之后文件被追加了未经签名的内容" };
  if (!all.every((s) => s.trusted)) return { tone: "warn", title: "签名完整，但不是本平台签发", detail: "文件签署后未被修改，但签名证书不是由本平台的根证书签发" };
  return { tone: "ok", title: "文件由本平台签署，签署后未被修改", detail: "每个签名均有效，证书均由本平台根证书签发" };
}

/** A name on a public page: the family name kept, the rest masked (张* / 欧阳** kept to the first character). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  return chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
}

import { describe, expect, it } from "vitest";
import { documentVerdict, maskName, signatureVerdict, type SignatureCheck } from "./evidence";

const good = (over: Partial<SignatureCheck> = {}): SignatureCheck => ({
  digestMatches: true,
  signatureValid: true,
  trusted: true,
  claimsPlatform: false,
  coversWholeFile: false,
  bytesAfter: 1000,
  timestamp: { valid: true },
  problem: null,
  ...over,
});
const last = (over: Partial<SignatureCheck> = {}) => good({ coversWholeFile: true, bytesAfter: 0, ...over });
const foreign = { trusted: false, timestamp: null };

describe("documentVerdict", () => {
  it.each<[string, SignatureCheck[], string, string]>([
    ["no signatures", [], "bad", "文件中没有数字签名"],
    ["two signers and the seal, intact", [good(), good(), last()], "ok", "文件由本平台签署，签署后未被修改"],
    ["a byte changed under the first signature", [good({ digestMatches: false }), good(), last()], "bad", "文件已被修改或签名已损坏"],
    ["a forged signature value", [good(), last({ signatureValid: false })], "bad", "文件已被修改或签名已损坏"],
    ["an unreadable signature (truncated file)", [good({ problem: "签名范围超出文件长度（文件不完整）" })], "bad", "文件已被修改或签名已损坏"],
    ["bytes appended after the last signature", [good(), good({ bytesAfter: 25 })], "bad", "文件在签署后被修改"],
    ["a foreign CA, intact", [last(foreign)], "warn", "签名完整，但不是本平台签发"],
    ["a foreign signature before ours (an uploaded signed file)", [good(foreign), last()], "warn", "签名完整，但不是本平台签发"],
    ["a foreign signature added after ours", [good(), last(foreign)], "bad", "文件在签署后被追加了非本平台的签名"],
    ["a look-alike of our seal after ours", [good(), last({ ...foreign, claimsPlatform: true })], "bad", "文件在签署后被追加了非本平台的签名"],
    ["only a look-alike of our seal (a fabricated file)", [last({ ...foreign, claimsPlatform: true })], "bad", "文件中有无法验证的签名"],
    ["our signature with its token removed", [good({ timestamp: null }), last()], "bad", "文件中有无法验证的签名"],
    ["our signature with a damaged token", [last({ timestamp: { valid: false } })], "bad", "文件中有无法验证的签名"],
  ])("%s", (_, sigs, tone, title) => {
    expect(documentVerdict(sigs)).toMatchObject({ tone, title });
  });
});

describe("signatureVerdict", () => {
  it.each<[string, SignatureCheck[], number, string, string]>([
    ["covers the whole file", [last()], 0, "签名有效", "签名后未被修改"],
    ["later revisions are signed", [good(), good(), last()], 0, "签名有效", "之后仅追加了签署"],
    ["unsigned bytes after it", [good(), good({ bytesAfter: 25 })], 1, "签名有效", "签名后文件被修改"],
    ["a foreign signature after it", [good(), last(foreign)], 0, "签名有效", "签名后文件被追加了非本平台的签名"],
    ["a foreign signature after a foreign one", [good(foreign), last(foreign)], 0, "签名有效，但证书不是本平台签发", "之后仅追加了签署"],
    ["a look-alike of our seal", [last({ ...foreign, claimsPlatform: true })], 0, "证书无法验证", "签名后未被修改"],
    ["token removed", [last({ timestamp: null })], 0, "缺少时间戳", "签名后未被修改"],
    ["token damaged", [last({ timestamp: { valid: false } })], 0, "时间戳无效", "签名后未被修改"],
    ["a later signature is broken", [good(), good({ digestMatches: false }), last()], 0, "签名有效", "签名后文件被修改"],
    ["its own digest fails", [good({ digestMatches: false }), last()], 0, "签名无效", "内容已被修改"],
    ["its value does not verify", [last({ signatureValid: false })], 0, "签名无效", "内容已被修改"],
    ["foreign CA", [last(foreign)], 0, "签名有效，但证书不是本平台签发", "签名后未被修改"],
    ["unreadable", [good({ problem: "签名数据无法解析" })], 0, "签名无法读取", "内容已被修改"],
  ])("%s", (_, sigs, i, valid, changed) => {
    const v = signatureVerdict(sigs, i);
    expect([v.valid.title, v.changedAfter.title]).toEqual([valid, changed]);
  });
});

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧***"],
    ["李", "李"],
    ["  王小明 ", "王**"],
    ["", ""],
  ])("%s → %s", (name, masked) => expect(maskName(name)).toBe(masked));
});

import { describe, expect, it } from "vitest";
import { faceIdVerdict, sameName, type FaceIdText, type FaceIdVerdict } from "./faceid";

const expected = { checkId: "chk1", identity: { name: "陈小文", idNumber: "11010519491231002X" } };
const passed: FaceIdText = { ErrCode: 0, ErrMsg: "成功", IdCard: "11010519491231002X", Name: "陈小文", Extra: "chk1", LiveStatus: 0, Comparestatus: 0 };

// GetDetectInfoEnhanced's Text (the documented fields) → our verdict
const cases: [string, FaceIdText | null, FaceIdVerdict["result"], RegExp?][] = [
  ["no Text yet: the person has not finished", null, "PENDING"],
  ["Text with every field null (before completion)", { ErrCode: null, ErrMsg: null, IdCard: null, Name: null, Extra: "chk1", LiveStatus: null, Comparestatus: null }, "PENDING"],
  ["ErrCode 17 (本次流程未完成)", { ErrCode: 17, ErrMsg: "本次流程未完成", Extra: "chk1" }, "PENDING"],
  ["ErrCode 0, the identity asked for, our check", passed, "PASSED"],
  ["ErrCode 0 without the per-stage codes", { ...passed, LiveStatus: null, Comparestatus: undefined }, "PASSED"],
  ["the ID's check character in lower case", { ...passed, IdCard: "11010519491231002x" }, "PASSED"],
  ["liveness failed (1004 人脸验证失败)", { ...passed, ErrCode: 1004, ErrMsg: "人脸验证失败，请重试", LiveStatus: 1004 }, "FAILED", /ErrCode 1004 人脸验证失败/],
  ["not the same person (2016)", { ...passed, ErrCode: 2016, ErrMsg: "无法判断为同一人", Comparestatus: 2016 }, "FAILED", /ErrCode 2016/],
  ["name and ID do not match at the authority (2006)", { ...passed, ErrCode: 2006, ErrMsg: "姓名和身份证号不匹配", Comparestatus: 2006 }, "FAILED", /ErrCode 2006/],
  ["token expired in the flow (15)", { ErrCode: 15, ErrMsg: "Token 过期" }, "FAILED", /ErrCode 15/],
  ["retries used up (16)", { ErrCode: 16, ErrMsg: "已达到重试上限" }, "FAILED", /ErrCode 16/],
  ["ErrCode 0 but a non-zero liveness code", { ...passed, LiveStatus: 1001 }, "FAILED", /LiveStatus/],
  ["ErrCode 0 but a non-zero comparison code", { ...passed, Comparestatus: 1 }, "FAILED", /Comparestatus/],
  ["another check's session (Extra)", { ...passed, Extra: "chk2" }, "FAILED", /Extra/],
  ["no Extra", { ...passed, Extra: null }, "FAILED", /Extra/],
  ["passed as another ID number", { ...passed, IdCard: "110105194912310039" }, "FAILED", /证件号码/],
  ["passed under another name", { ...passed, Name: "陈大文" }, "FAILED", /姓名/],
  ["passed, the identity not reported", { ...passed, IdCard: null, Name: null }, "FAILED", /证件号码/],
];

describe("FaceID's result as our verdict", () => {
  it.each(cases)("%s", (_, text, result, reason) => {
    const v = faceIdVerdict(text, expected);
    expect(v.result).toBe(result);
    if (reason) expect(v.reason).toMatch(reason);
  });

  it("a check with no identity to compare never passes", () => {
    expect(faceIdVerdict(passed, { checkId: "chk1", identity: null }).result).toBe("FAILED");
  });

  it.each([
    ["阿依古丽·买买提", "阿依古丽•买买提", true],
    [" 陈小文 ", "陈小文", true],
    ["John Smith", "JohnSmith", true],
    ["陈小文", "陈晓文", false],
  ] as const)("names: %s ≡ %s → %s", (a, b, same) => expect(sameName(a, b)).toBe(same));
});

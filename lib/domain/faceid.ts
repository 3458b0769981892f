// What Tencent Cloud FaceID (慧眼人脸核身) says about one check, read as our verdict. Pure: the
// adapter (lib/server/identity/face-tencent.ts) fetches GetDetectInfoEnhanced's Text and asks here.
//
// The provider's own rule (its FAQ): Response.Text.ErrCode == 0 means the whole flow passed —
// liveness and the 1:1 comparison against the authority's photo of the ID number and name that
// DetectAuth was given; before the person has finished, the fields are null, or ErrCode is 17
// (本次流程未完成). Any other code ends the flow unpassed (1xxx liveness, 2xxx the comparison —
// 2006 name and ID do not match, 2016 not the same person —, 15 token expired, 16 retries used
// up, 301 another ID card than the one given …): a new check must be started. We also require
// the liveness and comparison codes, when given, to be 0, the check to be ours (Extra carries our
// check id), and the identity the provider verified to be the one we asked it to verify.

export type FaceIdText = {
  ErrCode?: number | null;
  ErrMsg?: string | null;
  IdCard?: string | null;
  Name?: string | null;
  Extra?: string | null;
  LiveStatus?: number | null;
  Comparestatus?: number | null;
};

export type FaceIdExpected = { checkId: string; identity: { name: string; idNumber: string } | null };

export type FaceIdVerdict = { result: "PENDING" | "PASSED" | "FAILED"; reason: string };

/** Names compare without surrounding or inner blanks and with one middle dot (· and • are both typed). */
export const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").replace(/[•・･‧∙]/g, "·");
  return norm(a) === norm(b);
};

/** ID numbers compare upper-cased (FaceID wants the check character as X) and trimmed. */
export const sameIdNumber = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** FaceID's 本次流程未完成: the person has not finished the provider's page (yet). */
export const FLOW_NOT_FINISHED = 17;

const present = (v: number | null | undefined): v is number => typeof v === "number";

export function faceIdVerdict(text: FaceIdText | null | undefined, expected: FaceIdExpected): FaceIdVerdict {
  if (!text || !present(text.ErrCode) || text.ErrCode === FLOW_NOT_FINISHED) return { result: "PENDING", reason: "核验尚未完成" };
  if (text.ErrCode !== 0) return { result: "FAILED", reason: `ErrCode ${text.ErrCode}${text.ErrMsg ? ` ${text.ErrMsg}` : ""}` };
  if (present(text.LiveStatus) && text.LiveStatus !== 0) return { result: "FAILED", reason: `LiveStatus ${text.LiveStatus}` };
  if (present(text.Comparestatus) && text.Comparestatus !== 0) return { result: "FAILED", reason: `Comparestatus ${text.Comparestatus}` };
  if ((text.Extra ?? "") !== expected.checkId) return { result: "FAILED", reason: "Extra 不是本次核验" };
  if (!expected.identity) return { result: "FAILED", reason: "没有可比对的身份" };
  if (!text.IdCard || !sameIdNumber(text.IdCard, expected.identity.idNumber)) return { result: "FAILED", reason: "核验的证件号码与本人不一致" };
  if (!text.Name || !sameName(text.Name, expected.identity.name)) return { result: "FAILED", reason: "核验的姓名与本人不一致" };
  return { result: "PASSED", reason: "通过" };
}

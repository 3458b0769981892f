// Tests: a local stand-in for Tencent Cloud FaceID (慧眼人脸核身, API 2018-03-01) on 127.0.0.1, a
// free port. It checks each request's TC3-HMAC-SHA256 signature the way Tencent does (written
// from the signing documentation, independently of the SDK: notify/test-sms-gateways.ts), records
// what was asked, and answers DetectAuth and GetDetectInfoEnhanced as the provider does. The test
// plays the person at the provider's page with `finish` (passed, liveness failed, passed as
// someone else) and can make the provider fail (an error answer) or hang (for timeouts).
import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { tencentSignatureProblem, type Recorded } from "@/lib/server/notify/test-sms-gateways";

export type FaceIdMode = "ok" | "error" | "hang";
export type FaceIdOutcome = "passed" | "liveness-failed" | "passed-as-other" | "unfinished";

type Session = { bizToken: string; ruleId: string; idCard: string; name: string; extra: string; redirectUrl: string; outcome: FaceIdOutcome | null };

export type FakeFaceId = {
  url: string;
  mode: FaceIdMode;
  requests: (Recorded & { action: string; json: Record<string, unknown> })[];
  sessions: Map<string, Session>;
  /** the person at the provider's page ends the flow for this BizToken */
  finish(bizToken: string, outcome: FaceIdOutcome): void;
  close(): Promise<void>;
};

const json = (res: http.ServerResponse, body: unknown) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const error = (code: string, message: string) => ({ Response: { Error: { Code: code, Message: message }, RequestId: crypto.randomUUID() } });

/** GetDetectInfoEnhanced's Text for a session, as the provider fills it in. */
function detectText(s: Session) {
  const base = { Extra: s.extra, IdInfoFrom: "其他", UseIDType: 0, LivenessMode: 3, CompareLibType: "权威库" };
  switch (s.outcome) {
    case null:
      // before the person has finished: everything null (the FAQ: 若在未完成验证前调用该接口，数据可能为 null)
      return { ErrCode: null, ErrMsg: null, IdCard: null, Name: null, LiveStatus: null, LiveMsg: null, Comparestatus: null, Comparemsg: null, Sim: null, ...base };
    case "unfinished":
      return { ErrCode: 17, ErrMsg: "本次流程未完成", IdCard: s.idCard, Name: s.name, LiveStatus: null, LiveMsg: null, Comparestatus: null, Comparemsg: null, Sim: null, ...base };
    case "passed":
      return { ErrCode: 0, ErrMsg: "成功", IdCard: s.idCard, Name: s.name, LiveStatus: 0, LiveMsg: "成功", Comparestatus: 0, Comparemsg: "成功", Sim: "92.37", ...base };
    case "liveness-failed":
      return { ErrCode: 1004, ErrMsg: "人脸验证失败，请重试", IdCard: s.idCard, Name: s.name, LiveStatus: 1004, LiveMsg: "人脸验证失败，请重试", Comparestatus: null, Comparemsg: null, Sim: null, ...base };
    case "passed-as-other":
      // the flow passed — but for an identity other than the one DetectAuth was given
      return { ErrCode: 0, ErrMsg: "成功", IdCard: "110101199003070011", Name: "王二", LiveStatus: 0, LiveMsg: "成功", Comparestatus: 0, Comparemsg: "成功", Sim: "90.02", ...base };
  }
}

export async function fakeFaceId(opts: { secretId: string; secretKey: string; ruleId: string }): Promise<FakeFaceId> {
  const fake: FakeFaceId = {
    url: "",
    mode: "ok",
    requests: [],
    sessions: new Map(),
    finish(bizToken, outcome) {
      const s = fake.sessions.get(bizToken);
      if (!s) throw new Error(`no session ${bizToken}`);
      s.outcome = outcome;
    },
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const base = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      const signatureProblem = tencentSignatureProblem(base, opts.secretId, opts.secretKey);
      const action = String(req.headers["x-tc-action"] ?? "");
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(base.body || "{}") as Record<string, unknown>;
      } catch {
        // answered below as the provider would
      }
      fake.requests.push({ ...base, signatureProblem, action, json: body });
      if (fake.mode === "hang") return; // never answers: the caller's timeout must end it
      if (signatureProblem) return json(res, error("AuthFailure.SignatureFailure", signatureProblem));
      if (req.headers["x-tc-version"] !== "2018-03-01") return json(res, error("InvalidParameter", "wrong version"));
      if (fake.mode === "error") return json(res, error("InternalError", "内部错误"));
      if (body.RuleId !== opts.ruleId) return json(res, error("InvalidParameterValue.RuleIdNotExist", "RuleId不存在"));
      if (action === "DetectAuth") {
        const bizToken = crypto.randomUUID().toUpperCase();
        fake.sessions.set(bizToken, {
          bizToken,
          ruleId: String(body.RuleId),
          idCard: String(body.IdCard ?? ""),
          name: String(body.Name ?? ""),
          extra: String(body.Extra ?? ""),
          redirectUrl: String(body.RedirectUrl ?? ""),
          outcome: null,
        });
        return json(res, { Response: { Url: `https://faceid.qq.com/api/v1/detect?token=${bizToken}`, BizToken: bizToken, RequestId: crypto.randomUUID() } });
      }
      if (action === "GetDetectInfoEnhanced") {
        const s = fake.sessions.get(String(body.BizToken ?? ""));
        if (!s) return json(res, error("InvalidParameterValue.BizTokenIllegal", "BizToken不合法"));
        return json(res, { Response: { Text: detectText(s), IdCardData: null, BestFrame: null, VideoData: null, Encryption: null, RequestId: crypto.randomUUID() } });
      }
      return json(res, error("InvalidAction", "unknown action"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { runDueJobs } from "@/lib/server/jobs";
import { decrypt } from "@/lib/server/crypto";
import { SMS_TEMPLATE_KEYS, SMS_TEMPLATES, renderSms } from "@/lib/domain/sms-templates";
import { POST as reportRoute } from "@/app/api/sms/report/[gateway]/[token]/route";
import { deliverOutboxMessage, queueSms, smsConfigProblems, smsProvider } from "@/lib/server/notify";
import { fakeAliyunSms, fakeTencentSms, type FakeGateway } from "./test-sms-gateways";

const TOKEN = "cb-token-0123456789abcdef";
const ALL_IDS = JSON.stringify(Object.fromEntries(SMS_TEMPLATE_KEYS.map((k, i) => [k, String(1_000_000 + i)])));
const ID_OF = (k: string) => String(1_000_000 + SMS_TEMPLATE_KEYS.indexOf(k as never));
const SMS_ENV = ["SMS_PROVIDER", "SMS_SECRET_ID", "SMS_SECRET_KEY", "SMS_SDK_APP_ID", "SMS_SIGN_NAME", "SMS_TEMPLATE_IDS", "SMS_ENDPOINT", "SMS_REGION", "SMS_TIMEOUT_MS", "SMS_CALLBACK_TOKEN"];

function configure(env: Record<string, string>) {
  for (const k of SMS_ENV) delete process.env[k];
  Object.assign(process.env, env);
}
afterEach(() => configure({}));

let n = 0;
const phone = () => `1380013${String(++n).padStart(4, "0")}`;
const row = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id } });
const invite = (to: string) =>
  db().$transaction((tx) => queueSms(tx, { to, template: "contract.invite", params: { initiator: "张三", title: "个人借条", until: "2027-01-05", link: "https://e.example.com/s/abc" } }));

/** Delivers one row as the job runner would, n times (each a retry), keeping the error of each. */
async function attempt(id: string, times = 1): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (let i = 0; i < times; i++) await deliverOutboxMessage(id).catch((e: unknown) => errors.push(e));
  return errors;
}

const report = (gateway: string, token: string, body: unknown) =>
  reportRoute(new Request(`http://localhost/api/sms/report/${gateway}/${token}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), {
    params: Promise.resolve({ gateway, token }),
  });

describe("Tencent Cloud SMS against a local fake of its API", () => {
  let fake: FakeGateway;
  const creds = { secretId: "AKIDtest0000000000000000000000000000", secretKey: "tencent-secret-key-for-tests" };
  beforeAll(async () => {
    fake = await fakeTencentSms(creds);
  });
  afterAll(() => fake.close());
  const tencent = (more: Record<string, string> = {}) =>
    configure({ SMS_PROVIDER: "tencent", SMS_SECRET_ID: creds.secretId, SMS_SECRET_KEY: creds.secretKey, SMS_SDK_APP_ID: "1400000001", SMS_SIGN_NAME: "个人电子签", SMS_TEMPLATE_IDS: ALL_IDS, SMS_ENDPOINT: fake.url, SMS_CALLBACK_TOKEN: TOKEN, ...more });

  it("sends SendSms signed with TC3-HMAC-SHA256: the number, app id, sign, template id and parameters in the template's order; keeps the SerialNo", async () => {
    tencent();
    fake.mode = "ok";
    const to = phone();
    const id = await invite(to);
    expect(await attempt(id)).toEqual([]);
    const req = fake.requests.at(-1)!;
    expect(req.signatureProblem).toBeNull();
    expect(req.method).toBe("POST");
    expect(req.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest0+\/\d{4}-\d{2}-\d{2}\/[\w.]+\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    expect(req.headers).toMatchObject({ "x-tc-action": "SendSms", "x-tc-version": "2021-01-11", "x-tc-region": "ap-guangzhou" });
    expect(JSON.parse(req.body)).toEqual({
      PhoneNumberSet: [`+86${to}`],
      SmsSdkAppId: "1400000001",
      SignName: "个人电子签",
      TemplateId: ID_OF("contract.invite"),
      TemplateParamSet: ["张三", "个人借条", "2027-01-05", "https://e.example.com/s/abc"],
      SessionContext: id,
    });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "SENT", provider: "tencent", providerMessageId: fake.issued.at(-1), attempts: 1, lastError: null, kind: "contract.invite", template: "contract.invite" });
    // the outbox still reads as the handset would
    expect(sent.body).toBe("【个人电子签】张三邀请您签署《个人借条》，请于2027-01-05前打开 https://e.example.com/s/abc 处理。");
  });

  it("a wrong key is refused by the gateway's signature check and retried", async () => {
    tencent({ SMS_SECRET_KEY: "not-the-key" });
    fake.mode = "ok";
    const id = await invite(phone());
    const [err] = await attempt(id);
    expect(String(err)).toMatch(/AuthFailure\.SignatureFailure/);
    expect(fake.requests.at(-1)!.signatureProblem).toBe("signature does not match");
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/AuthFailure\.SignatureFailure/) });
  });

  it("an error code in SendStatusSet throws: the row stays PENDING with the error, the job backs off, and after the last attempt it is FAILED", async () => {
    tencent();
    fake.mode = "error";
    const id = await invite(phone());
    while ((await runDueJobs(50, "messages")) > 0); // the job runner's first try
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/LimitExceeded\.PhoneNumberDailyLimit/), providerMessageId: null });
    const job = await db().job.findFirstOrThrow({ where: { name: "outbox.deliver", payload: { equals: { id } } } });
    expect(job.status).toBe("QUEUED");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now()); // retried later, with back-off
    await attempt(id, 3);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 4 });
    await attempt(id);
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 5, lastError: expect.stringMatching(/LimitExceeded/) });
    // a failure then a success: the admin's 重新发送 puts it back and it goes out
    fake.mode = "ok";
    const { resendOutboxMessage } = await import("@/lib/server/notify");
    await db().$transaction((tx) => resendOutboxMessage(tx, id));
    expect(await attempt(id)).toEqual([]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
  });

  it("a gateway that never answers times out (SMS_TIMEOUT_MS) and the row is retried", async () => {
    tencent({ SMS_TIMEOUT_MS: "300" });
    fake.mode = "hang";
    const id = await invite(phone());
    const started = Date.now();
    const [err] = await attempt(id);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(String(err)).toMatch(/timeout/i);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/timeout/i) });
    fake.mode = "ok";
    expect(await attempt(id)).toEqual([]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("a login code goes to the gateway as a parameter but is never stored in clear: params and body masked, the sealed copy erased once sent", async () => {
    tencent();
    fake.mode = "ok";
    const to = phone();
    const id = await db().$transaction((tx) => queueSms(tx, { to, template: "login_code", params: { code: "407213" } }));
    const queued = await row(id);
    expect(queued.body).toBe("【个人电子签】您的登录验证码为 ******，5分钟内有效。请勿泄露给他人。");
    expect(queued.params).toEqual({ code: "******" });
    expect(queued.redacted).toBe(true);
    expect(JSON.stringify(queued)).not.toContain("407213");
    expect(decrypt(queued.sealed!)).toContain("407213"); // only inside the sealed copy
    expect(JSON.stringify(await db().job.findMany({ where: { name: "outbox.deliver" } }))).not.toContain("407213");
    expect(await attempt(id)).toEqual([]);
    expect(JSON.parse(fake.requests.at(-1)!.body)).toMatchObject({ TemplateId: ID_OF("login_code"), TemplateParamSet: ["407213"] });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "SENT", sealed: null, params: { code: "******" } });
    expect(JSON.stringify(sent)).not.toContain("407213");
  });

  it("a code message's failure is recorded without the gateway's text (which could quote it)", async () => {
    tencent();
    fake.mode = "error";
    const id = await db().$transaction((tx) => queueSms(tx, { to: phone(), template: "account.phoneCode", params: { code: "918273" } }));
    await attempt(id);
    expect(await row(id)).toMatchObject({ status: "PENDING", lastError: "发送失败（内容含验证码，不记录详情）" });
    await attempt(id, 4);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "FAILED", sealed: null });
    expect(JSON.stringify(failed)).not.toContain("918273");
  });

  it("delivery reports: the callback needs SMS_CALLBACK_TOKEN, moves the row with that SerialNo and number to DELIVERED or FAILED, and ignores the rest", async () => {
    tencent();
    fake.mode = "ok";
    const [a, b] = [phone(), phone()];
    const [ida, idb] = [await invite(a), await invite(b)];
    await attempt(ida);
    await attempt(idb);
    const [sa, sb] = [(await row(ida)).providerMessageId!, (await row(idb)).providerMessageId!];
    const ok = { user_receive_time: "2026-12-07 10:00:01", nationcode: "86", mobile: a, report_status: "SUCCESS", errmsg: "DELIVRD", description: "用户短信送达成功", sid: sa };
    const fail = { user_receive_time: "2026-12-07 10:00:02", nationcode: "86", mobile: b, report_status: "FAIL", errmsg: "MK:0001", description: "用户关机", sid: sb };

    // a wrong or missing token: as if the route did not exist, nothing changes
    expect((await report("tencent", "wrong-token-0123456789", [ok])).status).toBe(404);
    expect((await report("tencent", TOKEN.slice(0, -1), [ok])).status).toBe(404);
    expect((await report("nonesuch", TOKEN, [ok])).status).toBe(404);
    expect((await row(ida)).status).toBe("SENT");
    tencent({ SMS_CALLBACK_TOKEN: "" });
    expect((await report("tencent", "", [ok])).status).toBe(404); // unset: the callback is off
    tencent({ SMS_CALLBACK_TOKEN: "short" });
    expect((await report("tencent", "short", [ok])).status).toBe(404); // too short to be a secret
    tencent();

    // unknown ids, or a known id with another number, are acknowledged and change nothing
    const ignored = await report("tencent", TOKEN, [{ ...ok, sid: "2645:nonesuch" }, { ...ok, mobile: b }]);
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toEqual({ result: 0, errmsg: "OK" });
    expect((await row(ida)).status).toBe("SENT");
    expect((await row(idb)).status).toBe("SENT");

    const res = await report("tencent", TOKEN, [ok, fail]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: 0, errmsg: "OK" });
    expect(await row(ida)).toMatchObject({ status: "DELIVERED", reportedAt: expect.any(Date), lastError: null });
    expect(await row(idb)).toMatchObject({ status: "FAILED", reportedAt: expect.any(Date), lastError: "未送达（运营商回执）：MK:0001 用户关机" });

    expect((await report("tencent", TOKEN, { not: "a report" })).status).toBe(200); // an object without sid: nothing to do
    const bad = await reportRoute(new Request(`http://localhost/api/sms/report/tencent/${TOKEN}`, { method: "POST", body: "not json" }), { params: Promise.resolve({ gateway: "tencent", token: TOKEN }) });
    expect(bad.status).toBe(400);
  });
});

describe("Aliyun SMS against a local fake of its API", () => {
  let fake: FakeGateway;
  const creds = { accessKeyId: "LTAI5ttestaccesskey00000", accessKeySecret: "aliyun-secret-for-tests" };
  beforeAll(async () => {
    fake = await fakeAliyunSms(creds);
  });
  afterAll(() => fake.close());
  const aliyun = (more: Record<string, string> = {}) =>
    configure({ SMS_PROVIDER: "aliyun", SMS_SECRET_ID: creds.accessKeyId, SMS_SECRET_KEY: creds.accessKeySecret, SMS_SIGN_NAME: "个人电子签", SMS_TEMPLATE_IDS: ALL_IDS, SMS_ENDPOINT: fake.url, SMS_CALLBACK_TOKEN: TOKEN, ...more });

  it("sends Action=SendSms (2017-05-25) signed with ACS3-HMAC-SHA256: PhoneNumbers, SignName, TemplateCode, TemplateParam JSON, OutId; keeps the BizId", async () => {
    aliyun();
    fake.mode = "ok";
    const to = phone();
    const id = await invite(to);
    expect(await attempt(id)).toEqual([]);
    const req = fake.requests.at(-1)!;
    expect(req.signatureProblem).toBeNull();
    expect(req.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5ttestaccesskey00000,SignedHeaders=[a-z0-9;-]+,Signature=[0-9a-f]{64}$/);
    expect(req.headers).toMatchObject({ "x-acs-action": "SendSms", "x-acs-version": "2017-05-25" });
    const q = Object.fromEntries(new URL(req.url, "http://x").searchParams);
    expect(q).toEqual({ PhoneNumbers: to, SignName: "个人电子签", TemplateCode: ID_OF("contract.invite"), TemplateParam: expect.any(String), OutId: id });
    expect(JSON.parse(q.TemplateParam!)).toEqual({ initiator: "张三", title: "个人借条", until: "2027-01-05", link: "https://e.example.com/s/abc" });
    expect(await row(id)).toMatchObject({ status: "SENT", provider: "aliyun", providerMessageId: fake.issued.at(-1), attempts: 1 });
  });

  it("a wrong secret is refused by the signature check (HTTP 400) and retried", async () => {
    aliyun({ SMS_SECRET_KEY: "wrong" });
    fake.mode = "ok";
    const id = await invite(phone());
    const [err] = await attempt(id);
    expect(String(err)).toMatch(/SignatureDoesNotMatch/);
    expect(await row(id)).toMatchObject({ status: "PENDING", lastError: expect.stringMatching(/SignatureDoesNotMatch/) });
  });

  it("Code other than OK throws: PENDING with the error, FAILED after the last attempt", async () => {
    aliyun();
    fake.mode = "error";
    const id = await invite(phone());
    await attempt(id);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/isv\.BUSINESS_LIMIT_CONTROL/) });
    await attempt(id, 4);
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 5, lastError: expect.stringMatching(/isv\.BUSINESS_LIMIT_CONTROL/) });
  });

  it("a gateway that never answers times out and the row is retried", async () => {
    aliyun({ SMS_TIMEOUT_MS: "300" });
    fake.mode = "hang";
    const id = await invite(phone());
    const started = Date.now();
    const [err] = await attempt(id);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(String(err)).toMatch(/timeout/i);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/timeout/i) });
    fake.mode = "ok";
    expect(await attempt(id)).toEqual([]);
    expect((await row(id)).status).toBe("SENT");
  });

  it("SmsReport callbacks move the row with that BizId and number; a wrong token is 404", async () => {
    aliyun();
    fake.mode = "ok";
    const [a, b] = [phone(), phone()];
    const [ida, idb] = [await invite(a), await invite(b)];
    await attempt(ida);
    await attempt(idb);
    const item = (to: string, id: string, success: boolean) => ({
      phone_number: to,
      send_time: "2026-12-07 10:00:00",
      report_time: "2026-12-07 10:00:03",
      success,
      err_code: success ? "DELIVERED" : "MN:0001",
      err_msg: success ? "用户接收成功" : "空号",
      sms_size: "1",
      biz_id: id,
      out_id: "",
    });
    const body = [item(a, (await row(ida)).providerMessageId!, true), item(b, (await row(idb)).providerMessageId!, false)];
    expect((await report("aliyun", "x".repeat(TOKEN.length), body)).status).toBe(404);
    expect((await row(ida)).status).toBe("SENT");
    // a report for another gateway's path never matches this gateway's rows
    expect((await (await report("tencent", TOKEN, body)).json())).toEqual({ result: 0, errmsg: "OK" });
    expect((await row(ida)).status).toBe("SENT");
    const res = await report("aliyun", TOKEN, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 0, msg: "成功" });
    expect(await row(ida)).toMatchObject({ status: "DELIVERED" });
    expect(await row(idb)).toMatchObject({ status: "FAILED", lastError: "未送达（运营商回执）：MN:0001 空号" });
  });
});

describe("configuration", () => {
  it("a real gateway refuses to work until every template has its id, naming what is missing", () => {
    configure({ SMS_PROVIDER: "tencent", SMS_SECRET_ID: "id", SMS_SECRET_KEY: "key", SMS_SDK_APP_ID: "1400000001", SMS_SIGN_NAME: "个人电子签", SMS_TEMPLATE_IDS: JSON.stringify({ login_code: "1", "contract.nonesuch": "2" }) });
    const problems = smsConfigProblems();
    expect(problems.join("\n")).toMatch(/SMS_TEMPLATE_IDS 含未知模板：contract\.nonesuch/);
    expect(problems.join("\n")).toMatch(/SMS_TEMPLATE_IDS 缺少模板ID：account\.phoneCode、contract\.invite/);
    expect(() => smsProvider()).toThrow(/短信服务未配置好：.*缺少模板ID/);
    configure({ SMS_PROVIDER: "aliyun" });
    expect(smsConfigProblems()).toEqual(expect.arrayContaining([expect.stringMatching(/SMS_SECRET_ID/), expect.stringMatching(/SMS_SIGN_NAME/), expect.stringMatching(/SMS_TEMPLATE_IDS 未设置/)]));
    configure({ SMS_PROVIDER: "twilio" });
    expect(smsConfigProblems()).toEqual(["SMS_PROVIDER=twilio 无效（可选 dev、tencent、aliyun）"]);
    configure({});
    expect(smsConfigProblems()).toEqual([]);
    expect(smsProvider()).toMatchObject({ name: "dev-outbox", simulated: true });
  });

  it("a row that failed because the gateway was misconfigured says so and is retried", async () => {
    configure({ SMS_PROVIDER: "tencent" });
    const id = await invite(phone());
    await attempt(id);
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/短信服务未配置好/) });
  });
});

describe("the development provider", () => {
  it("writes to the simulated handset exactly the text the outbox row holds, rendered from the table, for every template", async () => {
    configure({});
    const sample = (k: (typeof SMS_TEMPLATE_KEYS)[number]) => Object.fromEntries(SMS_TEMPLATES[k].params.map((p) => [p, p === "code" ? "123456" : `«${p}»`]));
    for (const k of SMS_TEMPLATE_KEYS) {
      const to = phone();
      const params = sample(k);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every template, looped
      const id = await db().$transaction((tx) => queueSms(tx, { to, template: k, params } as any));
      expect(await attempt(id)).toEqual([]);
      const handset = await db().simulatedDelivery.findUniqueOrThrow({ where: { outboxId: id } });
      const r = await row(id);
      expect(handset.body).toBe(renderSms(k, params, "个人电子签"));
      expect(r).toMatchObject({ status: "SENT", provider: "dev-outbox", kind: SMS_TEMPLATES[k].kind, template: k, providerMessageId: null });
      if (k === "login_code" || k === "account.phoneCode") expect(r.body).toBe(handset.body.replace("123456", "******"));
      else expect(r.body).toBe(handset.body);
    }
  });

  it("still sends a row queued before templates (body only)", async () => {
    configure({});
    const legacy = await db().outboxMessage.create({ data: { channel: "SMS", to: phone(), kind: "contract.signed", body: "【个人电子签】《旧合同》已有签署方完成签署，等待其他签署方。" } });
    expect(await attempt(legacy.id)).toEqual([]);
    expect((await db().simulatedDelivery.findUniqueOrThrow({ where: { outboxId: legacy.id } })).body).toBe(legacy.body);
  });
});

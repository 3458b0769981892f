import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { now } from "@/lib/server/clock";
import { devProvidersActive } from "@/lib/server/config";
import { platformPki } from "./ca";
import { ab, issueTimeStampToken, OID, type TimeStampAuthority } from "./cms";

// Time-stamps (RFC 3161). A deployment names one or more external TSAs (TSA_URLS, tried in order,
// each within TSA_TIMEOUT_MS); the built-in TSA — our own certificate under our own root — is for
// development only, and a deployment without TSA_URLS refuses to start (instrumentation).

/** The built-in TSA: the platform's own time-stamping certificate under the same root. */
class PlatformTsa implements TimeStampAuthority {
  readonly name = "platform-tsa";
  async timestamp(imprint: Uint8Array): Promise<Uint8Array> {
    const { tsa, ca } = await platformPki();
    return issueTimeStampToken(imprint, tsa, [ca.cert], now());
  }
}

/** An RFC 3161 client over HTTP: application/timestamp-query to each URL in turn until one grants. */
export class HttpTsa implements TimeStampAuthority {
  readonly name: string;
  constructor(
    private readonly urls: string[],
    private readonly timeoutMs = 10_000,
  ) {
    this.name = `rfc3161:${urls.map((u) => new URL(u).host).join(",")}`;
  }

  async timestamp(imprint: Uint8Array): Promise<Uint8Array> {
    const failures: string[] = [];
    for (const url of this.urls) {
      try {
        return await this.ask(url, imprint);
      } catch (e) {
        failures.push(`${new URL(url).host}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    throw new Error(`no time-stamp authority answered (${failures.join("; ")})`);
  }

  private async ask(url: string, imprint: Uint8Array): Promise<Uint8Array> {
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(8));
    nonce[0]! &= 0x7f; // a positive INTEGER
    const req = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }), hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }) }),
      nonce: new asn1js.Integer({ valueHex: ab(nonce) }),
      certReq: true, // the TSA's certificate inside the token, so a validator needs nothing else
    });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/timestamp-query", accept: "application/timestamp-reply" },
      body: Buffer.from(req.toSchema().toBER()),
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: "error",
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length > 64 * 1024) throw new Error("reply too large");
    const parsed = asn1js.fromBER(ab(body));
    if (parsed.offset === -1) throw new Error("reply is not DER");
    const reply = new pkijs.TimeStampResp({ schema: parsed.result });
    const status = reply.status.status; // 0 granted, 1 grantedWithMods
    if ((status !== 0 && status !== 1) || !reply.timeStampToken) throw new Error(`refused (status ${status})`);
    // the token must be over our imprint and answer our nonce: anything else is not ours to embed
    const token = new pkijs.SignedData({ schema: reply.timeStampToken.content });
    const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(ab(new Uint8Array(token.encapContentInfo.eContent!.getValue()))).result });
    if (!Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(imprint))) throw new Error("token is over another imprint");
    if (!tst.nonce || !Buffer.from(tst.nonce.valueBlock.valueHexView).equals(Buffer.from(nonce))) throw new Error("token does not answer our nonce");
    return new Uint8Array(reply.timeStampToken.toSchema().toBER());
  }
}

/** TSA_URLS: comma-separated http(s) URLs of RFC 3161 services; empty means the built-in one. */
export function tsaUrls(): string[] {
  return (process.env.TSA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter((u) => /^https?:\/\//.test(u));
}

let current: TimeStampAuthority | null = null;
export function timeStampAuthority(): TimeStampAuthority {
  if (current) return current;
  const urls = tsaUrls();
  if (urls.length) return (current = new HttpTsa(urls, Number(process.env.TSA_TIMEOUT_MS) || 10_000));
  if (!devProvidersActive()) throw new Error(TSA_MISSING);
  return (current = new PlatformTsa());
}

export const TSA_MISSING = "未配置时间戳服务：正式环境请在 TSA_URLS 中填写 RFC 3161 时间戳服务地址（内置时间戳仅用于开发）";

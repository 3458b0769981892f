import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { PDFDocument } from "pdf-lib";
import { issueCert, type KeyedCert } from "./x509";
import { ab, issueTimeStampToken, sha256 } from "./cms";
import { HttpTsa } from "./tsa";
import { addSignature } from "@/lib/server/pdf";
import { inspectPdf } from "@/lib/server/evidence";

// An RFC 3161 service on loopback with its own hierarchy (a stand-in for a commercial TSA), and
// servers that misbehave: the client must only ever embed a granted token over its own imprint.

type Mode = "good" | "wrong-nonce" | "rejected" | "hang";

let tsaRoot: KeyedCert;
let tsaCert: KeyedCert;
const servers: http.Server[] = [];

async function serve(mode: Mode): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (mode === "hang") return; // never answers
      const ask = new pkijs.TimeStampReq({ schema: asn1js.fromBER(ab(Buffer.concat(chunks))).result });
      const imprint = new Uint8Array(ask.messageImprint.hashedMessage.valueBlock.valueHexView);
      const nonce = new Uint8Array(ask.nonce!.valueBlock.valueHexView);
      if (mode === "wrong-nonce") nonce[0] = nonce[0]! ^ 0x01;
      const token = await issueTimeStampToken(imprint, tsaCert, [tsaRoot.cert], new Date(), nonce);
      const reply = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: mode === "rejected" ? 2 : 0 }),
        ...(mode === "rejected" ? {} : { timeStampToken: new pkijs.ContentInfo({ schema: asn1js.fromBER(ab(token)).result }) }),
      });
      res.writeHead(200, { "content-type": "application/timestamp-reply" });
      res.end(Buffer.from(reply.toSchema().toBER()));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
}

beforeAll(async () => {
  tsaRoot = await issueCert({ profile: "root", subject: [{ CN: ["示例时间戳根证书"] }], years: 5, issuer: null });
  tsaCert = await issueCert({ profile: "tsa", subject: [{ CN: ["示例时间戳服务"] }], years: 2, issuer: tsaRoot });
});
afterAll(() => servers.forEach((s) => s.close()));

describe("HttpTsa (RFC 3161 over HTTP)", () => {
  it("skips a TSA that is down, gets a token from the next, and /verify trusts it once its root is configured", async () => {
    const down = "http://127.0.0.1:9/tsa"; // discard port: connection refused
    const tsa = new HttpTsa([down, await serve("good")], 2_000);
    const signerRoot = await issueCert({ profile: "root", subject: [{ CN: ["签署根证书"] }], years: 5, issuer: null });
    const signer = await issueCert({ profile: "signer", subject: [{ CN: ["张三"] }], years: 1, issuer: signerRoot });
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const pdf = await addSignature(await doc.save({ useObjectStreams: false }), { signer, chain: [signerRoot.cert], tsa, fieldName: "s", name: "张三", reason: "test", signingTime: new Date() });
    const untrusted = await inspectPdf(pdf, { root: signerRoot.cert });
    expect(untrusted.kind === "pdf" && untrusted.signatures[0]!.timestamp?.valid).toBe(false);
    const trusted = await inspectPdf(pdf, { root: signerRoot.cert, tsaRoots: [tsaRoot.cert] });
    if (trusted.kind !== "pdf") throw new Error("not read");
    expect(trusted.signatures[0]).toMatchObject({ trusted: true, digestMatches: true, timestamp: { valid: true } });
  });

  it.each<[Mode, RegExp]>([
    ["wrong-nonce", /nonce/],
    ["rejected", /refused \(status 2\)/],
    ["hang", /aborted|timeout/i],
  ])("a TSA that answers %s is not used", async (mode, why) => {
    const tsa = new HttpTsa([await serve(mode)], 800);
    const err = await tsa.timestamp(await sha256(new Uint8Array([1, 2, 3]))).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no time-stamp authority answered/);
    expect((err as Error).message).toMatch(why);
  });
});

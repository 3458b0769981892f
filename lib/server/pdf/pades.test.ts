import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { platformPki, issueSignerCert, timeStampAuthority } from "@/lib/server/pki";
import { iou } from "@/lib/domain/templates/iou";
import { addDays, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { renderContractPdf } from "./render";
import { addSignature } from "./pades";
import { pdfsigBlocks, trustingNssDb } from "@/lib/server/pki/test-nss";

// Judged by poppler's pdfsig (NSS) with a database that trusts only our root, and by qpdf.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pades-test-"));
const file = (name: string, bytes?: Uint8Array) => {
  const f = path.join(dir, name);
  if (bytes) fs.writeFileSync(f, bytes);
  return f;
};

async function contractPdf(): Promise<Uint8Array> {
  const today = shanghaiToday(new Date());
  const form = { ...iou.emptyForm(today), amount: "5000", purpose: "周转", repayDate: formatYmd(addDays(today, 30)) };
  return renderContractPdf(
    iou.document(iou.facts(form), [{ role: "LENDER", name: "张三", idMasked: "1101**********1234" }, { role: "BORROWER", name: "李四", idMasked: "3101**********5678" }], { number: "T-1" }),
    new Map(),
  );
}

async function signAs(pdf: Uint8Array, name: string, field: string) {
  const { ca } = await platformPki();
  const signer = await issueSignerCert({ name, idMasked: "1101**********0000", contractNumber: "HT20261204000001" });
  return addSignature(pdf, { signer, chain: [ca.cert], tsa: timeStampAuthority(), fieldName: field, name, reason: "签署借条", signingTime: new Date() });
}

describe("PAdES incremental signatures", () => {
  it("two signers and the platform seal: pdfsig lists three valid, trusted signatures; the original bytes are untouched", async () => {
    const original = await contractPdf();
    const one = await signAs(original, "张三", "sig1");
    expect(Buffer.from(one.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const two = await signAs(one, "李四", "sig2");
    const { seal, ca } = await platformPki();
    const sealed = await addSignature(two, { signer: seal, chain: [ca.cert], tsa: timeStampAuthority(), fieldName: "platform", name: "个人电子签", reason: "平台签章", signingTime: new Date() });
    const f = file("sealed.pdf", sealed);

    const blocks = pdfsigBlocks(f, await trustingNssDb());
    expect(blocks).toHaveLength(3);
    for (const b of blocks) {
      expect(b).toContain("Signature Validation: Signature is Valid.");
      expect(b).toContain("Certificate Validation: Certificate is Trusted.");
      expect(b).toContain("Signature Type: ETSI.CAdES.detached");
    }
    expect(blocks[0]).toContain("Signer Certificate Common Name: 张三");
    expect(blocks[1]).toContain("Signer Certificate Common Name: 李四");
    expect(blocks[2]).toContain("Total document signed");
    expect(spawnSync("qpdf", ["--check", f], { encoding: "utf8" }).status).toBe(0);
    expect(execFileSync("pdftotext", [f, "-"]).toString()).toContain("张三");
  });

  it("one byte changed inside the signed range: pdfsig reports the change", async () => {
    const signed = await signAs(await contractPdf(), "王五", "sig1");
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf("/Producer");
    tampered[at + 2] = tampered[at + 2] === 0x72 ? 0x52 : 0x72; // flip a letter's case in the Info dict
    const blocks = pdfsigBlocks(file("tampered.pdf", tampered), await trustingNssDb());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toContain("Signature is Valid.");
    expect(blocks[0]).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it("a signature checked against a database without our root is not trusted", async () => {
    const signed = await signAs(await contractPdf(), "赵六", "sig1");
    const empty = path.join(dir, "empty-nss");
    fs.mkdirSync(empty);
    execFileSync("certutil", ["-N", "-d", `sql:${empty}`, "--empty-password"]);
    const blocks = pdfsigBlocks(file("untrusted.pdf", signed), `sql:${empty}`);
    expect(blocks[0]).toContain("Signature Validation: Signature is Valid.");
    expect(blocks[0]).not.toContain("Certificate is Trusted.");
  });
});

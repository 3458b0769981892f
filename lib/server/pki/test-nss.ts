// For tests: poppler's pdfsig against an NSS database that trusts only our root, and pyHanko.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { platformPki } from "./ca";
import { pyhankoValidate } from "./test-validators";

let db: string | null = null;

export async function trustingNssDb(): Promise<string> {
  if (db) return db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nss-"));
  const { root } = await platformPki();
  const pem = path.join(dir, "root.pem");
  fs.writeFileSync(pem, root.toString("pem"));
  execFileSync("certutil", ["-N", "-d", `sql:${dir}`, "--empty-password"]);
  execFileSync("certutil", ["-A", "-d", `sql:${dir}`, "-n", "dzq-root", "-t", "CT,C,C", "-i", pem]);
  return (db = `sql:${dir}`);
}

/**
 * pdfsig's report, one block per signature. Poppler cannot check document time-stamps (it says
 * "not yet verified"), so the final PDFs' long-term-validation stamp is left out here and judged
 * by pyHanko (strictVerdict).
 */
export function pdfsigBlocks(pdf: Uint8Array | string, nss: string): string[] {
  let file = pdf as string;
  if (typeof pdf !== "string") {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pdfsig-")), "doc.pdf");
    fs.writeFileSync(file, pdf);
  }
  const out = spawnSync("pdfsig", ["-nssdir", nss, file], { encoding: "utf8" }).stdout;
  return out.split(/Signature #\d+:/).slice(1).filter((b) => !/Signature Field Name: platform-ltv/.test(b));
}

/**
 * pyHanko's verdict on a PDF signed under our root: exit code and its report; by default also as
 * of 2045 (after every certificate but the root and CA has expired), which only long-term
 * validation data (the DSS and a document time-stamp) can pass.
 */
export async function strictVerdict(pdf: Uint8Array, at: string | null = "2045-01-01T00:00:00Z"): Promise<{ code: number; out: string }> {
  const { root } = await platformPki();
  return pyhankoValidate(pdf, root.toString("pem"), at ? { at } : {});
}

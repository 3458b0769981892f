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

/** pdfsig's report, one block per signature. */
export function pdfsigBlocks(pdf: Uint8Array | string, nss: string): string[] {
  let file = pdf as string;
  if (typeof pdf !== "string") {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pdfsig-")), "doc.pdf");
    fs.writeFileSync(file, pdf);
  }
  const out = spawnSync("pdfsig", ["-nssdir", nss, file], { encoding: "utf8" }).stdout;
  return out.split(/Signature #\d+:/).slice(1);
}

/** pyHanko's verdict on a PDF signed under our root: exit code and its report. */
export async function strictVerdict(pdf: Uint8Array): Promise<{ code: number; out: string }> {
  const { root } = await platformPki();
  return pyhankoValidate(pdf, root.toString("pem"));
}

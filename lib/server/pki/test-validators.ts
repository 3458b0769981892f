// For tests: the independent validator pyHanko (../shared/validators/pyhanko/pdf-validate, set up by
// .ci/run), trusting only the given root. Exit 0 means every signature is intact, trusted, time-stamped
// and everything added after it is a change pyHanko permits.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PDF_VALIDATE = process.env.PDF_VALIDATE ?? path.resolve(process.cwd(), "../shared/validators/pyhanko/pdf-validate");

export function pyhankoValidate(pdf: Uint8Array, rootPem: string, opts: { at?: string } = {}): { code: number; out: string } {
  if (!fs.existsSync(PDF_VALIDATE)) throw new Error(`pyHanko's pdf-validate is missing at ${PDF_VALIDATE} (set PDF_VALIDATE)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pyhanko-"));
  fs.writeFileSync(path.join(dir, "root.pem"), rootPem);
  fs.writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const args = ["--trust", path.join(dir, "root.pem"), ...(opts.at ? ["--at", opts.at] : []), path.join(dir, "doc.pdf")];
  const r = spawnSync(PDF_VALIDATE, args, { encoding: "utf8", timeout: 120_000 });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status ?? -1, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

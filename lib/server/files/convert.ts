import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/server/config";

export class ConvertError extends Error {}

/**
 * Office → PDF with LibreOffice (`soffice --headless`). Each process keeps its own profile (two
 * instances cannot share one), and a conversion that outlives its time limit is killed with its
 * whole process group (soffice starts soffice.bin as a child).
 */
export async function officeToPdf(src: string, workDir: string): Promise<Uint8Array> {
  const profile = path.join(config.dataDir, "tmp", `lo-profile-${process.pid}`);
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", workDir, src];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(config.sofficeBin, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
      reject(new ConvertError("文件转换超时，请将文件另存为PDF后上传"));
    }, config.convertTimeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`soffice failed to start: ${e.message}`));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      console.warn(`[convert] soffice exited ${code}: ${stderr}`);
      reject(new ConvertError("文件转换失败，请检查文件是否完好"));
    });
  });
  const out = path.join(workDir, `${path.basename(src, path.extname(src))}.pdf`);
  try {
    return new Uint8Array(await fs.readFile(out));
  } catch {
    throw new ConvertError("文件转换失败，请检查文件是否完好");
  }
}

import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/server/config";
import { log } from "@/lib/server/log";

export class ConvertError extends Error {}

/**
 * The sandbox an uploaded office file is converted in (bubblewrap): no network namespace (an
 * external image link, http://127.0.0.1:… or a private address, goes nowhere), a read-only /usr
 * and LibreOffice's own configuration, an empty /tmp, and one writable folder holding only this
 * file, its output and a fresh profile. Nothing else of the server's disk (data folder, keys,
 * other uploads) exists inside, so a file:// link finds nothing. It dies with the server.
 */
function sandboxArgs(job: string, command: string[]): string[] {
  return [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin",
    "--symlink", "usr/sbin", "/sbin",
    "--ro-bind-try", "/etc/fonts", "/etc/fonts",
    "--ro-bind-try", "/etc/libreoffice", "/etc/libreoffice",
    "--proc", "/proc",
    "--dev", "/dev",
    "--tmpfs", "/tmp",
    "--bind", job, "/job",
    "--setenv", "HOME", "/job",
    "--chdir", "/job",
    ...command,
  ];
}

/**
 * Office → PDF with LibreOffice (`soffice --headless`) inside the sandbox above, with an empty
 * profile of its own. A conversion that outlives its time limit is killed with its whole process
 * group (bwrap, soffice and soffice.bin).
 */
export async function officeToPdf(src: string, workDir: string): Promise<Uint8Array> {
  const ext = path.extname(src);
  await fs.mkdir(path.join(workDir, "out"), { recursive: true });
  await fs.copyFile(src, path.join(workDir, `source${ext}`));
  const soffice = [config.sofficeBin, "-env:UserInstallation=file:///job/profile", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", "/job/out", `/job/source${ext}`];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(config.sandboxBin, sandboxArgs(workDir, soffice), { detached: true, stdio: ["ignore", "ignore", "pipe"], env: { NODE_ENV: "production", PATH: "/usr/bin:/bin", LANG: "C.UTF-8" } });
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
      // no sandbox, no conversion: an uploaded file is never opened outside it
      log().error({ sandbox: config.sandboxBin, err: e }, "conversion sandbox failed to start");
      reject(new ConvertError("服务器暂不支持转换此类文件，请另存为PDF后上传"));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      log().warn({ exitCode: code, stderr }, "soffice failed");
      reject(new ConvertError("文件转换失败，请检查文件是否完好"));
    });
  });
  try {
    return new Uint8Array(await fs.readFile(path.join(workDir, "out", "source.pdf")));
  } catch {
    throw new ConvertError("文件转换失败，请检查文件是否完好");
  }
}

// From a fresh clone: install, prepare the embedded database with demo data, build, serve.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { bin, root, run, serve, step } from "./lib.mjs";

if (!fs.existsSync(path.join(root, "node_modules", ".bin", "next"))) {
  step("安装依赖 (npm ci)");
  await run("npm", ["ci", "--no-audit", "--no-fund"]);
}
// Uploaded Word/Excel files are converted inside bubblewrap (no network, no server files).
if (spawnSync("sh", ["-c", "command -v bwrap"]).status !== 0) {
  if (process.getuid?.() === 0) {
    step("安装文件转换沙箱 (bubblewrap)");
    await run("sh", ["-c", "apt-get install -y -qq bubblewrap || (apt-get update -qq && apt-get install -y -qq bubblewrap)"]);
  } else {
    console.warn("未找到 bwrap：请安装 bubblewrap（sudo apt-get install bubblewrap），否则 Word/Excel 文件无法转换。");
  }
}
step("生成数据库客户端");
await run(bin("prisma"), ["generate"]);
step("准备嵌入式数据库 (PGlite) 并写入演示数据");
await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"]);
await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
step("构建生产版本");
await run(bin("next"), ["build"]);

const port = process.env.PORT ?? "3000";
console.log(`
个人电子签已就绪： http://localhost:${port}

演示账号（手机号 + 短信验证码登录）：
  管理员        13800000000   → /admin（二次验证：签署密码 258147）
  张三（已实名）13800000001
  李四（已实名）13800000002
  新用户（未实名）13800000003
开发环境不真实发送短信：验证码请在 http://localhost:${port}/dev/outbox 查看。
`);
serve("node", ["scripts/serve.mjs"], { env: { PORT: port } });

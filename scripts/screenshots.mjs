// npm run screenshots: the README's screenshots (docs/screens) from a fresh production build,
// through the e2e server set-up (fresh data, migrations, seed) and the @screens spec.
import path from "node:path";
import { bin, root, run, step } from "./lib.mjs";

step("构建生产版本");
await run(bin("next"), ["build"]);
step("截图");
await run("node", ["scripts/test-e2e.mjs", "--grep", "@screens"], { env: { SCREENS_DIR: path.join(root, "docs", "screens") } });

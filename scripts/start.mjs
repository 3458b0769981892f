// Production start: apply migrations, then serve the built app (no time limit; SIGTERM drains).
import { bin, run, serve } from "./lib.mjs";

await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"]);
serve("node", ["scripts/serve.mjs"]);

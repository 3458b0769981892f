// Applies the committed migrations to the configured database (embedded PGlite by default).
import { bin, run } from "./lib.mjs";

await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"]);

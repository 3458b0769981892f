// Production start: apply migrations, then serve the built app.
import { bin, run } from "./lib.mjs";

await run(bin("tsx"), ["--conditions=react-server", "prisma/migrate.ts"]);
await run(bin("next"), ["start", "-p", process.env.PORT ?? "3000"]);
